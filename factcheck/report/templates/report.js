/* factcheck HTML report: filters by severity and rule.  Inline, no network; the page reads fine without it. */
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var rule = document.getElementById("rule-filter");
  var out = document.getElementById("shown-count");
  var boxes = form.querySelectorAll("input[name=severity]");
  var findings = document.querySelectorAll(".finding");
  function wanted(el, sev, r) {
    return sev[el.getAttribute("data-severity")] === true && (r === "" || el.getAttribute("data-rule") === r);
  }
  function apply() {
    var sev = {};
    var shown = 0;
    var r = rule.value;
    boxes.forEach(function (b) { sev[b.value] = b.checked; });
    findings.forEach(function (f) {
      f.hidden = !wanted(f, sev, r);
      if (!f.hidden) { shown += 1; }
    });
    document.querySelectorAll(".doc-findings li").forEach(function (li) { li.hidden = !wanted(li, sev, r); });
    document.querySelectorAll(".story").forEach(function (s) {
      s.hidden = s.querySelector(".finding") !== null && s.querySelector(".finding:not([hidden])") === null;
    });
    out.textContent = shown + " of " + findings.length + " findings shown";
  }
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.hidden = false;
  apply();
  /* A link into a closed ledger or "more" list opens it. */
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id ? document.getElementById(id) : null;
    for (var p = el; p; p = p.parentElement) {
      if (p.tagName === "DETAILS") { p.open = true; }
    }
  }
  window.addEventListener("hashchange", reveal);
  reveal();
}());
