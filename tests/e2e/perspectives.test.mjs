// End-to-end: every partner's view, then a shared one. Three participants rate on
// phone-sized pages (the participant mode of the element, as a facilitator would share
// it), download their contribution files; the facilitator gathers them with a broken
// file and a duplicate, sees the divergent service first, records a consensus, undoes it,
// records it again, exports the comparison and hides names for the projector. Each
// participant's entry survives a reload. axe-core on every new view; screenshots saved.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { start, openPage, widgetReady, screenshot, expectClean, expectNoAxeViolations } from "./harness.mjs";

let env;
const FOLDER = mkdtempSync(join(tmpdir(), "srm-contributions-"));
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

const CRISE = "Services de crise (liaison ou dispensation)";
const ENTRAIDE = "Services d'entraide";

/** One participant on a phone: who they are, a few ratings, a relation, maybe a gap;
 *  returns the path of the downloaded contribution file. */
async function contribute(person) {
  const page = await openPage(env, "/participant.html", { width: 390, height: 844 });
  await page.getByRole("heading", { name: "Ma contribution", exact: true }).waitFor();
  if (person.name) await page.getByLabel("Votre nom (facultatif)", { exact: true }).fill(person.name);
  await page.getByLabel("Votre nom (facultatif)", { exact: true }).press("Tab");
  await page.getByLabel("Votre organisation", { exact: true }).selectOption(person.organisation ?? "");
  if (person.perspective) await page.getByLabel("Votre point de vue", { exact: true }).selectOption(person.perspective);
  for (const [service, answer] of Object.entries(person.ratings)) {
    await page.getByRole("group", { name: service }).getByLabel(answer, { exact: true }).check();
  }
  if (person.relation) {
    const group = page.getByRole("group", { name: person.relation.with });
    await group.getByLabel("Niveau actuel").selectOption({ label: person.relation.level });
    await group.getByLabel("Niveau souhaité").selectOption({ label: person.relation.wanted });
  }
  if (person.gap) {
    await page.getByRole("button", { name: `Signaler un écart : ${person.gap.service}` }).click();
    const form = page.getByRole("dialog", { name: "Signaler un écart" });
    await form.getByLabel("Population touchée").fill(person.gap.population);
    await form.getByLabel(person.gap.severity, { exact: true }).check();
    await form.getByRole("button", { name: "Enregistrer" }).click();
    await form.waitFor({ state: "detached" });
  }
  // What was entered survives a reload (kept in this browser).
  await page.waitForTimeout(150);
  await page.reload();
  await page.getByRole("heading", { name: "Ma contribution", exact: true }).waitFor();
  for (const [service, answer] of Object.entries(person.ratings)) {
    assert.ok(await page.getByRole("group", { name: service }).getByLabel(answer, { exact: true }).isChecked(), `${service} kept`);
  }
  if (person.name) assert.equal(await page.getByLabel("Votre nom (facultatif)", { exact: true }).inputValue(), person.name);
  await expectNoAxeViolations(page, `participant page (${person.name || "anonymous"})`);
  await screenshot(page, `perspectives-participant-${person.file}`);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Télécharger mon fichier de contribution" }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^contribution-mrc-de-l-estuaire.*\.json$/);
  const path = join(FOLDER, `${person.file}.json`);
  await download.saveAs(path);
  await expectClean(page);
  await page.context().close();
  return path;
}

