// The bundles of www/pkg/ (after scripts/build.sh) and what each weighs: the files a page
// loads for each, raw, gzip -9 and brotli 11, and the budgets of the two that have one.
// Read by the benchmark (which prints them) and by the test command (which fails over
// budget: the citizens' bundle is at its limit, and a change can cross it unseen).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { join } from "node:path";

/** Bytes of gzip -9 each budgeted bundle may weigh (wasm + JS + CSS). */
export const BUDGETS = { view: 150 * 1024, full: 450 * 1024 };

/** Each bundle: key, name, files (relative to the repository). */
export function bundles(root) {
  // The modules wasm-bindgen copies beside the bundles that import them
  // (pkg/snippets/<hash>/src/…): the view bundle makes its cards with cards.js; the full,
  // plan and editor bundles keep saved work with store.js.
  const snippets = join(root, "www/pkg/snippets");
  const snippet = (name) =>
    existsSync(snippets) ? readdirSync(snippets).map((d) => `www/pkg/snippets/${d}/src/${name}`).filter((f) => existsSync(join(root, f))) : [];
  const cards = snippet("cards.js");
  const store = snippet("store.js");
  return [
    ["view", "view bundle (citizens: the range, read-only, with search)", ["www/pkg/service_range_mapper_bg.wasm", "www/pkg/service_range_mapper.js", "www/pkg/srm.css", ...cards]],
    ["full", "full bundle (intranet and workshop: + gaps, inventory, continuum, sessions, exports)", [
      "www/pkg/service_range_mapper_workshop_bg.wasm", "www/pkg/service_range_mapper_workshop.js", "www/pkg/srm.css", "www/pkg/srm-workshop.css", ...store,
    ]],
    ["plan", "plan bundle (the full bundle + the plan followed over time; loaded when the plan is first opened)", [
      "www/pkg/service_range_mapper_plan_bg.wasm", "www/pkg/service_range_mapper_plan.js", "www/pkg/srm.css", "www/pkg/srm-workshop.css", "www/pkg/srm-plan.css", ...store,
    ]],
    ["editor", "editor bundle (the range editor, with the full bundle it previews with)", [
      "www/pkg/service_range_mapper_editor_bg.wasm", "www/pkg/service_range_mapper_editor.js", "www/pkg/srm.css", "www/pkg/srm-workshop.css", "www/pkg/srm-editor.css", ...store,
    ]],
  ];
}

/** A file's weights. */
export function weigh(root, file) {
  const data = readFileSync(join(root, file));
  const gzip = gzipSync(data, { level: 9 }).length;
  const brotli = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return { file, raw: data.length, gzip, brotli };
}

/** Each bundle with its files' weights and their total. */
export function bundleSizes(root) {
  return bundles(root).map(([key, name, files]) => {
    const rows = files.map((f) => weigh(root, f));
    const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
    return { key, name, rows, total };
  });
}

// `node scripts/bundles.mjs`: fails (exit 1) when a budgeted bundle is over its budget.
if (import.meta.url === `file://${process.argv[1]}`) {
  const root = join(new URL(".", import.meta.url).pathname, "..");
  let over = false;
  for (const b of bundleSizes(root).filter((b) => BUDGETS[b.key])) {
    const ok = b.total.gzip <= BUDGETS[b.key];
    over ||= !ok;
    console.log(`${b.name}: ${b.total.gzip} bytes gzip, budget ${BUDGETS[b.key]} -> ${ok ? "within" : "OVER"}`);
  }
  process.exit(over ? 1 : 0);
}
