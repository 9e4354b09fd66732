// End-to-end tests of the range editor ("Configurer la gamme") on the built page, as a
// planner uses it: a range built from an empty one with the keyboard alone, downloaded and
// opened in the demo page; a service with gaps moved to another tier and its gaps
// following it in the preview; undo back to the start and redo; the draft found again
// after a reload; problems leading to their fields; the JSON text both ways; deletions
// that say what depends on them; the element's editor mode; axe and the strict CSP.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { start, openPage, screenshot, expectClean, expectNoAxeViolations, focusedLabel, tabTo, breakStorage } from "./harness.mjs";

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

async function editorReady(page) {
  await page.waitForSelector(".srm-editor .srm-editor-nav");
}

/** Chooses an option of the focused list by keyboard: Home, then ArrowDown until it is
 *  selected (each arrow key changes a closed list's value in Chromium). */
async function chooseByKeyboard(page, option) {
  await page.keyboard.press("Home");
  for (let i = 0; i < 40; i++) {
    const chosen = await page.evaluate(() => document.activeElement.selectedOptions?.[0]?.textContent);
    if (chosen === option) return;
    await page.keyboard.press("ArrowDown");
  }
  throw new Error(`no option ${option}`);
}

/** Puts a whole text in a text area at once, as a paste does (Playwright's fill takes
 *  seconds on a config's 30 KB). */
async function paste(area, text) {
  await area.evaluate((element, value) => {
    element.value = value;
    element.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  }, text);
}

/** Types a name in the focused "add" field and presses Enter; the field is ready for the next. */
async function addByKeyboard(page, name) {
  await page.keyboard.type(name);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement.value === "");
}

const TIERS = ["Première ligne", "Partenaires du milieu", "Deuxième ligne"];
const SERVICES = [
  ["Première ligne", ["Accueil psychosocial", "Groupe d'entraide"]],
  ["Partenaires du milieu", ["Logement avec soutien", "Transport adapté"]],
  ["Deuxième ligne", ["Psychiatrie externe", "Hôpital de jour"]],
];
const PROVIDERS = ["CLSC des Érables", "Maison l'Éclaircie", "Office d'habitation", "Centre hospitalier régional"];
// Organisation → services it offers.
const OFFERS = [
  ["CLSC des Érables", ["Accueil psychosocial", "Psychiatrie externe"]],
  ["Maison l'Éclaircie", ["Groupe d'entraide"]],
  ["Office d'habitation", ["Logement avec soutien"]],
  ["Centre hospitalier régional", ["Hôpital de jour", "Psychiatrie externe"]],
];

