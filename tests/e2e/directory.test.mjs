// End-to-end tests of the editor's "Répertoire" part on the built page: a small HSDS data
// package imported through the file chooser onto the reference range, two services placed
// by keyboard, the import's preview, applied, the widget's coverage changed, undone; the
// range exported as HSDS JSON and as a data package, both validated against the official
// HSDS 3.0 schemas (../shared/hsds, when present) and imported back to the same range; bad
// files all said at once with their file, row and column, nothing applied.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { start, openPage, screenshot, expectClean, expectNoAxeViolations, ROOT, parseCsv } from "./harness.mjs";

const FIXTURES = join(ROOT, "tests", "fixtures", "hsds");
const HSDS = join(ROOT, "..", "shared", "hsds");

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

function fixture(path) {
  const name = path.split("/").pop();
  const type = name.endsWith(".json") ? "application/json" : name.endsWith(".zip") ? "application/zip" : "text/csv";
  return { name, mimeType: type, buffer: readFileSync(join(FIXTURES, path)) };
}

async function openEditorAt(startLabel) {
  const page = await openPage(env, "/editor.html");
  await page.waitForSelector(".srm-editor .srm-editor-nav");
  await page.getByLabel("Partir de").selectOption({ label: startLabel });
  await page.getByRole("button", { name: "Commencer" }).click();
  await page.getByText(/^Ouvert : /).waitFor();
  await page.getByRole("button", { name: "Répertoire", exact: true }).click();
  return page;
}

async function importFiles(page, files) {
  const [chooser] = await Promise.all([
    page.waitForEvent("filechooser"),
    page.getByRole("button", { name: "Choisir des fichiers…" }).click(),
  ]);
  await chooser.setFiles(files);
  await page.locator(".srm-import").waitFor();
}

/** Chooses an option of the focused select by keyboard (Home, then ArrowDown). */
async function chooseByKeyboard(page, option) {
  await page.keyboard.press("Home");
  for (let i = 0; i < 80; i++) {
    const chosen = await page.evaluate(() => document.activeElement.selectedOptions?.[0]?.textContent);
    if (chosen === option) return;
    await page.keyboard.press("ArrowDown");
  }
  throw new Error(`no option ${option}`);
}

/** The preview widget's coverage line of a tier ("3 services sur 9 offerts…"). */
const previewCoverage = (page) => page.locator(".srm-editor-preview .srm-tier-count").first().textContent();

const REFERENCE = "Gamme de référence en santé mentale (MSSS 2002) — paliers et services";
const EXAMPLE = "Exemple complet en santé mentale (territoire fictif)";

