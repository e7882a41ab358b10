// Shared behaviour of every page: the English/Turkish switch, and on the article page the highlight of the
// quote named in the address (#ev-...).
(function () {
  "use strict";
  const button = document.querySelector(".lang-switch");
  function apply(lang) {
    document.querySelectorAll("[data-tr]").forEach((el) => {
      el.textContent = lang === "tr" ? el.dataset.tr : el.dataset.en;
      el.lang = lang;
    });
    if (button) {
      button.setAttribute("aria-pressed", String(lang === "tr"));
      button.textContent = lang === "tr" ? "EN" : "TR";
      button.title = lang === "tr" ? "Show English names" : "Show Turkish names where the data has them";
    }
    document.documentElement.dataset.names = lang;
  }
  let lang = "en";
  try { lang = localStorage.getItem("nfp-lang") || "en"; } catch (e) { /* storage may be off */ }
  apply(lang);
  window.nfpApplyLang = () => apply(lang);  // for content drawn later (search results)
  if (button) {
    button.addEventListener("click", () => {
      lang = lang === "tr" ? "en" : "tr";
      try { localStorage.setItem("nfp-lang", lang); } catch (e) { /* ignore */ }
      apply(lang);
    });
  }
  function highlight() {
    document.querySelectorAll("mark.current").forEach((m) => m.classList.remove("current"));
    let id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }  // a malformed escape (#%E0): no passage
    if (!id.startsWith("ev-")) return;
    const marks = document.querySelectorAll("mark[data-ev~='" + id.replace(/[^a-z0-9-]/gi, "") + "']");
    marks.forEach((m) => m.classList.add("current"));
    if (marks.length) marks[0].scrollIntoView({block: "center"});
  }
  if (document.querySelector(".fulltext")) {
    window.addEventListener("hashchange", highlight);
    highlight();
  }
})();
