// Applies the saved theme before first paint (a classic script so it runs before the modules).
// Without a saved choice the page follows prefers-color-scheme through CSS alone.
(function () {
  try {
    var t = localStorage.getItem("studio.theme");
    if (t === "light" || t === "dark") document.documentElement.setAttribute("data-theme", t);
  } catch (e) {
    /* storage disabled */
  }
})();
