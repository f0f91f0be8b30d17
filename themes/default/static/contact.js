// Puts the office's e-mail address together in the browser, so it never
// appears in the HTML where address harvesters look for it. The server
// XOR-ed each byte with a key stream, hex-encoded the result and reversed it.
// Every element with `data-e` (the footer, the contact page) gets its link.
(function () {
  "use strict";
  var slots = document.querySelectorAll("[data-e]");
  for (var s = 0; s < slots.length; s++) {
    var slot = slots[s];
    var hex = (slot.getAttribute("data-e") || "").split("").reverse().join("");
    var key = parseInt(slot.getAttribute("data-k"), 10) || 0;
    var bytes = new Uint8Array(hex.length / 2);
    for (var i = 0; i < bytes.length; i++) {
      bytes[i] = parseInt(hex.substr(i * 2, 2), 16) ^ ((key + i * 31) & 255);
    }
    var address = new TextDecoder().decode(bytes);
    var link = document.createElement("a");
    if (slot.id === "contact-email-slot") link.id = "contact-email";
    link.href = "mailto:" + address;
    link.textContent = address;
    slot.textContent = "";
    slot.appendChild(link);
  }
})();
