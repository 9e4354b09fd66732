// End-to-end tests of the workshop, as a facilitator uses it on the built page: gaps marked
// with the keyboard alone and restored after a reload, undo and redo, the CSV, HTML and
// Markdown exports, session files (orphans kept, corrupt files refused), storage failure,
// a new session, read-only pages, and axe-core on every new view.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, start, openPage, widgetReady, screenshot, expectClean, expectNoAxeViolations, focusedLabel, tabTo, breakStorage } from "./harness.mjs";

const DEFAULT = JSON.parse(readFileSync(join(ROOT, "src/core/default_config.json"), "utf8"));
let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

/** Fills the open gap form with the keyboard alone: population, severity "Élevée" (arrow
 *  key in the radio group), a proposed action, then Enter to submit. */
async function fillGapFormByKeyboard(page, { population, action }) {
  const form = page.getByRole("dialog", { name: /Signaler un écart|Modifier l'écart/ });
  await form.waitFor();
  await tabTo(page, "Population touchée", 10);
  await page.keyboard.type(population);
  await page.keyboard.press("Tab"); // into the severity radios, on the checked one
  assert.equal(await focusedLabel(page), "Moyenne");
  await page.keyboard.press("ArrowRight");
  assert.equal(await focusedLabel(page), "Élevée");
  await tabTo(page, "Service ou action à mettre en place", 10);
  await page.keyboard.type(action);
  await page.keyboard.press("Enter"); // a new line in the text area, not a submit
  await tabTo(page, "Inscrit par (facultatif)", 5);
  await page.keyboard.press("Enter");
  await form.waitFor({ state: "detached" });
}

test("three gaps marked with the keyboard alone survive a reload", async () => {
  const page = await openPage(env, "/");
  await widgetReady(page);
  // 1. From a service card.
  const loisirs = "Signaler un écart : Loisirs (municipaux, communautaires)";
  await page.locator("body").focus();
  await tabTo(page, loisirs);
  await page.keyboard.press("Enter");
  await fillGapFormByKeyboard(page, { population: "Jeunes adultes à Port-aux-Pins", action: "Créer un programme de loisirs adaptés" });
  assert.equal(await focusedLabel(page), loisirs, "focus returns to the button that opened the form");
  assert.match(await page.locator("li[data-service=loisirs]").innerText(), /1 écart · gravité élevée/);

  // 2. From a tier.
  await tabTo(page, /Signaler un écart pour tout le palier/);
  await page.keyboard.press("Enter");
  await fillGapFormByKeyboard(page, { population: "Personnes judiciarisées", action: "Agent de liaison justice–santé" });

  // 3. From a service's detail.
  await page.locator("li[data-service=medico-legaux] .srm-service-open").focus();
  await page.keyboard.press("Enter");
  const detail = page.getByRole("dialog", { name: "Services médico-légaux" });
  await detail.waitFor();
  await tabTo(page, "Signaler un écart : Services médico-légaux");
  await page.keyboard.press("Enter");
  await fillGapFormByKeyboard(page, { population: "Adultes sous mandat", action: "Entente avec l'institut régional" });
  await detail.getByText("Adultes sous mandat").waitFor();
  await page.keyboard.press("Escape");
  await detail.waitFor({ state: "detached" });
  await screenshot(page, "workshop-three-gaps");
  await expectClean(page);

  // Reload: everything is back, and the widget says so.
  await page.reload();
  await widgetReady(page);
  await page.getByRole("status").filter({ hasText: "Session précédente restaurée." }).waitFor();
  assert.match(await page.locator("li[data-service=loisirs]").innerText(), /1 écart · gravité élevée/);
  assert.match(await page.locator("li[data-service=medico-legaux]").innerText(), /1 écart/);
  await page.getByRole("button", { name: "Inventaire des besoins" }).click();
  const rows = page.locator("tr.srm-gap-row");
  assert.equal(await rows.count(), 3);
  assert.match(await page.locator(".srm-inventory-table").innerText(), /Jeunes adultes|Créer un programme de loisirs adaptés/);
  await page.context().close();
});

test("a form keeps the focus inside until it closes, then gives it back", async () => {
  // The workshop's dialogs are not modal to the browser (a popover, see modal.rs): the
  // widget itself keeps Tab inside, closes on Escape and on a click around the box.
  const page = await openPage(env, "/");
  await widgetReady(page);
  const label = "Signaler un écart : Loisirs (municipaux, communautaires)";
  const opener = page.getByRole("button", { name: label });
  await opener.focus();
  await page.keyboard.press("Enter");
  const form = page.getByRole("dialog", { name: "Signaler un écart" });
  await form.waitFor();
  assert.equal(await form.getAttribute("aria-modal"), "true");
  const first = await focusedLabel(page);
  assert.equal(first, "Nature de l'écart", "the first control has the focus");
  await page.keyboard.press("Shift+Tab");
  assert.equal(await focusedLabel(page), "Annuler", "Shift+Tab from the first control goes to the last");
  await page.keyboard.press("Tab");
  assert.equal(await focusedLabel(page), first, "Tab from the last control goes to the first");
  const stops = new Set();
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press("Tab");
    assert.ok(await form.evaluate((d) => d.contains(document.activeElement)), `Tab ${i + 1} stays in the form`);
    stops.add(await focusedLabel(page));
  }
  assert.ok(stops.has("Moyenne") && stops.has("Enregistrer"), [...stops].join(", "));
  await page.keyboard.press("Escape");
  await form.waitFor({ state: "detached" });
  assert.equal(await focusedLabel(page), label, "Escape closes, the focus goes back");

  // A click beside the box closes the form and reaches nothing behind it.
  await opener.click();
  await form.waitFor();
  const box = await form.locator(".srm-detail-body").boundingBox();
  await page.mouse.click(box.x + box.width + 20, box.y + 10);
  await form.waitFor({ state: "detached" });
  assert.equal(await page.locator(".srm-gap-badge").count(), 0, "no gap was added");
  assert.equal(await page.getByRole("dialog").count(), 0, "nothing behind the box was opened");
  await expectClean(page);
  await page.context().close();
});

test("undo and redo every change, by button and by keyboard", async () => {
  const page = await openPage(env, "/");
  await widgetReady(page);
  const card = page.locator("li[data-service=aide-domestique]");
  await page.getByRole("button", { name: "Signaler un écart : Aide domestique (coopératives de services)" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Enregistrer" }).click();
  await card.getByText("1 écart").waitFor();
  // Keyboard, focus on the range (not in a text field).
  await page.locator("li[data-service=crise] .srm-service-open").focus();
  await page.keyboard.press("Control+z");
  await card.getByText("1 écart").waitFor({ state: "detached" });
  await page.keyboard.press("Control+Shift+z");
  await card.getByText("1 écart").waitFor();
  // Buttons.
  await page.getByRole("button", { name: "Défaire" }).click();
  await card.getByText("1 écart").waitFor({ state: "detached" });
  assert.equal(await page.getByRole("button", { name: "Défaire" }).isDisabled(), true, "nothing left to undo");
  await page.getByRole("button", { name: "Refaire" }).click();
  await card.getByText("1 écart").waitFor();
  // A coverage assessment is a change too.
  await page.locator("li[data-service=urgence] .srm-service-open").click();
  await page.getByLabel("Couverture évaluée").selectOption("partial");
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Inventaire des besoins" }).click();
  assert.match(await page.locator(".srm-coverage").innerText(), /2 sur 7 services couverts/);
  await page.getByRole("button", { name: "Défaire" }).click();
  await page.locator(".srm-coverage").getByText("3 sur 7 services couverts").waitFor();
  await expectClean(page);
  await page.context().close();
});

async function addGap(page, service, population) {
  await page.locator(`li[data-service=${service}] .srm-card-add`).click();
  await page.getByLabel("Population touchée").fill(population);
  await page.getByRole("dialog").getByRole("button", { name: "Enregistrer" }).click();
  await page.getByRole("dialog").waitFor({ state: "detached" });
}

test("the CSV export opens in a spreadsheet with its accents, and the reports print", async () => {
  const page = await openPage(env, "/");
  await widgetReady(page);
  await addGap(page, "hebergement-specialise", "Aînés à mobilité réduite, « Côte-Nord »");
  await addGap(page, "transport", "Familles sans voiture; secteur Saint-Aurèle");
  const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Exporter (CSV)" }).click()]);
  assert.match(csvDownload.suggestedFilename(), /^inventaire-mrc-de-l-estuaire-des-pins.*\.csv$/);
  const bytes = readFileSync(await csvDownload.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 BOM for Excel");
  const text = bytes.subarray(3).toString("utf8");
  const lines = text.trim().split("\n");
  assert.match(lines[0], /^Palier,Service,Ligne,Nature de l'écart,Obstacle,Gravité,Population touchée,/);
  assert.ok(text.includes('"Aînés à mobilité réduite, « Côte-Nord »"'), "accents and quotes intact, comma quoted");
  assert.ok(text.includes("Familles sans voiture; secteur Saint-Aurèle"));
  const gapRows = lines.filter((l) => l.includes(",Écart,"));
  assert.equal(gapRows.length, 2);

  const [htmlDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Rapport (HTML)" }).click()]);
  const report = readFileSync(await htmlDownload.path(), "utf8");
  assert.match(report, /<h1>Inventaire des besoins non comblés et des services à mettre en place<\/h1>/);
  const [mdDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Rapport (Markdown)" }).click()]);
  const markdown = readFileSync(await mdDownload.path(), "utf8");
  assert.match(markdown, /^# Inventaire des besoins non comblés/);
  assert.match(markdown, /## Services spécialisés\n\n- \*\*Hébergement spécialisé ou de longue durée\*\*/);

  // Print preview of the HTML report.
  const preview = await env.browser.newPage({ viewport: { width: 900, height: 1200 } });
  await preview.setContent(report);
  await preview.emulateMedia({ media: "print" });
  assert.equal(await preview.locator("h2").first().innerText(), "Couverture par palier");
  assert.equal(await preview.locator("meter").count(), 3);
  await screenshot(preview, "report-print-preview");
  await preview.close();
  await page.context().close();
});

function sessionFor(config, gaps) {
  return {
    format: "service-range-mapper/session",
    version: 1,
    config: config.id,
    fingerprint: "0000000000000000",
    gaps,
    coverage: {},
  };
}

const aGap = (id, service, population) => ({
  id,
  target: { on: "service", service },
  kind: "absent",
  severity: "high",
  population,
  perspective: "family_and_close_ones",
  note: "",
  action: "",
  impact: 5,
  feasibility: 3,
  created: "2026-11-20T14:00:00.000Z",
  modified: "2026-11-20T14:00:00.000Z",
});

test("a session of an earlier config version keeps its orphaned gap; a corrupt file changes nothing", async () => {
  const changed = structuredClone(DEFAULT);
  changed.services = changed.services.filter((s) => s.id !== "medico-legaux");
  changed.offers = changed.offers.filter((o) => o.service !== "medico-legaux");
  const page = await openPage(env);
  await page.route("**/changed.json", (route) => route.fulfill({ body: JSON.stringify(changed), contentType: "application/json" }));
  await page.goto(env.base + "/?config=changed.json");
  await widgetReady(page);
  const session = sessionFor(DEFAULT, [aGap("g1", "medico-legaux", "Adultes sous mandat"), aGap("g2", "crise", "Nuit et fin de semaine")]);
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Ouvrir une session" }).click()]);
  await chooser.setFiles({ name: "atelier.session.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(session)) });
  await page.getByRole("status").filter({ hasText: "1 écart orphelin" }).waitFor();
  await page.getByRole("button", { name: "Inventaire des besoins" }).click();
  const orphans = page.locator("tbody").filter({ hasText: "Écarts orphelins" });
  assert.match(await orphans.innerText(), /medico-legaux/);
  assert.equal(await page.locator("tr.srm-gap-row").count(), 2, "no gap dropped");
  await screenshot(page, "inventory-with-orphan");
  await expectNoAxeViolations(page, "in the inventory with an orphan");

  // A corrupt file: a clear message, and nothing changed.
  const before = await page.locator(".srm-inventory-table").innerText();
  const [again] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Ouvrir une session" }).click()]);
  await again.setFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from('{"format": "service-range-mapper/sess') });
  const alert = page.getByRole("alert").filter({ hasText: "n'est pas une session" });
  await alert.waitFor();
  assert.equal(await page.locator(".srm-inventory-table").innerText(), before);
  // A session of another territory is refused too.
  const [third] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Ouvrir une session" }).click()]);
  const foreign = { ...session, config: "autre-territoire" };
  await third.setFiles({ name: "other.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(foreign)) });
  await page.getByRole("alert").filter({ hasText: "appartient à une autre configuration" }).waitFor();
  assert.equal(await page.locator(".srm-inventory-table").innerText(), before);
  await expectClean(page);
  await page.context().close();
});

test("the inventory filters and sorts, and the gap form passes axe", async () => {
  const page = await openPage(env, "/");
  await widgetReady(page);
  await addGap(page, "loisirs", "A");
  await addGap(page, "crise", "B");
  await page.locator("li[data-service=crise] .srm-card-add").click();
  await expectNoAxeViolations(page, "with the gap form open");
  await screenshot(page, "gap-form");
  await page.getByRole("button", { name: "Annuler" }).click();
  await page.getByRole("dialog").waitFor({ state: "detached" });
  await page.getByRole("button", { name: "Inventaire des besoins" }).click();
  const table = page.locator(".srm-inventory-table");
  await page.getByRole("group", { name: "Filtrer l'inventaire" }).getByLabel("Palier", { exact: true }).selectOption({ label: "Services de proximité" });
  assert.equal(await table.locator("tbody").count(), 1);
  await page.getByLabel("Gravité", { exact: true }).selectOption("medium");
  assert.equal(await table.locator("tr.srm-gap-row").count(), 1);
  assert.equal(await table.locator("tr.srm-uncovered").count(), 0, "uncovered services have no severity");
  await page.getByLabel("Gravité", { exact: true }).selectOption("");
  await page.getByRole("group", { name: "Filtrer l'inventaire" }).getByLabel("Palier", { exact: true }).selectOption("");
  await page.getByRole("button", { name: /^Service/ }).click();
  assert.equal(await page.locator("th[aria-sort=ascending]").innerText(), "Service ↑");
  await screenshot(page, "inventory");
  await expectNoAxeViolations(page, "in the inventory");
  await expectClean(page);
  await page.context().close();
});

test("a new session asks first and offers to save; storage failure is said, work kept", async () => {
  const page = await openPage(env, "/");
  await widgetReady(page);
  await addGap(page, "loisirs", "A");
  await page.getByRole("button", { name: "Nouvelle session" }).click();
  const confirm = page.getByRole("dialog", { name: "Commencer une nouvelle session ?" });
  await confirm.waitFor();
  const [saved] = await Promise.all([page.waitForEvent("download"), confirm.getByRole("button", { name: "Enregistrer d'abord" }).click()]);
  const file = JSON.parse(readFileSync(await saved.path(), "utf8"));
  assert.equal(file.format, "service-range-mapper/session");
  assert.equal(file.gaps.length, 1);
  await confirm.getByRole("button", { name: "Commencer une nouvelle session" }).click();
  await confirm.waitFor({ state: "detached" });
  assert.equal(await page.locator(".srm-gap-badge").count(), 0);
  await page.getByRole("button", { name: "Défaire" }).click();
  assert.equal(await page.locator(".srm-gap-badge").count(), 1, "undo brings the previous session back");
  await page.context().close();

  const full = await openPage(env);
  await breakStorage(full);
  await full.goto(env.base + "/");
  await widgetReady(full);
  await addGap(full, "loisirs", "A");
  await full.getByRole("alert").filter({ hasText: "L'enregistrement automatique ne fonctionne pas" }).waitFor();
  assert.equal(await full.locator(".srm-gap-badge").count(), 1, "the gap is kept in memory");
  await full.context().close();
});

test("the read-only page shows the range with no workshop control", async () => {
  const page = await openPage(env, "/view.html");
  await widgetReady(page);
  assert.equal(await page.locator("li.srm-service").count(), 24);
  for (const name of [/Signaler un écart/, /Défaire/, /Inventaire/, /Exporter/]) {
    assert.equal(await page.getByRole("button", { name }).count(), 0, `no ${name} button`);
  }
  await page.locator("li[data-service=crise] .srm-service-open").click();
  const detail = page.getByRole("dialog");
  await detail.waitFor();
  assert.equal(await detail.getByRole("combobox").count(), 0, "no coverage control");
  await expectNoAxeViolations(page, "on the read-only page");
  await expectClean(page);
  await page.context().close();
});
