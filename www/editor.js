// The config editor: paste, type or load a config and see the map or its problems at once.
import init, { mount, default_config_json } from "./pkg/service_range_mapper.js";

const source = document.getElementById("source");
const status = document.getElementById("status");
const file = document.getElementById("file");
const example = document.getElementById("example");

await init();
source.value = default_config_json();
const widget = mount(document.getElementById("widget"), source.value, { lang: "fr" });
window.srmWidget = widget;

function describe(problems) {
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  if (errors) return `${errors} erreur${errors > 1 ? "s" : ""} : la carte s'affichera quand elles seront corrigées.`;
  if (warnings) return `Configuration valide, ${warnings} avertissement${warnings > 1 ? "s" : ""}.`;
  return "Configuration valide.";
}

let pending = 0;
function refresh() {
  // At most one update per frame, however fast the typing or pasting.
  cancelAnimationFrame(pending);
  pending = requestAnimationFrame(() => {
    status.textContent = describe(widget.update(source.value));
  });
}

source.addEventListener("input", refresh);
file.addEventListener("change", async () => {
  const chosen = file.files[0];
  if (!chosen) return;
  source.value = await chosen.text();
  refresh();
});
example.addEventListener("change", async () => {
  if (!example.value) {
    source.value = default_config_json();
  } else {
    const response = await fetch(example.value);
    source.value = await response.text();
  }
  refresh();
});
status.textContent = describe(widget.problems());
