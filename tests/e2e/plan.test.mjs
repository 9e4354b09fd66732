// End-to-end: the action plan followed over time, as a coordinator uses it on the demo page
// (which loads the plan bundle when the plan is first opened, the session handed over).
// Two gaps marked, one action addressing both and one for a collaboration gap, T0 marked,
// a service's coverage and a relation changed, an action done, T1 marked; the comparison
// and the dashboard show those changes; the plan's CSV and .ics files are read back; the
// progress report is looked at in print; everything survives a reload; axe on every face.
// The <service-range-mapper> element does the same hand-over in place.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { start, openPage, widgetReady, screenshot, expectClean, expectNoAxeViolations, savedKeys, parseCsv } from "./harness.mjs";

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

const LOISIRS = "Loisirs";
const TRANSPORT = "Transport";

async function addGap(page, service, population) {
  await page.locator(`li[data-service=${service}] .srm-card-add`).click();
  await page.getByLabel("Population touchée").fill(population);
  await page.getByRole("dialog").getByRole("button", { name: "Enregistrer" }).click();
  await page.getByRole("dialog").waitFor({ state: "detached" });
}

async function face(page, name) {
  await page.getByRole("group", { name: "Faces du plan" }).getByRole("button", { name, exact: true }).click();
}

async function markMilestone(page, label, date) {
  await face(page, "Jalons et comparaison");
  await page.getByLabel("Nom du jalon").fill(label);
  await page.getByLabel("Date", { exact: true }).fill(date);
  await page.getByRole("button", { name: "Marquer le jalon" }).click();
  await page.getByRole("status").filter({ hasText: `Jalon « ${label} » marqué.` }).waitFor();
}