test("a range built from an empty one by keyboard, downloaded, shown by URL, its gaps following a move, undone and found again", async () => {
  const page = await openPage(env, "/editor.html");
  await editorReady(page);
  const initial = await page.evaluate(() => window.srmEditor.config_json());
  await page.locator("body").focus();

  // Start from an empty range.
  await tabTo(page, "Partir de");
  await chooseByKeyboard(page, "Gamme vide");
  await tabTo(page, "Commencer");
  await page.keyboard.press("Enter");
  await page.getByText("Ouvert : Gamme vide.").waitFor();

  // The territory.
  await tabTo(page, "Territoire");
  await page.keyboard.press("Enter");
  await tabTo(page, "Nom du territoire — Français");
  await page.keyboard.type("MRC des Érables");
  await tabTo(page, "Nom du territoire — Anglais");
  await page.keyboard.type("Érables RCM");

  // Three tiers, then two services in each, every one by its own "new" field.
  await tabTo(page, "Paliers et services (0)");
  await page.keyboard.press("Enter");
  await tabTo(page, "Nom du nouveau palier");
  for (const tier of TIERS) await addByKeyboard(page, tier);
  assert.equal(await page.locator(".srm-editor-tier").count(), 3);
  for (const [tier, services] of SERVICES) {
    await tabTo(page, `Nom du nouveau service — ${tier}`);
    for (const service of services) await addByKeyboard(page, service);
  }
  assert.equal(await page.locator(".srm-editor-forms .srm-item-row").count(), 6);

  // Four organisations, and what each offers, from its own form.
  await tabTo(page, "Organismes et offres (0)");
  await page.keyboard.press("Enter");
  await tabTo(page, "Nom du nouvel organisme");
  for (const provider of PROVIDERS) await addByKeyboard(page, provider);
  for (const [provider, services] of OFFERS) {
    await tabTo(page, new RegExp(`^${provider} `), 400);
    await page.keyboard.press("Enter"); // opens its form
    for (const service of services) {
      await tabTo(page, "Service offert aussi");
      await chooseByKeyboard(page, service);
      await page.keyboard.press("Tab");
      assert.equal(await focusedLabel(page), "Ajouter l'offre");
      await page.keyboard.press("Enter");
      // The new offer's service list has the focus.
      await page.waitForFunction((s) => document.activeElement.selectedOptions?.[0]?.textContent === s, service);
    }
    await tabTo(page, "Fermer");
    await page.keyboard.press("Enter");
  }

  // The preview shows the range as it is written, with who offers what.
  const preview = page.locator(".srm-editor-preview");
  assert.equal(await preview.locator("section.srm-tier").count(), 3);
  assert.match(await preview.locator("section.srm-tier").first().innerText(), /Accueil psychosocial/);
  assert.match(await preview.innerText(), /MRC des Érables/);
  assert.equal(await page.locator(".srm-draft-ok").count(), 1, "no problem left");
  await expectNoAxeViolations(page, "in the editor, an organisation's form open");
  await screenshot(page, "editor-built");

  // Downloaded: indented JSON with its version, the changes summarised.
  await tabTo(page, "Télécharger la configuration");
  assert.match(await page.locator(".srm-changes").innerText(), /Depuis l'ouverture : territoire modifié, 3 paliers ajoutés, 6 services ajoutés, 4 organismes ajoutés, 6 offres ajoutées\./);
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  assert.equal(download.suggestedFilename(), "mrc-des-erables.json");
  const file = readFileSync(await download.path(), "utf8");
  const written = JSON.parse(file);
  assert.equal(written.version, 1);
  assert.match(file, /\n  "territory": \{\n    "name": \{/, "indented");
  assert.equal(written.id, "mrc-des-erables");
  assert.deepEqual(written.tiers.map((t) => t.label.fr), TIERS);
  assert.equal(written.services.length, 6);
  assert.equal(written.offers.length, 6);

  // Opened in the demo page by its address.
  // In a second tab of the same browser (it shares the storage, as a workshop open
  // beside the editor would).
  const demo = await page.context().newPage();
  const demoErrors = [];
  demo.on("pageerror", (e) => demoErrors.push(e.message));
  demo.on("console", (m) => m.type() === "error" && demoErrors.push(m.text()));
  await demo.route("**/mrc-des-erables.json", (route) => route.fulfill({ body: file, contentType: "application/json" }));
  await demo.goto(env.base + "/?config=mrc-des-erables.json");
  await demo.waitForSelector(".srm section.srm-tier");
  assert.equal(await demo.locator("section.srm-tier").count(), 3);
  assert.match(await demo.locator(".srm").first().innerText(), /MRC des Érables[\s\S]*Logement avec soutien[\s\S]*Office d'habitation/);
  // A gap on "Groupe d'entraide", saved by the workshop in this browser.
  await demo.getByRole("button", { name: "Signaler un écart : Groupe d'entraide" }).click();
  await demo.getByRole("dialog").getByRole("button", { name: "Enregistrer" }).click();
  await demo.locator("li[data-service=groupe-d-entraide] .srm-gap-badge").waitFor();

  // Back in the editor (the other tab): the preview shows the gap; the service moves to
  // the third tier and its gap follows it.
  await page.bringToFront();
  const card = preview.locator("li[data-service=groupe-d-entraide]");
  await card.locator(".srm-gap-badge").waitFor();
  assert.match(await preview.locator("section.srm-tier").nth(0).innerText(), /Groupe d'entraide/);
  await tabTo(page, "Paliers et services (6)");
  await page.keyboard.press("Enter");
  await tabTo(page, /^Groupe d'entraide/);
  await page.keyboard.press("Enter");
  await tabTo(page, "Palier");
  await chooseByKeyboard(page, "Deuxième ligne");
  await page.waitForFunction(() => document.activeElement.selectedOptions?.[0]?.textContent === "Deuxième ligne");
  const third = preview.locator("section.srm-tier").nth(2);
  await third.locator("li[data-service=groupe-d-entraide] .srm-gap-badge").waitFor();
  // textContent, not innerText: a card is `content-visibility: auto`, and a card just made
  // in a tab just brought to the front may not be laid out yet (innerText was '' once in CI).
  assert.match(await third.locator("li[data-service=groupe-d-entraide]").textContent(), /1 écart/);
  assert.doesNotMatch(await preview.locator("section.srm-tier").nth(0).textContent(), /Groupe d'entraide/);
  await screenshot(page, "editor-gap-followed");

  // Undo back to the start (the empty range), then redo everything.
  const undo = page.locator(".srm-editor-bar").getByRole("button", { name: "Annuler" });
  let steps = 0;
  while (await undo.isEnabled()) {
    await undo.click();
    steps++;
    assert.ok(steps < 200, "undo ends");
  }
  assert.ok(steps > 20, `every edit was a step (${steps})`);
  assert.equal(await page.evaluate(() => window.srmEditor.config_json()), initial, "back to the page's start");
  const redo = page.locator(".srm-editor-bar").getByRole("button", { name: "Rétablir" });
  for (let i = 0; i < steps; i++) await redo.click();
  assert.equal(await redo.isDisabled(), true);
  const again = await page.evaluate(() => window.srmEditor.config_json());
  assert.equal(JSON.parse(again).services.find((s) => s.id === "groupe-d-entraide").tier, "deuxieme-ligne");

  // Reloaded: the draft is found again, with a notice.
  await page.waitForTimeout(100); // autosave runs just after the page shows the change
  await page.reload();
  await editorReady(page);
  await page.getByText(/Brouillon retrouvé/).waitFor();
  assert.equal(await page.evaluate(() => window.srmEditor.config_json()), again);
  await expectClean(page);
  assert.deepEqual(demoErrors, [], "no error in the demo page");
  await page.context().close();
});

test("a problem is said at its field and leads there; hostile text stays text", async () => {
  const page = await openPage(env, "/editor.html");
  await editorReady(page);
  await page.getByRole("button", { name: "Organismes et offres (0)" }).click();
  await page.getByLabel("Nom du nouvel organisme").fill("<img src=x onerror=alert(1)>");
  await page.getByRole("button", { name: "Ajouter" }).last().click();
  await page.getByRole("button", { name: /^<img src=x onerror=alert\(1\)>/ }).click();
  const web = page.getByLabel("Site Web");
  await web.fill("javascript:alert(1)");
  // Checked as one types, with the reader's rules, tied to the field.
  await page.waitForSelector("input[aria-invalid=true][type=url]");
  const describedBy = await web.getAttribute("aria-describedby");
  assert.match(await page.locator(`#${describedBy.split(" ")[0]}`).innerText(), /javascript:alert\(1\)/);
  assert.equal(await page.locator("img[src=x]").count(), 0, "no markup injected");
  // From the list of problems to the field, from another part of the editor.
  await page.getByRole("button", { name: "Territoire", exact: true }).click();
  // What is not a number of inhabitants is said, and not taken.
  await page.getByLabel("Population (habitants)").fill("douze mille");
  await page.getByText("Ce n'est pas un nombre entier d'habitants : la population n'a pas changé.").waitFor();
  assert.equal((await page.evaluate(() => window.srmEditor.config())).territory.population, undefined);
  await page.getByLabel("Population (habitants)").fill("12 000");
  assert.equal((await page.evaluate(() => window.srmEditor.config())).territory.population, 12000);
  const problems = page.locator(".srm-draft-problems");
  await problems.getByRole("button", { name: "Aller au champ" }).last().click();
  assert.equal(await focusedLabel(page), "Site Web");
  await web.fill("https://example.org");
  await page.waitForSelector("input[aria-invalid=true][type=url]", { state: "detached" });
  // A 100,000-character description and control characters: kept, cleaned, no freeze.
  await page.getByLabel("Nom de l'organisme — Français").fill("Nom\u0007 propre");
  assert.equal(await page.getByLabel("Nom de l'organisme — Français").inputValue(), "Nom propre");
  await expectNoAxeViolations(page, "with problems shown");
  await expectClean(page);
  await page.context().close();
});

test("deleting says what depends on it; a tier's services go where the person says", async () => {
  const page = await openPage(env, "/editor.html");
  await editorReady(page);
  await page.locator(".srm-editor-start select").selectOption("mental-health-example");
  await page.getByRole("button", { name: "Commencer" }).click();
  const forms = page.locator(".srm-editor-forms");
  await forms.getByRole("button", { name: /^Logement social/ }).click();
  await page.getByRole("button", { name: "Supprimer le service" }).click();
  const dialog = page.getByRole("dialog", { name: /Supprimer « Logement social/ });
  assert.match(await dialog.innerText(), /Ce qui en dépend : \d+ offres? supprimées?/);
  assert.match(await dialog.innerText(), /relations? du continuum/);
  await expectNoAxeViolations(page, "in the delete confirmation");
  await dialog.getByRole("button", { name: "Annuler", exact: true }).last().click();
  await dialog.waitFor({ state: "detached" });
  // A tier with services: they go to the tier chosen.
  await page.getByRole("button", { name: "Supprimer le palier : Services intersectoriels dans le milieu" }).click();
  const tierDialog = page.getByRole("dialog");
  assert.match(await tierDialog.innerText(), /ses 8 services iront dans le palier choisi/);
  await tierDialog.getByLabel("Déplacer ses services vers le palier").selectOption({ label: "Services de proximité" });
  await tierDialog.getByRole("button", { name: "Supprimer", exact: true }).click();
  assert.equal(await page.locator(".srm-editor-tier").count(), 2);
  assert.match(await page.locator(".srm-editor-tier").first().innerText(), /17 services/);
  await page.getByRole("button", { name: "Annuler" }).first().click();
  assert.equal(await page.locator(".srm-editor-tier").count(), 3);
  await screenshot(page, "editor-example");
  await expectClean(page);
  await page.context().close();
});

test("the JSON text and the forms keep each other's edits; broken JSON keeps the person on the text", async () => {
  const page = await openPage(env, "/editor.html?lang=en");
  await editorReady(page);
  await page.getByRole("button", { name: "JSON text" }).click();
  const text = page.getByLabel("Text of the configuration");
  const json = JSON.parse(await text.inputValue());
  json.territory.name = "Lac-Vert";
  await paste(text, JSON.stringify(json, null, 2));
  await text.press("End");
  await text.pressSequentially(",");
  // Not JSON now: the forms cannot be reached, the problem has its line and column.
  await page.getByText(/cannot be read into the forms/).waitFor();
  assert.equal(await page.getByRole("button", { name: "Forms" }).isDisabled(), true);
  assert.match(await page.locator(".srm-json .srm-field-notes").innerText(), /line \d+, column \d+/);
  await page.getByRole("button", { name: "Go to this place" }).first().click();
  assert.equal(await focusedLabel(page), "Text of the configuration");
  await text.press("Control+End");
  await text.press("Backspace");
  await page.getByRole("button", { name: "Forms" }).click();
  await page.getByRole("button", { name: "Territory", exact: true }).click();
  assert.equal(await page.getByLabel("Name of the territory — French").inputValue(), "Lac-Vert");
  await page.getByLabel("Name of the territory — English").fill("Green Lake");
  await page.getByRole("button", { name: "JSON text" }).click();
  assert.equal(JSON.parse(await text.inputValue()).territory.name.en, "Green Lake");
  await expectNoAxeViolations(page, "on the JSON text");
  await expectClean(page);
  await page.context().close();
});

test("the element in editor mode, in a host page under the strict CSP", async () => {
  const page = await openPage(env, "/editor-element.html");
  await page.waitForSelector("service-range-mapper >> .srm-editor .srm-editor-nav");
  await page.evaluate(() => {
    window.__seen = [];
    document.getElementById("editeur").addEventListener("srm-change", (e) => window.__seen.push(e.detail.territory.name));
  });
  assert.equal(await page.evaluate(() => document.getElementById("editeur").draft().tiers.length), 4);
  assert.equal(await page.evaluate(() => document.getElementById("editeur").inventory()), null);
  const editor = page.locator("#editeur");
  await editor.getByRole("button", { name: "Territoire", exact: true }).click();
  await editor.getByLabel("Nom du territoire — Français").fill("Vallée (renommée)");
  await page.waitForFunction(() => window.__seen.length > 0);
  assert.equal(await page.evaluate(() => document.getElementById("editeur").draft().territory.name.fr), "Vallée (renommée)");
  // The config id stays what it was: the youth example's saved work stays attached.
  assert.equal(await page.evaluate(() => document.getElementById("editeur").draft().id), "exemple-jeunesse-vallee");
  assert.match(await editor.locator(".srm-editor-preview").innerText(), /Vallée \(renommée\)/);
  // Another language from the attribute, the state kept.
  await page.evaluate(() => document.getElementById("editeur").setAttribute("lang", "en"));
  await editor.getByRole("heading", { name: "Set up the range" }).waitFor();
  assert.equal(await editor.getByLabel("Name of the territory — French").inputValue(), "Vallée (renommée)");
  await expectNoAxeViolations(page, "with the editor element");
  await screenshot(page, "editor-element");
  await expectClean(page);
  await page.context().close();
});

test("in the JSON text, an error's line and column lead the caret there; a warning leaves the preview on", async () => {
  const page = await openPage(env, "/editor.html");
  await editorReady(page);
  await page.locator(".srm-editor-start select").selectOption("mental-health-example");
  await page.getByRole("button", { name: "Commencer" }).click();
  await page.getByRole("button", { name: "Texte JSON" }).click();
  const source = page.getByLabel("Texte de la configuration");
  const original = await source.inputValue();
  const broken = original.replace('"tier": "specialise"', '"tier": "tertiaire"');
  await paste(source, broken);
  const notes = page.locator(".srm-json .srm-field-notes");
  await notes.getByText(/Aucun palier n'a l'identifiant « tertiaire »/).waitFor();
  // The forms can mend this one: they stay reachable; the preview keeps the last good range.
  assert.equal(await page.getByRole("button", { name: "Formulaires" }).isDisabled(), false);
  await page.getByText("Le brouillon a des erreurs : l'aperçu montre sa dernière version sans erreur.").waitFor();
  const lines = broken.split("\n");
  const line = lines.findIndex((l) => l.includes('"tertiaire"')) + 1;
  const column = lines[line - 1].indexOf('"tertiaire"') + 1; // an ASCII line: characters = units
  assert.match(await notes.innerText(), new RegExp(`ligne ${line}, colonne ${column}`));
  await notes.locator("li", { hasText: "tertiaire" }).getByRole("button", { name: "Aller à cet endroit" }).click();
  const caret = await source.evaluate((t) => t.value.slice(0, t.selectionStart).split("\n"));
  assert.equal(caret.length, line, "the caret is on the error's line");
  assert.equal([...caret.at(-1)].length + 1, column, "and at its column");
  await screenshot(page, "editor-json-error");
  await expectNoAxeViolations(page, "on the JSON text with an error");
  // A warning (an unknown field) does not keep the preview from the draft.
  await paste(source, original.replace('"population": 42000,', '"population": 42000, "populaton": 1,'));
  await notes.getByText(/populaton/).waitFor();
  await page.getByText("Le brouillon a des erreurs").waitFor({ state: "detached" });
  await expectClean(page);
  await page.context().close();
});

test("when the browser keeps nothing, the editor says so and the work stays in memory; a 100,000-character text is kept", async () => {
  const page = await openPage(env);
  await breakStorage(page);
  await page.goto(env.base + "/editor.html");
  await editorReady(page);
  await page.getByLabel("Nom du nouveau service — Services de proximité").fill("Pair aidant");
  await page.getByLabel("Nom du nouveau service — Services de proximité").press("Enter");
  await page.getByRole("alert").filter({ hasText: "Ce navigateur ne garde pas le brouillon" }).waitFor();
  assert.match(await page.locator(".srm-editor-preview").innerText(), /Pair aidant/, "kept in memory");
  // A very long description: kept whole, the page still answers.
  await page.locator(".srm-editor-forms").getByRole("button", { name: /^Pair aidant/ }).click();
  const long = "Très long texte. ".repeat(6000).slice(0, 100000);
  await paste(page.getByLabel("Description — Français"), long);
  assert.equal((await page.evaluate(() => window.srmEditor.config())).services.find((s) => s.id === "pair-aidant").description.fr.length, 100000);
  await page.getByRole("button", { name: "Annuler" }).first().click();
  assert.equal((await page.evaluate(() => window.srmEditor.config())).services.find((s) => s.id === "pair-aidant").description, undefined);
  await expectClean(page);
  await page.context().close();
});

test("a relation written in the continuum part shows in the preview's network, and a provider's deletion takes it", async () => {
  const page = await openPage(env, "/editor.html");
  await editorReady(page);
  const forms = page.locator(".srm-editor-forms");
  await page.getByRole("button", { name: "Organismes et offres (0)" }).click();
  for (const name of ["CLSC du Lac", "Maison Le Phare"]) {
    await page.getByLabel("Nom du nouvel organisme").fill(name);
    await page.getByLabel("Nom du nouvel organisme").press("Enter");
  }
  await page.getByRole("button", { name: "Continuum de collaboration (0)" }).click();
  const adder = page.getByRole("form", { name: "Nouvelle relation" });
  await adder.getByLabel("Premier organisme").selectOption({ label: "CLSC du Lac" });
  await adder.getByLabel("Second organisme").selectOption({ label: "Maison Le Phare" });
  await adder.getByRole("button", { name: "Ajouter la relation" }).click();
  // The new relation's form is open, its level focused.
  assert.equal(await focusedLabel(page), "Niveau actuel");
  await forms.getByLabel("Niveau actuel").selectOption({ label: "Coordination" });
  await forms.getByLabel("Niveau visé").selectOption({ label: "Intégration" });
  await forms.getByLabel("Agent de liaison").check();
  await forms.getByLabel("Note — Français").fill("Table de concertation mensuelle");
  const written = (await page.evaluate(() => window.srmEditor.config())).continuum.relations;
  assert.deepEqual(written, [{
    providers: ["clsc-du-lac", "maison-le-phare"], level: "coordination", target: "integration",
    mechanisms: ["liaison_officer"], note: { fr: "Table de concertation mensuelle" },
  }]);
  // The preview's network table says it, with the gap to the target.
  const preview = page.locator(".srm-editor-preview");
  await preview.getByRole("button", { name: "Réseau des partenaires" }).click();
  const row = preview.locator("tr[data-pair='clsc-du-lac|maison-le-phare']");
  assert.equal(await row.locator(".srm-relation-level").innerText(), "Coordination");
  // The same pair again opens it rather than adding a second one.
  await adder.getByLabel("Premier organisme").selectOption({ label: "Maison Le Phare" });
  await adder.getByLabel("Second organisme").selectOption({ label: "CLSC du Lac" });
  await adder.getByRole("button", { name: "Ajouter la relation" }).click();
  assert.equal((await page.evaluate(() => window.srmEditor.config())).continuum.relations.length, 1);
  await expectNoAxeViolations(page, "in the continuum part, a relation open");
  await screenshot(page, "editor-continuum");
  // Deleting an organisation says the relation goes with it, and takes it.
  await page.getByRole("button", { name: "Organismes et offres (2)" }).click();
  await forms.getByRole("button", { name: /^CLSC du Lac/ }).click();
  await page.getByRole("button", { name: "Supprimer l'organisme" }).click();
  const dialog = page.getByRole("dialog");
  assert.match(await dialog.innerText(), /1 relation du continuum touchée/);
  await dialog.getByRole("button", { name: "Supprimer", exact: true }).click();
  assert.equal((await page.evaluate(() => window.srmEditor.config())).continuum.relations.length, 0);
  await expectClean(page);
  await page.context().close();
});
