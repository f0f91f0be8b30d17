// A photo story's pictures, large, without leaving the page. Without this
// script each picture is a link to its large file; with it, the link opens
// a dialog (Esc or the button closes it, the arrow keys and buttons move
// through the pictures, focus returns to the picture that opened it).
(function () {
  "use strict";
  var gallery = document.querySelector(".gallery");
  if (!gallery || typeof HTMLDialogElement !== "function") return;
  var links = Array.prototype.slice.call(gallery.querySelectorAll("a.gallery-link"));
  if (!links.length) return;
  var dialog = document.createElement("dialog");
  dialog.className = "lightbox";
  var figure = document.createElement("figure");
  var image = document.createElement("img");
  var caption = document.createElement("figcaption");
  figure.appendChild(image);
  figure.appendChild(caption);
  function button(label, className, action) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = className;
    b.textContent = label;
    b.addEventListener("click", action);
    return b;
  }
  var current = 0;
  function show(index) {
    current = (index + links.length) % links.length;
    var link = links[current];
    var thumb = link.querySelector("img");
    image.src = link.href;
    image.alt = thumb ? thumb.alt : "";
    var text = link.parentNode.querySelector("figcaption");
    caption.textContent = text ? text.textContent : "";
  }
  var close = button(gallery.getAttribute("data-close") || "Close", "lightbox-close", function () { dialog.close(); });
  dialog.appendChild(close);
  dialog.appendChild(figure);
  if (links.length > 1) {
    dialog.appendChild(button(gallery.getAttribute("data-previous") || "Previous", "lightbox-previous", function () { show(current - 1); }));
    dialog.appendChild(button(gallery.getAttribute("data-next") || "Next", "lightbox-next", function () { show(current + 1); }));
  }
  dialog.addEventListener("keydown", function (event) {
    if (event.key === "ArrowLeft") show(current - 1);
    if (event.key === "ArrowRight") show(current + 1);
  });
  dialog.addEventListener("close", function () { links[current].focus(); });
  document.body.appendChild(dialog);
  links.forEach(function (link, index) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      show(index);
      dialog.showModal();
      close.focus();
    });
  });
})();
