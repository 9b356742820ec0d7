// The event upload page: posts the file with its antiforgery field to the import API with a progress id, and polls
// the progress endpoint while the server reads the file. Without JavaScript the form still posts (without progress).
(() => {
  const form = document.getElementById("event-import");
  if (!form) return;
  const status = document.getElementById("import-status");
  const bar = document.getElementById("import-progress");
  const errors = document.getElementById("import-errors");
  const dataset = document.getElementById("import-dataset");
  const say = (template, ...values) => { status.textContent = values.reduce((t, v, i) => t.replace(`{${i}}`, v), template); };
  dataset.addEventListener("change", () => { form.action = `/api/v1/imports/${dataset.value}`; });

  form.addEventListener("submit", async event => {
    event.preventDefault();
    errors.replaceChildren();
    const id = crypto.randomUUID();
    const body = new FormData(form);
    body.delete("dataset");
    bar.hidden = false;
    bar.value = 0;
    say(status.dataset.uploading);
    let done = false;
    const poll = async () => {
      while (!done) {
        await new Promise(r => setTimeout(r, 400));
        const response = await fetch(`/api/v1/imports/progress/${id}`, { credentials: "same-origin" });
        if (!response.ok || done) continue;
        const p = await response.json();
        if (p.fraction != null) bar.value = p.fraction;
        if (p.stage === "reading") say(status.dataset.reading, p.rows.toLocaleString(), Math.round((p.fraction ?? 0) * 100));
        else if (p.stage === "country-months") say(status.dataset.series);
      }
    };
    poll();
    try {
      const response = await fetch(`/api/v1/imports/${dataset.value}?progress=${id}`, { method: "POST", body, credentials: "same-origin" });
      const result = await response.json().catch(() => ({}));
      done = true;
      bar.value = 1;
      if (response.ok) {
        say(status.dataset.done, result.rows, result.inserted, result.updated, result.unchanged, result.countryMonthsRecomputed);
      } else {
        say(status.dataset.failed + " " + (result.title ?? response.status));
        for (const messages of Object.values(result.errors ?? {}))
          for (const m of messages) { const li = document.createElement("li"); li.textContent = m; errors.append(li); }
      }
    } catch (e) {
      done = true;
      say(status.dataset.failed + " " + e);
    }
  });
})();