test("a data package imported through the file chooser, two services placed by keyboard, applied, the preview's coverage changed, undone", async () => {
  const page = await openEditorAt(REFERENCE);
  const before = await page.evaluate(() => window.srmEditor.config());
  assert.equal(before.offers.length, 0);
  const coverageBefore = await previewCoverage(page);

  const files = readdirSync(join(FIXTURES, "package")).map((f) => fixture(`package/${f}`));
  await importFiles(page, files);
  const rows = page.locator(".srm-mapping-table tbody tr");
  assert.equal(await rows.count(), 8);
  // The defunct service is proposed left out, and said why.
  const defunct = rows.filter({ hasText: "Ancien programme jeunesse" });
  assert.equal(await defunct.locator("select").evaluate((s) => s.selectedOptions[0].textContent), "Laisser de côté");
  await defunct.getByText("Disparu selon le répertoire").waitFor();
  // Mapping proposals from words: the peer-support group goes to "Services d'entraide".
  const group = rows.filter({ hasText: "Groupe d'entraide" });
  assert.equal(await group.locator("select").evaluate((s) => s.selectedOptions[0].textContent), "Services d'entraide");

  // The crisis housing goes to crisis services by its words.
  assert.equal(await page.getByLabel("Hébergement de crise").evaluate((s) => s.selectedOptions[0].textContent), "Services de crise (liaison ou dispensation)");
  // Two places changed by keyboard: the psychosocial intake (proposed as a new service) to
  // the professional services, the food aid left out.
  assert.match(await page.getByLabel("Accueil psychosocial").evaluate((s) => s.selectedOptions[0].textContent), /^Nouveau service/);
  await page.getByLabel("Accueil psychosocial").focus();
  await chooseByKeyboard(page, "Services professionnels (sociaux, psychologiques)");
  await page.getByLabel("Aide alimentaire").focus();
  await page.keyboard.press("End");
  assert.equal(await page.getByLabel("Aide alimentaire").evaluate((s) => s.selectedOptions[0].textContent), "Laisser de côté");
  // Nothing applied yet: the draft is as it was; the import's preview says what would change.
  assert.deepEqual(await page.evaluate(() => window.srmEditor.config()), before);
  const preview = page.locator(".srm-import-preview");
  await preview.getByText(/Services de la gamme sans offre une fois l'import appliqué/).waitFor();
  const proximity = await preview.locator("tbody tr").first().textContent();
  assert.match(proximity, /0 → [1-9]/, proximity);
  await page.getByText(/Appliquer ajoutera 4 organisation\(s\)/).waitFor();
  await expectNoAxeViolations(page, "the mapping table");
  await screenshot(page, "directory-mapping");

  await page.getByRole("button", { name: "Appliquer l'import" }).click();
  await page.getByText(/^Import appliqué : 4 organisation\(s\) ajoutée\(s\)/).waitFor();
  await page.getByText(/Laissés de côté \(2\) : Aide alimentaire, Ancien programme jeunesse/).waitFor();
  const after = await page.evaluate(() => window.srmEditor.config());
  assert.equal(after.providers.length, 4);
  assert.ok(after.providers.every((p) => p.hsds), "HSDS ids kept on providers");
  assert.ok(after.offers.every((o) => o.hsds), "HSDS ids kept on offers");
  const crisis = after.offers.filter((o) => o.service === "crise");
  assert.ok(crisis.length >= 1, "the crisis housing became an offer of crisis services");
  assert.ok(after.offers.some((o) => o.service === "professionnels"), "the intake placed by keyboard");
  assert.equal(after.services.length, before.services.length, "no new service: every place was one of the range");
  // The widget's preview shows the coverage changed.
  await page.waitForFunction((was) => {
    const p = document.querySelector(".srm-editor-preview .srm-tier-count");
    return p && p.textContent !== was;
  }, coverageBefore);
  await screenshot(page, "directory-applied");

  // One undo takes the whole import back.
  await page.getByRole("button", { name: "Annuler", exact: true }).click();
  await page.waitForFunction(() => window.srmEditor.config().offers.length === 0);
  assert.deepEqual(await page.evaluate(() => window.srmEditor.config()), before);
  await expectClean(page);
});

/** The official schemas, or why they cannot be used. */
function schemas() {
  if (!existsSync(join(HSDS, "schema", "compiled", "service.json"))) return null;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const service = ajv.compile(JSON.parse(readFileSync(join(HSDS, "schema", "compiled", "service.json"), "utf8")));
  // The per-table schemas refer to each other by file name ("phone.json"): each is added
  // under that name.
  for (const file of readdirSync(join(HSDS, "schema")).filter((f) => f.endsWith(".json") && f !== "openapi.json")) {
    const schema = JSON.parse(readFileSync(join(HSDS, "schema", file), "utf8"));
    ajv.addSchema({ ...schema, $id: file });
  }
  const table = (name) => ajv.getSchema(`${name}.json`);
  return { service, table };
}

/** CSV rows as objects of their non-empty cells. */
function csvRows(text) {
  const [header, ...data] = parseCsv(text);
  return data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]).filter(([, v]) => v !== "" && v !== undefined)));
}

