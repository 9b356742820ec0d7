// Progressive enhancement only: every page works without this file.
// Buttons with data-copy="ID" copy the value of the element ID to the clipboard.
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("button[data-copy]")) {
    const target = document.getElementById(button.dataset.copy);
    if (!target || !navigator.clipboard) continue;
    const label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", async () => {
      target.select();
      try {
        await navigator.clipboard.writeText(target.value);
        button.textContent = button.dataset.copied || "✓";
        setTimeout(() => { button.textContent = label; }, 2000);
      } catch { /* the text stays selected for a manual copy */ }
    });
  }
});