test("three participants rate on their phones; the facilitator gathers, compares and decides", async () => {
  const files = [];
  files.push(await contribute({
    file: "marie", name: "Marie Tremblay", organisation: "cisss", perspective: "practitioner",
    ratings: { [CRISE]: "Couvert", [ENTRAIDE]: "Couvert" },
    relation: { with: "Hôpital régional de l'Estuaire", level: "Coalition", wanted: "Intégration" },
  }));
  files.push(await contribute({
    file: "luc", name: "Luc Gagnon", organisation: "hopital", perspective: "organisation",
    ratings: { [CRISE]: "Absent", [ENTRAIDE]: "Couvert" },
    relation: { with: "CISSS de l'Estuaire — installation CLSC des Pins", level: "Coordination", wanted: "Coalition" },
  }));
  files.push(await contribute({
    file: "anonyme", organisation: "", perspective: "person_using_services",
    ratings: { [CRISE]: "Absent", [ENTRAIDE]: "Je ne sais pas" },
    gap: { service: CRISE, population: "Personnes seules la nuit", severity: "Élevée" },
  }));
  const broken = join(FOLDER, "abime.json");
  writeFileSync(broken, readFileSync(files[0], "utf8").replace('"covered"', '"peut-être"'));

  const page = await openPage(env, "/?view=perspectives");
  await page.getByRole("heading", { name: "Points de vue" }).waitFor();
  const [chooser] = await Promise.all([
    page.waitForEvent("filechooser"),
    page.getByRole("button", { name: "Ajouter des fichiers de contribution…" }).click(),
  ]);
  await chooser.setFiles([...files, files[0], broken]);
  const outcomes = page.locator(".srm-gathered li");
  await outcomes.nth(4).waitFor();
  const said = await outcomes.allInnerTexts();
  assert.match(said[0], /marie\.json \(Marie Tremblay\) : ajouté/);
  assert.match(said[3], /déjà rassemblé/);
  assert.match(said[4], /abime\.json .*refusé.*\$\.coverage\.crise \(ligne \d+, colonne \d+\) .*peut-être/);
  assert.equal(await page.locator(".srm-participant-table tbody tr").count(), 3, "three participants, none twice");

  // The divergent service first, said in words.
  const services = page.getByRole("table", { name: /Services : couverture/ });
  const first = services.locator("tbody tr").first();
  assert.match(await first.innerText(), new RegExp(`${CRISE.replace(/[()]/g, "\\$&")}[\\s\\S]*Divergent`));
  assert.match(await services.locator("tbody tr").nth(1).innerText(), /Services d'entraide[\s\S]*Accord/);
  const relations = page.getByRole("table", { name: /Relations entre organisations/ });
  assert.match(await relations.innerText(), /asymétrie d'un échelon/);
  await expectNoAxeViolations(page, "the comparison");
  await screenshot(page, "perspectives-comparison");

  // A consensus recorded, undone, recorded again; it becomes the session's value.
  const decide = async (note) => {
    await first.getByRole("button", { name: /Décider|Revoir la décision/ }).click();
    const form = page.getByRole("dialog", { name: "Décision du groupe" });
    await form.waitFor();
    assert.match(await form.innerText(), /Marie Tremblay[\s\S]*Couvert/, "each answer in view");
    await form.getByLabel("Absent", { exact: true }).check();
    await form.getByLabel(/Note de la décision/).fill(note);
    await expectNoAxeViolations(page, "the decision form");
    await form.getByRole("button", { name: "Enregistrer la décision" }).click();
    await form.waitFor({ state: "detached" });
  };
  await decide("Pas d'équipe mobile la nuit : absent hors des heures de bureau");
  assert.match(await first.innerText(), /Absent[\s\S]*Pas d'équipe mobile la nuit/);
  const coverage = () => page.evaluate(() => window.srmWidget.inventory().coverage?.crise ?? null);
  assert.equal(await coverage(), "absent");
  await page.getByRole("button", { name: "Défaire" }).click();
  assert.match(await first.innerText(), /Pas encore décidé/);
  assert.equal(await coverage(), null);
  await decide("Confirmé en atelier");
  assert.match(await first.innerText(), /Confirmé en atelier/);
  await screenshot(page, "perspectives-decided");

  // The comparison as CSV holds each rating and the consensus.
  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Exporter la comparaison (CSV)" }).click(),
  ]);
  const text = readFileSync(await csv.path(), "utf8");
  assert.match(text, /Marie Tremblay/);
  assert.match(text, /Luc Gagnon/);
  assert.match(text, /Confirmé en atelier/);
  const crise = text.split("\n").find((line) => line.includes(CRISE));
  assert.match(crise, /Couvert,Absent,Absent/);

  // Privacy: names hidden on screen and in exports; organisations and perspectives kept.
  await page.getByLabel(/Masquer les noms/).check();
  const table = await page.locator(".srm-participant-table").innerText();
  assert.doesNotMatch(table, /Marie|Luc/);
  assert.match(table, /Participant 1 — CISSS de l.Estuaire/);
  const [hidden] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Exporter la comparaison (CSV)" }).click(),
  ]);
  assert.doesNotMatch(readFileSync(await hidden.path(), "utf8"), /Marie|Luc/);
  await expectNoAxeViolations(page, "the comparison, names hidden");
  await screenshot(page, "perspectives-privacy");
  await expectClean(page);
});

test("contributions entered in turns at the facilitator's machine, by keyboard, kept after a reload and in the reports", async () => {
  const page = await openPage(env, "/");
  await widgetReady(page);
  await page.getByRole("button", { name: "Points de vue", exact: true }).click();
  await page.getByRole("button", { name: "Saisir à tour de rôle" }).click();
  await page.getByRole("heading", { name: "Saisie à tour de rôle" }).first().waitFor();
  await expectNoAxeViolations(page, "the turns' form");
  const turn = async (name, organisation, keys) => {
    await page.getByLabel("Votre nom (facultatif)", { exact: true }).fill(name);
    await page.getByLabel("Votre organisation", { exact: true }).selectOption(organisation);
    // The answers by keyboard: Space checks the first one, arrows move along them.
    await page.getByRole("group", { name: CRISE }).getByLabel("Couvert", { exact: true }).focus();
    for (const key of keys) await page.keyboard.press(key);
  };
  await turn("Aline", "gmf", ["Space", "ArrowRight"]);
  assert.ok(await page.getByRole("group", { name: CRISE }).getByLabel("Partiel", { exact: true }).isChecked());
  await page.getByRole("button", { name: "Participant suivant" }).click();
  assert.equal(await page.getByLabel("Votre nom (facultatif)", { exact: true }).inputValue(), "", "an empty form for the next one");
  await turn("Bruno", "entraide", ["Space", "ArrowRight", "ArrowRight"]);
  await page.getByRole("button", { name: "Terminer la saisie" }).click();
  await page.locator(".srm-participant-table").waitFor();
  assert.equal(await page.locator(".srm-participant-table tbody tr").count(), 2);
  await page.waitForTimeout(200);
  await page.reload();
  await widgetReady(page);
  await page.getByRole("button", { name: "Points de vue", exact: true }).click();
  const table = await page.locator(".srm-participant-table").innerText();
  assert.match(table, /Aline — GMF des Deux-Rives/);
  assert.match(table, /Bruno/);
  const [markdown] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Rapport (Markdown)" }).click()]);
  const text = readFileSync(await markdown.path(), "utf8");
  assert.match(text, /## Points de vue/);
  assert.match(text, /Aline/);
  // Partly covered and absent are one step apart: agreement, the median between them.
  assert.match(text, /\| Services de crise \(liaison ou dispensation\) \| Absent – Couvert en partie \| 100[\s\u00a0]%[\s\u00a0]?\| Accord \|/);
  await expectClean(page);
  await page.context().close();
});
