// The mock intranet listens to its widgets as any host page would: every event lands in
// the log panel. A real portal would save `srm-change` to its own backend, e.g.
//   fetch("/api/inventaire", { method: "PUT", headers: { "Content-Type": "application/json" },
//                              body: JSON.stringify(event.detail) });
const log = document.getElementById("log");

function entry(event) {
  const item = document.createElement("li");
  const source = event.target.id || event.target.localName;
  let summary = "";
  if (event.type === "srm-change") summary = `${event.detail.gaps.length} écart(s)`;
  if (event.type === "srm-error") summary = event.detail.map((e) => e.message).join(" · ");
  item.textContent = `${new Date().toLocaleTimeString("fr-CA")} — ${source} : ${event.type}${summary ? ` (${summary})` : ""}`;
  item.dataset.event = event.type;
  item.dataset.source = source;
  log.prepend(item);
}

for (const type of ["srm-ready", "srm-change", "srm-error"]) {
  document.addEventListener(type, entry);
}
