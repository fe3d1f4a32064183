"use strict";
// Filters, search and deep links for the factcheck report. Reads and writes only text
// and attributes (never markup), so nothing from a source can become code here.
(function () {
  const form = document.querySelector("form.filters");
  const search = document.getElementById("search");
  const shown = document.getElementById("findings-shown");
  const items = Array.from(document.querySelectorAll("[data-item]"));
  const findings = items.filter((item) => item.dataset.item === "finding");
  const severityCount = form ? form.querySelectorAll("input[name=severity]").length : 0;

  function wanted() {
    const severities = form ? Array.from(form.querySelectorAll("input[name=severity]:checked"), (box) => box.value) : [];
    return {
      severities: new Set(severities),
      rule: form ? form.elements.rule.value : "",
      source: form ? form.elements.source.value : "",
      words: search.value.trim().toLowerCase().split(/\s+/).filter(Boolean),
    };
  }

  function matches(item, want) {
    const isFinding = item.dataset.item === "finding";
    if (isFinding && !want.severities.has(item.dataset.severity)) return false;
    if (isFinding && want.rule && item.dataset.rule !== want.rule) return false;
    if (want.source && !item.dataset.sources.split(" ").includes(want.source)) return false;
    const text = item.textContent.toLowerCase();
    return want.words.every((word) => text.includes(word));
  }

  function apply() {
    const want = wanted();
    for (const item of items) item.hidden = !matches(item, want);
    // A search or source filter opens the folded groups that hold what it found; for the folded
    // findings, so do the severity and rule filters, and the block hides when none of it is shown.
    const searched = Boolean(want.words.length || want.source);
    const narrowed = searched || Boolean(want.rule) || want.severities.size < severityCount;
    for (const group of document.querySelectorAll("details.group")) {
      const found = Boolean(group.querySelector("[data-item]:not([hidden])"));
      const ofFindings = group.classList.contains("folded-findings");
      if (ofFindings ? narrowed : searched) group.open = found;
      if (ofFindings) group.hidden = !found;
    }
    if (shown) {
      const visible = findings.filter((item) => !item.hidden).length;
      shown.textContent = visible === findings.length
        ? `Showing all ${findings.length} findings.`
        : `Showing ${visible} of ${findings.length} findings.`;
    }
  }

  function showOnly(severity) {
    if (!form) return;
    for (const box of form.querySelectorAll("input[name=severity]")) box.checked = box.value === severity;
    apply();
    document.getElementById("findings").scrollIntoView();
  }

  // Follow a link to anything: open the cards it sits in, clear filters hiding it, and focus it.
  function reveal(id) {
    const target = id && document.getElementById(id);
    if (!target) return;
    if (target.closest("[hidden]")) {
      if (form) form.reset();
      search.value = "";
      apply();
    }
    for (let node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") node.open = true;
    }
    if (!target.hasAttribute("tabindex") && !target.matches("a, button, input, select, summary")) {
      target.setAttribute("tabindex", "-1");
    }
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
  }

  function fromHash() {
    try {
      reveal(decodeURIComponent(location.hash.slice(1)));
    } catch (error) {
      if (!(error instanceof URIError)) throw error; // a hand-typed, malformed hash: nothing to show
    }
  }

  if (form) {
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("reset", () => setTimeout(apply, 0));
  }
  search.addEventListener("input", apply);
  search.addEventListener("keydown", (event) => {
    if (event.key === "Escape") { search.value = ""; apply(); }
  });
  document.addEventListener("keydown", (event) => {
    const typing = event.target.matches && event.target.matches("input, select, textarea");
    if (event.key === "/" && !typing) { event.preventDefault(); search.focus(); }
  });
  for (const button of document.querySelectorAll("[data-only-severity]")) {
    button.addEventListener("click", () => showOnly(button.dataset.onlySeverity));
  }
  window.addEventListener("hashchange", fromHash);
  // A link to the hash already in the address bar fires no hashchange: reveal it anyway.
  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest("a[href^='#']");
    if (link && link.getAttribute("href") === location.hash) fromHash();
  });

  // Print everything: open every card for the printout, then put them back as they were.
  let closed = [];
  window.addEventListener("beforeprint", () => {
    closed = Array.from(document.querySelectorAll("details:not([open])"));
    for (const details of closed) details.open = true;
  });
  window.addEventListener("afterprint", () => {
    for (const details of closed) details.open = false;
    closed = [];
  });

  apply();
  fromHash();
})();
