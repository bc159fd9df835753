// termlint review page: filters findings by rule and severity, lights up a
// name's counterparts, and focuses a highlight reached from the list.
// Without this script every finding stays shown.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var status = document.getElementById("filter-status");

  function apply() {
    var off = {};
    form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      if (!box.checked) off[box.name + ":" + box.value] = true;
    });
    var shown = 0;
    var total = 0;
    document.querySelectorAll("[data-rule]").forEach(function (el) {
      var hide = !!(off["rule:" + el.dataset.rule] || off["severity:" + el.dataset.severity]);
      if (el.tagName === "LI") {
        el.hidden = hide;
        total += 1;
        if (!hide) shown += 1;
      } else {
        el.classList.toggle("off", hide);
        if (el.tagName === "MARK") el.tabIndex = hide ? -1 : 0;
      }
    });
    if (status) status.textContent = "Showing " + shown + " of " + total + " findings.";
  }

  if (form) {
    form.hidden = false;
    form.addEventListener("change", apply);
    apply();
  }

  function light(event, on) {
    var target = event.target;
    if (!target || !target.closest) return;
    var name = target.closest(".occ[data-c]");
    var file = name && name.closest("section.file");
    if (!file) return;
    file.querySelectorAll('.occ[data-c="' + name.dataset.c + '"]').forEach(function (el) {
      el.classList.toggle("hot", on);
    });
  }
  document.addEventListener("mouseover", function (e) { light(e, true); });
  document.addEventListener("mouseout", function (e) { light(e, false); });
  document.addEventListener("focusin", function (e) { light(e, true); });
  document.addEventListener("focusout", function (e) { light(e, false); });

  document.addEventListener("click", function (e) {
    var link = e.target && e.target.closest ? e.target.closest("a.flink") : null;
    if (!link) return;
    var mark = document.getElementById(link.hash.slice(1));
    if (mark) window.setTimeout(function () { mark.focus({ preventScroll: true }); }, 0);
  });
})();
