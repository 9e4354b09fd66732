// The config editor: paste, type or load a config and see the map or its problems at once.
import init, { mount, default_config_json } from "./pkg/service_range_mapper_workshop.js";

const source = document.getElementById("source");
const status = document.getElementById("status");
const file = document.getElementById("file");
const example = document.getElementById("example");

await init();
source.value = default_config_json();
const widget = mount(document.getElementById("widget"), source.value, { lang: "fr" });
window.srmWidget = widget;

const goto = document.getElementById("goto");
let firstError = null;

function describe(problems) {
  const errors = problems.filter((p) => p.severity === "error");
  const warnings = problems.length - errors.length;
  firstError = errors.find((p) => p.line) || null;
  goto.hidden = !firstError;
  if (firstError) goto.textContent = `Aller à la première erreur (ligne ${firstError.line}, colonne ${firstError.column})`;
  if (errors.length === 1) return "1 erreur : la carte s'affichera quand elle sera corrigée.";
  if (errors.length) return `${errors.length} erreurs : la carte s'affichera quand elles seront corrigées.`;
  if (warnings) return `Configuration valide, ${warnings} avertissement${warnings > 1 ? "s" : ""}.`;
  return "Configuration valide.";
}

// Puts the caret on the first error: line and column count characters, as the widget does.
goto.addEventListener("click", () => {
  if (!firstError) return;
  const lines = source.value.split("\n");
  const before = lines.slice(0, firstError.line - 1).reduce((n, l) => n + [...l].length + 1, 0);
  const line = [...(lines[firstError.line - 1] || "")];
  const offset = before + Math.min(firstError.column - 1, line.length);
  // setSelectionRange counts UTF-16 units: convert from characters.
  const units = [...source.value].slice(0, offset).join("").length;
  source.focus();
  source.setSelectionRange(units, units);
  const lineHeight = parseFloat(getComputedStyle(source).lineHeight) || 16;
  source.scrollTop = Math.max(0, (firstError.line - 5) * lineHeight);
});

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
