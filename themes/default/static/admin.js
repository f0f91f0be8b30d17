// pamir admin: small conveniences on top of forms that work without it.
// - a Markdown toolbar and a live preview rendered by the server's own pipeline
// - autosave of the item being edited to this browser, offered back after a
//   dropped connection or a closed tab, so nothing typed is lost; and, for
//   an item already saved once, to the server a few seconds after each
//   change, which answers with who else is at work on the item
"use strict";
(function () {
  var form = document.querySelector("form[data-autosave]");
  if (!form) return;
  var csrf = form.querySelector("input[name=csrf]").value;
  // The words come from the page, in the editor's language.
  var say = function (name, fallback) { return form.getAttribute("data-text-" + name) || fallback; };
  var key = "pamir-autosave:" + form.getAttribute("data-autosave");
  var version = form.getAttribute("data-version") || "";
  var fields = Array.prototype.filter.call(form.elements, function (el) {
    return el.name && el.name !== "csrf" && el.name !== "version" && el.name !== "action" && el.type !== "hidden";
  });

  function snapshot() {
    var data = {};
    fields.forEach(function (el) {
      if (el.type === "checkbox") data[el.id] = el.checked;
      else if (el.multiple) data[el.id] = Array.prototype.map.call(el.selectedOptions, function (o) { return o.value; });
      else data[el.id] = el.value;
    });
    return data;
  }
  function apply(data) {
    fields.forEach(function (el) {
      if (!(el.id in data)) return;
      if (el.type === "checkbox") el.checked = data[el.id];
      else if (el.multiple) Array.prototype.forEach.call(el.options, function (o) { o.selected = data[el.id].indexOf(o.value) >= 0; });
      else el.value = data[el.id];
      // The rich-text editor over a textarea reads it again.
      el.dispatchEvent(new Event("change", { bubbles: true }));
    });
  }

  // A page shown right after a save holds what was saved: the stored copy is stale.
  if (form.hasAttribute("data-saved")) {
    try { localStorage.removeItem(key); } catch (e) { /* storage unavailable */ }
  }
  var initial = JSON.stringify(snapshot());
  var stored = null;
  try { stored = JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { stored = null; }
  // The server's offer of a kept draft, when there is one, says the same.
  if (stored && stored.data && JSON.stringify(stored.data) !== initial && !form.hasAttribute("data-draft-offer")) {
    var box = document.createElement("div");
    box.className = "autosave";
    box.setAttribute("role", "alert");
    var text = document.createElement("p");
    text.textContent = say("found", "This browser kept changes to this item that were not saved.") + " (" + new Date(stored.at).toLocaleString() + ")";
    var yes = document.createElement("button");
    yes.type = "button";
    yes.textContent = say("restore", "Restore them");
    var no = document.createElement("button");
    no.type = "button";
    no.className = "danger";
    no.textContent = say("discard", "Discard them");
    yes.addEventListener("click", function () { apply(stored.data); box.remove(); });
    no.addEventListener("click", function () { try { localStorage.removeItem(key); } catch (e) {} box.remove(); });
    box.appendChild(text);
    box.appendChild(yes);
    box.appendChild(document.createTextNode(" "));
    box.appendChild(no);
    form.parentNode.insertBefore(box, form);
  }
  var timer = null;
  form.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      try { localStorage.setItem(key, JSON.stringify({ at: Date.now(), version: version, data: snapshot() })); } catch (e) {}
    }, 400);
  });

  // After a save that met someone else's: "Use their version" puts theirs
  // into the form's field (the rich-text editor reads it again on change).
  Array.prototype.forEach.call(document.querySelectorAll("button[data-use-theirs]"), function (button) {
    var field = document.getElementById(button.getAttribute("data-use-theirs"));
    var theirs = document.getElementById("theirs-" + button.getAttribute("data-use-theirs"));
    if (!field || !theirs || !("value" in field) || field.type === "checkbox" || field.multiple) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      field.value = theirs.textContent;
      field.dispatchEvent(new Event("input", { bubbles: true }));
      field.dispatchEvent(new Event("change", { bubbles: true }));
      field.focus();
    });
  });

  // The server's copy: a few seconds after the last change, and again
  // after a failure once something changes.
  var draftUrl = form.getAttribute("data-draft");
  if (draftUrl) {
    var status = document.createElement("p");
    status.className = "draft-status";
    status.setAttribute("role", "status");
    var actions = form.querySelector(".actions");
    if (actions) actions.parentNode.insertBefore(status, actions.nextSibling);
    else form.appendChild(status);
    var keepTimer = null;
    var keep = function () {
      var data = new URLSearchParams(new FormData(form));
      data.delete("action");
      fetch(draftUrl, { method: "POST", body: data, credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
        .then(function (kept) {
          status.textContent = kept.said;
          var presence = document.getElementById("presence");
          if (!presence && kept.others_said) {
            presence = document.createElement("p");
            presence.id = "presence";
            presence.className = "presence";
            presence.setAttribute("role", "status");
            form.parentNode.insertBefore(presence, form);
          }
          if (presence) {
            presence.textContent = kept.others_said;
            presence.hidden = !kept.others_said;
          }
        })
        .catch(function () { status.textContent = say("draft-failed", "Not kept on the server; this browser keeps it meanwhile."); });
    };
    var keepSoon = function () {
      clearTimeout(keepTimer);
      keepTimer = setTimeout(keep, 3000);
    };
    form.addEventListener("input", keepSoon);
    form.addEventListener("change", keepSoon);
    // Saving ends the draft on the server; nothing is left to keep.
    form.addEventListener("submit", function () { clearTimeout(keepTimer); });
  }

  // Toolbar: wraps the selection in Markdown.
  var body = document.getElementById("body");
  var preview = document.getElementById("preview");
  if (!body) return;
  // Labels: "Bold|Italic|Heading|Link|List|Quote", translated in the page.
  var labels = say("tools", "Bold|Italic|Heading|Link|List|Quote").split("|");
  var tools = [["B", "**", "**"], ["I", "*", "*"], ["H", "\n## ", "\n"],
    ["[ ]", "[", "](https://)"], ["•", "\n- ", "\n"], ["❝", "\n> ", "\n"]];
  var bar = document.createElement("div");
  bar.className = "toolbar";
  bar.setAttribute("role", "toolbar");
  bar.setAttribute("aria-label", "Markdown");
  tools.forEach(function (tool, index) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = tool[0];
    b.setAttribute("aria-label", labels[index] || tool[0]);
    b.addEventListener("click", function () {
      var start = body.selectionStart, end = body.selectionEnd, v = body.value;
      body.value = v.slice(0, start) + tool[1] + v.slice(start, end) + tool[2] + v.slice(end);
      body.focus();
      body.selectionStart = start + tool[1].length;
      body.selectionEnd = end + tool[1].length;
      body.dispatchEvent(new Event("input", { bubbles: true }));
    });
    bar.appendChild(b);
  });
  var show = document.createElement("button");
  show.type = "button";
  show.textContent = say("preview", "Preview");
  show.setAttribute("aria-controls", "preview");
  bar.appendChild(show);
  body.parentNode.insertBefore(bar, body);

  function refresh() {
    var data = new URLSearchParams();
    data.set("csrf", csrf);
    data.set("markdown", body.value);
    fetch("/admin/items/preview", { method: "POST", body: data, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        // The server sanitised this HTML with the public site's allow-list.
        var doc = new DOMParser().parseFromString(html, "text/html");
        preview.replaceChildren.apply(preview, Array.prototype.slice.call(doc.body.childNodes));
      })
      .catch(function () { preview.textContent = say("offline", "The preview needs a connection. Your text is kept in this browser."); });
  }
  var previewTimer = null;
  show.addEventListener("click", function () {
    preview.hidden = !preview.hidden;
    if (!preview.hidden) refresh();
  });
  body.addEventListener("input", function () {
    if (preview.hidden) return;
    clearTimeout(previewTimer);
    previewTimer = setTimeout(refresh, 600);
  });
})();