test("the range exported as HSDS JSON and as a data package validates against the official schemas and imports back the same", async (t) => {
  const page = await openEditorAt(EXAMPLE);
  const before = await page.evaluate(() => window.srmEditor.config());

  const [json] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Liste de services (JSON)" }).click()]);
  const services = JSON.parse(readFileSync(await json.path(), "utf8"));
  assert.equal(services.length, before.offers.length);
  const [zip] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Paquet de données (.zip de CSV)" }).click()]);
  assert.match(zip.suggestedFilename(), /-hsds\.zip$/);
  const zipBytes = readFileSync(await zip.path());
  const files = unzipSync(new Uint8Array(zipBytes));
  assert.ok(files["datapackage.json"] && files["services.csv"] && files["taxonomy_terms.csv"]);
  // No CSV cell starts a formula.
  for (const [name, bytes] of Object.entries(files)) {
    if (!name.endsWith(".csv")) continue;
    for (const row of csvRows(strFromU8(bytes))) {
      for (const value of Object.values(row)) assert.doesNotMatch(value, /^[=+\-@\t\r]/, `${name}: ${value}`);
    }
  }

  const s = schemas();
  if (!s) {
    t.diagnostic(`skipped the schema validation: ${HSDS} is absent on this machine (the HSDS 3.0 schemas are not copied into the project)`);
  } else {
    for (const service of services) assert.ok(s.service(service), JSON.stringify(s.service.errors?.slice(0, 3)));
    const tables = { "organizations.csv": "organization", "services.csv": "service", "locations.csv": "location", "addresses.csv": "address", "phones.csv": "phone", "languages.csv": "language", "schedules.csv": "schedule", "service_at_location.csv": "service_at_location", "taxonomies.csv": "taxonomy", "taxonomy_terms.csv": "taxonomy_term", "attributes.csv": "attribute" };
    for (const [file, table] of Object.entries(tables)) {
      const validate = s.table(table);
      const rows = csvRows(strFromU8(files[file]));
      for (const row of rows) assert.ok(validate(row), `${file}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    }
  }

  // Imported back: the same range (with the HSDS ids the export gave).
  await importFiles(page, [{ name: "gamme-hsds.zip", mimeType: "application/zip", buffer: zipBytes }]);
  await page.getByText(/Appliquer ajoutera 0 organisation\(s\), 0 palier\(s\), 0 service\(s\) et 0 offre\(s\)/).waitFor();
  await page.getByRole("button", { name: "Appliquer l'import" }).click();
  await page.getByText(/^Import appliqué/).waitFor();
  const after = await page.evaluate(() => window.srmEditor.config());
  const strip = (config) => JSON.parse(JSON.stringify(config, (k, v) => (k === "hsds" ? undefined : v)));
  assert.deepEqual(strip(after), strip(before));
  assert.ok(after.offers.every((o) => o.hsds) && after.providers.every((p) => p.hsds));
  await expectClean(page);
});

test("bad files chosen together are all said with their file, row and column; nothing is applied", async () => {
  const page = await openEditorAt(REFERENCE);
  const before = await page.evaluate(() => window.srmEditor.config());
  await importFiles(page, [
    fixture("flat-formula.csv"),
    fixture("flat-mixed.csv"),
    fixture("bad/broken.json"),
    fixture("bad/image.png"),
    fixture("bad/empty.csv"),
  ]);
  const problems = page.locator(".srm-import-problems");
  await problems.getByText(/broken\.json, ligne 3, colonne \d+ : le texte ne peut pas être lu/).waitFor();
  await problems.getByText("image.png : ce n'est pas un fichier que l'import lit (JSON HSDS, CSV ou .zip).").waitFor();
  await problems.getByText("empty.csv : le fichier est vide.").waitFor();
  await problems.getByText(/flat-formula\.csv, ligne 2, colonne E \(website\) : « =HYPERLINK/).first().waitFor();
  await problems.getByText(/flat-mixed\.csv : encodages mêlés : les lignes 6 sont en UTF-8/).waitFor();
  // The readable rows are still there to place (8 + 8), accents right.
  assert.equal(await page.locator(".srm-mapping-table tbody tr").count(), 16);
  await page.locator(".srm-mapping-table").getByText("Hébergement de crise", { exact: true }).first().waitFor();
  assert.deepEqual(await page.evaluate(() => window.srmEditor.config()), before);
  await expectNoAxeViolations(page, "the import's problems");
  await screenshot(page, "directory-problems");
  await page.getByRole("button", { name: "Abandonner l'import" }).click();
  await page.locator(".srm-import").waitFor({ state: "detached" });
  await expectClean(page);
});