test("a plan from two gaps, followed from T0 to T1: comparison, dashboard, exports, report", async () => {
  const page = await openPage(env, "/");
  // Lateness is counted on today: a fixed day, whenever the test runs.
  await page.clock.setFixedTime(new Date("2026-10-01T10:00:00"));
  await page.reload();
  await widgetReady(page);
  await addGap(page, "loisirs", "Jeunes adultes isolés");
  await addGap(page, "transport", "Familles sans voiture");

  // The plan's faces come with their own bundle: the page loads it, nothing is lost.
  await page.getByRole("button", { name: "Plan et suivi" }).click();
  await page.locator(".srm-plan").waitFor();
  const open = page.locator(".srm-open-gaps");
  assert.match(await open.innerText(), /Écarts sans action/);
  assert.match(await open.innerText(), new RegExp(LOISIRS));
  assert.match(await open.innerText(), new RegExp(TRANSPORT));
  await expectNoAxeViolations(page, "the plan, empty");

  // One action addressing both gaps, by keyboard from its button.
  await page.getByRole("button", { name: "Nouvelle action" }).focus();
  await page.keyboard.press("Enter");
  const form = page.getByRole("dialog", { name: "Nouvelle action" });
  await form.waitFor();
  await form.getByLabel("Action", { exact: true }).fill("Navette et loisirs du samedi");
  await form.getByRole("group", { name: "Écarts visés" }).getByLabel(new RegExp(`^${LOISIRS}`)).check();
  await form.getByRole("group", { name: "Écarts visés" }).getByLabel(new RegExp(`^${TRANSPORT}`)).check();
  await form.getByLabel("Organisation responsable").selectOption({ label: "Transport adapté de l'Estuaire" });
  await form.getByRole("group", { name: "Partenaires" }).getByLabel("Groupe d'entraide La Traversée").check();
  await form.getByLabel("Début").fill("2026-06-30");
  await form.getByLabel("Échéance").fill("2026-03-01");
  // Said as typed, the field first; kept all the same.
  await form.locator(".srm-form-problems").filter({ hasText: "Échéance" }).filter({ hasText: "2026-03-01" }).waitFor();
  await form.getByLabel("Échéance").fill("2026-09-01");
  await form.getByLabel("Adoptée").check();
  await form.getByLabel("Indicateur").fill("Jeunes inscrits aux activités");
  await form.getByLabel("Cible").fill("40 jeunes");
  await form.getByLabel("Note", { exact: true }).fill("Première rencontre avec le transporteur");
  await form.getByRole("button", { name: "Ajouter une note d'avancement" }).click();
  await expectNoAxeViolations(page, "the action form");
  await screenshot(page, "plan-action-form");
  await form.getByRole("button", { name: "Enregistrer l'action" }).click();
  await form.waitFor({ state: "detached" });
  const first = page.locator(".srm-action").filter({ hasText: "Navette et loisirs du samedi" });
  assert.match(await first.innerText(), /Statut\s:\sAdoptée/);
  assert.match(await first.innerText(), /En retard de 30\sjours/, "late, said in words");
  assert.doesNotMatch(await open.innerText(), new RegExp(LOISIRS), "the gap is addressed now");

  // A second action, from a collaboration gap's own button.
  const collab = open.locator("li").filter({ hasText: /^Collaboration/ }).first();
  const collabLabel = (await collab.locator("span").first().innerText()).trim();
  await collab.getByRole("button", { name: /^Créer une action/ }).click();
  const second = page.getByRole("dialog", { name: "Nouvelle action" });
  assert.equal(await second.getByRole("group", { name: "Écarts visés" }).getByLabel(collabLabel, { exact: true }).isChecked(), true);
  await second.getByLabel("Action", { exact: true }).fill("Agent de liaison CLSC–OMH");
  await second.getByLabel("Échéance").fill("2027-03-31");
  await second.getByRole("button", { name: "Enregistrer l'action" }).click();
  await second.waitFor({ state: "detached" });
  await page.getByLabel("Organisation responsable", { exact: true }).check();
  await page.locator(".srm-plan-group h4").filter({ hasText: "Sans organisation responsable" }).waitFor();
  await screenshot(page, "plan-by-lead");

  // T0.
  await markMilestone(page, "T0 — atelier du 12 mars", "2026-03-12");
  await expectNoAxeViolations(page, "the milestones");

  // Between T0 and T1: a service's coverage, a relation, an action done.
  await page.getByRole("button", { name: "Gamme de services", exact: true }).click();
  await page.locator("li[data-service=urgence] .srm-service-open").click();
  await page.getByLabel("Couverture évaluée").selectOption("absent");
  await page.keyboard.press("Escape");
  await page.getByRole("dialog").waitFor({ state: "detached" });
  await page.getByRole("button", { name: "Matrice des partenaires", exact: true }).click();
  await page.getByRole("button", { name: /^Coalition → Intégration — CISSS/ }).first().click();
  const relation = page.getByRole("dialog", { name: "Relation entre partenaires" });
  await relation.getByRole("group", { name: "Niveau actuel" }).getByLabel("Intégration", { exact: true }).check();
  await relation.getByRole("button", { name: "Enregistrer" }).click();
  await relation.waitFor({ state: "detached" });
  await page.getByRole("button", { name: "Plan et suivi" }).click();
  await face(page, "Plan d'action");
  await first.getByRole("button", { name: /^Modifier/ }).click();
  const edit = page.getByRole("dialog", { name: "Modifier l'action" });
  await edit.getByLabel("Réalisée").check();
  await edit.getByRole("button", { name: "Enregistrer l'action" }).click();
  await edit.waitFor({ state: "detached" });
  assert.doesNotMatch(await first.innerText(), /En retard/, "done: no longer late");

  // T1, then the two compared.
  await markMilestone(page, "T1 — bilan de septembre", "2026-09-15");
  const comparison = page.locator(".srm-comparison-moments");
  await comparison.getByLabel("Avant").selectOption({ label: "T0 — atelier du 12 mars (2026-03-12)" });
  await comparison.getByLabel("Après").selectOption({ label: "T1 — bilan de septembre (2026-09-15)" });
  await comparison.getByText(/Action réalisée\s:\sNavette et loisirs du samedi/).waitFor();
  const changes = await comparison.locator(".srm-changes").innerText();
  assert.match(changes, /Relation CISSS de l'Estuaire — installation CLSC des Pins — Hôpital régional de l'Estuaire\s:\sCoalition → Intégration/);
  assert.match(changes, /Urgence[^\n]*→ Absent/);
  assert.match(changes, /Services spécialisés\s:\s3\/7 → 2\/7/);
  assert.match(changes, /Relations sous la cible\s:\s12 → 11/);
  assert.doesNotMatch(changes, /Agent de liaison/, "planned before T0: no change");
  const coverage = comparison.getByRole("table", { name: "Couverture par palier" });
  const specialised = await coverage.locator("tr").filter({ hasText: "Services spécialisés" }).innerText();
  assert.deepEqual(specialised.split("\t").map((s) => s.trim()), ["Services spécialisés", "3/7", "2/7 ◆"], "the tier's coverage moved, marked");
  await comparison.getByRole("img", { name: /Services couverts par palier/ }).waitFor();
  await expectNoAxeViolations(page, "the comparison");
  await screenshot(page, "plan-comparison");

  // The dashboard: a chart per indicator, and the table of every milestone and now.
  await face(page, "Tableau de bord");
  const board = page.getByRole("table", { name: "Tableau de bord en tableau" });
  await board.waitFor();
  const rows = await board.locator("tbody tr").allInnerTexts();
  assert.deepEqual(rows.map((r) => r.split("\t")[0]), ["T0 — atelier du 12 mars", "T1 — bilan de septembre", "Maintenant"]);
  const header = (await board.locator("thead").innerText()).split("\t").map((s) => s.trim());
  const done = header.indexOf("Actions réalisées");
  assert.deepEqual(rows.map((r) => r.split("\t")[done].trim()), ["0", "1", "1"]);
  assert.equal(await page.locator(".srm-dashboard figure svg[role=img]").count(), header.length - 2, "one chart per indicator");
  await page.getByRole("img", { name: /^Actions réalisées/ }).waitFor();
  await expectNoAxeViolations(page, "the dashboard");
  await screenshot(page, "plan-dashboard");

  // The plan as CSV: one row per action, with its gaps.
  const [csvFile] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Plan (CSV)" }).click()]);
  assert.match(csvFile.suggestedFilename(), /^plan-mrc-de-l-estuaire.*\.csv$/);
  const csv = parseCsv(readFileSync(await csvFile.path(), "utf8").replace(/^\uFEFF/, ""));
  const col = (name) => csv[0].indexOf(name);
  assert.equal(csv.filter((r) => r.length > 1).length, 3, "a header and two actions");
  const navette = csv.find((r) => r[col("Action")] === "Navette et loisirs du samedi");
  assert.equal(navette[col("Statut")], "Réalisée");
  assert.match(navette[col("Écarts visés")], new RegExp(`${LOISIRS}.* ; ${TRANSPORT}`));
  assert.equal(navette[col("Échéance")], "2026-09-01");

  // The due dates as iCalendar: one event each, all-day on the due date.
  const [icsFile] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Échéances (.ics)" }).click()]);
  const ics = readFileSync(await icsFile.path(), "utf8");
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.equal(ics.match(/BEGIN:VEVENT/g).length, 2);
  assert.match(ics, /DTSTART;VALUE=DATE:20260901\r\n/);
  assert.match(ics, /DTSTART;VALUE=DATE:20270331\r\n/);
  assert.match(ics.replace(/\r\n /g, ""), /SUMMARY:[^\r]*Agent de liaison CLSC–OMH/);

  // The progress report, looked at in print.
  const [report] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Rapport d'étape (HTML)" }).click()]);
  const html = readFileSync(await report.path(), "utf8");
  assert.match(html, /<h1>Rapport d(&#39;|')étape — Inventaire des besoins/);
  assert.match(html, /<h2>Rapport d(&#39;|')étape/);
  assert.match(html, /Ce qui a changé/);
  const preview = await env.browser.newPage({ viewport: { width: 900, height: 1200 } });
  await preview.setContent(html);
  await preview.emulateMedia({ media: "print" });
  assert.ok((await preview.locator("h3").allInnerTexts()).includes("Tableau de bord"));
  await screenshot(preview, "plan-progress-report-print");
  await preview.close();
  const [markdown] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Rapport d'étape (Markdown)" }).click()]);
  assert.match(readFileSync(await markdown.path(), "utf8"), /### Ce qui a changé/);

  // From any gap of the inventory too: the form opens addressing it.
  await page.getByRole("button", { name: "Inventaire des besoins", exact: true }).click();
  await page.getByRole("button", { name: new RegExp(`^Créer une action.*${LOISIRS}`) }).first().click();
  const fromInventory = page.getByRole("dialog", { name: "Nouvelle action" });
  assert.equal(await fromInventory.getByRole("group", { name: "Écarts visés" }).getByLabel(new RegExp(`^${LOISIRS}`)).isChecked(), true);
  await page.keyboard.press("Escape");
  await fromInventory.waitFor({ state: "detached" });

  // Nothing lost on reload: the plan and both milestones are in the saved session.
  await page.waitForTimeout(200);
  await page.reload();
  await widgetReady(page);
  await page.getByRole("button", { name: "Plan et suivi" }).click();
  await page.locator(".srm-action").filter({ hasText: "Agent de liaison CLSC–OMH" }).waitFor();
  await face(page, "Jalons et comparaison");
  assert.equal(await page.locator(".srm-milestone").count(), 2);
  await expectClean(page);
  await page.context().close();
});

test("the element hands its session over to the plan bundle in place", async () => {
  const page = await openPage(env, "/portal.html");
  await page.locator("#atelier section.srm-tier").first().waitFor();
  await page.locator("#atelier li[data-service]").first().locator(".srm-card-add").click();
  await page.locator("#atelier").getByRole("dialog").getByRole("button", { name: "Enregistrer" }).click();
  await page.locator("#atelier").getByRole("dialog").waitFor({ state: "detached" });
  await page.locator("#atelier").getByRole("button", { name: "Plan et suivi" }).click();
  await page.locator("#atelier .srm-plan").waitFor();
  // The gap marked a moment ago is there, waiting for an action.
  assert.equal(await page.locator("#atelier .srm-open-gaps li").filter({ hasNotText: /^Collaboration/ }).count(), 1);
  assert.equal(await page.locator("#atelier .srm").getAttribute("data-view"), "plan");
  // The other widget of the page is untouched (its own bundle, its own session).
  assert.equal(await page.locator("#overview .srm").getAttribute("data-view"), "range");
  await expectNoAxeViolations(page, "the element's plan");
  await expectClean(page);
  await page.context().close();
});

test("work saved in local storage before this version is carried over to IndexedDB, nothing lost", async () => {
  const page = await openPage(env, "/");
  await widgetReady(page);
  await addGap(page, "loisirs", "Jeunes adultes isolés");
  await page.waitForTimeout(200);
  const [key] = await savedKeys(page, "srm:session:");
  assert.ok(key, "the session is saved in IndexedDB");
  // As an earlier version left it: the session in local storage, nothing in IndexedDB.
  await page.evaluate(async (key) => {
    const text = await new Promise((done) => {
      const open = indexedDB.open("service-range-mapper");
      open.onsuccess = () => {
        const get = open.result.transaction("work").objectStore("work").get(key);
        get.onsuccess = () => {
          open.result.close();
          done(get.result);
        };
      };
    });
    localStorage.setItem(key, text);
    await new Promise((done) => {
      const deleted = indexedDB.deleteDatabase("service-range-mapper");
      deleted.onsuccess = deleted.onerror = deleted.onblocked = () => done();
    });
  }, key);
  await page.reload();
  await widgetReady(page);
  await page.getByRole("status").filter({ hasText: "Session précédente restaurée." }).waitFor();
  assert.match(await page.locator("li[data-service=loisirs]").innerText(), /1 écart/);
  await page.waitForTimeout(200);
  assert.deepEqual(await savedKeys(page, key), [key], "moved to IndexedDB");
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), key), null, "and out of local storage");
  await expectClean(page);
  await page.context().close();
});
