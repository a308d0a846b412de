/* kmsite knowledge store: filter a static list of assets by facet (no third-party code).
 * The page lists every asset; each <li> carries data-org, data-dept, data-type, data-form,
 * data-step, data-year and data-tags (space-separated). Choices are kept in the query string
 * (?org=suso&type=tacit) so that a filtered view can be linked and bookmarked.
 */
(function () {
  "use strict";

  function digits(text, map) {
    return map && map.length === 10 ? text.replace(/[0-9]/g, function (d) { return map[+d]; }) : text;
  }

  function matches(item, key, value) {
    if (!value) return true;
    var data = item.getAttribute("data-" + key) || "";
    return key === "tags" ? data.split(" ").indexOf(value) >= 0 : data === value;
  }

  function setup(box) {
    var form = box.querySelector("form");
    var list = box.nextElementSibling;
    if (!form || !list || !list.classList.contains("kms-assets")) return;
    var items = Array.prototype.slice.call(list.querySelectorAll("li.kms-asset"));
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var count = box.querySelector(".kms-kfilter-count");
    var none = box.querySelector(".kms-kfilter-none");

    function apply(updateUrl) {
      var shown = 0;
      items.forEach(function (item) {
        var ok = selects.every(function (s) { return matches(item, s.name, s.value); });
        item.hidden = !ok;
        if (ok) shown += 1;
      });
      count.textContent = digits(box.getAttribute("data-count")
        .replace("{shown}", shown).replace("{total}", items.length), box.getAttribute("data-digits"));
      none.hidden = shown > 0;
      if (updateUrl && window.history && window.history.replaceState) {
        var params = new URLSearchParams(window.location.search);
        selects.forEach(function (s) { if (s.value) params.set(s.name, s.value); else params.delete(s.name); });
        var query = params.toString();
        window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
      }
    }

    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (s) {
      var wanted = params.get(s.name);
      if (wanted && s.querySelector('option[value="' + CSS.escape(wanted) + '"]')) s.value = wanted;
      s.addEventListener("change", function () { apply(true); });
    });
    form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
    // The list follows every choice already; the submit button (for keyboard and screen-reader users,
    // and a form needs one) applies the choices and moves to the count, which is announced.
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      apply(true);
      count.setAttribute("tabindex", "-1");
      count.focus();
    });
    box.hidden = false;
    apply(false);
  }

  function init() {
    document.querySelectorAll("[data-kms-filter]").forEach(setup);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
