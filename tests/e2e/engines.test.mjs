// The flows that matter, in Firefox ESR and WebKitGTK (WebDriver, see webdriver.mjs): the
// range and a service's detail, the gap form and its focus trap, autosave across a reload,
// the CSV download, a relation edited, a participant's contribution (kept, downloaded),
// the citizens' search in the custom element under the strict CSP, and the range editor. Chromium runs every flow in the other files.
import { describe, before, after, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  ENGINES, Key, activate, count, expectClean, find, focusedLabel, lastBlobText, launch, open, press, screenshot, sleep, tabTo, text, until, watch,
} from "./webdriver.mjs";

/** The button whose text (or aria-label) is `label`, in the page. */
const button = (env, label) =>
  until(env, (label) => [...document.querySelectorAll("button")].find((b) =>
    (b.getAttribute("aria-label") || b.textContent).replace(/\s+/g, " ").trim() === label), [label], `button ${label}`);

const ready = (env) => find(env, ".srm section.srm-tier");

/** Opens a page with nothing saved by an earlier test (or run: MiniBrowser may keep its
 *  storage between runs). */
async function fresh(env, path) {
  await open(env, path);
  await env.driver.executeAsyncScript((done) => {
    localStorage.clear();
    sessionStorage.clear();
    const deleted = indexedDB.deleteDatabase("service-range-mapper");
    deleted.onsuccess = deleted.onerror = deleted.onblocked = () => done();
  });
  await open(env, path);
}

for (const engine of ENGINES) {
  describe(engine, () => {
    let env;
    before(async () => {
      env = await launch(engine);
    });
    after(async () => {
      await env?.stop();
    });

    test(`${engine}: the range renders and a service's detail opens, shows safe links and closes with Escape`, async () => {
      await fresh(env, "/");
      await ready(env);
      assert.equal(await count(env, ".srm section.srm-tier"), 3);
      assert.equal(await count(env, ".srm li.srm-service"), 24);
      const opener = await find(env, "li[data-service=crise] .srm-service-open");
      await activate(env, opener);
      await find(env, "dialog.srm-detail[open]");
      assert.match(await text(env, "dialog.srm-detail"), /Centre de crise L'Accalmie/);
      const hrefs = await env.driver.executeScript(() => [...document.querySelectorAll("dialog.srm-detail a")].map((a) => a.getAttribute("href")));
      assert.ok(hrefs.includes("tel:4185550130"), hrefs.join());
      assert.ok(hrefs.every((h) => /^(tel:|mailto:|https:\/\/)/.test(h)), hrefs.join());
      await screenshot(env, "service-detail");
      await press(env, Key.ESCAPE);
      await until(env, () => !document.querySelector("dialog.srm-detail"), [], "the detail closed");
      assert.ok(
        await env.driver.executeScript(() => document.activeElement === document.querySelector("li[data-service=crise] .srm-service-open")),
        "the focus goes back to the service",
      );
      await expectClean(env);
    });

    test(`${engine}: the gap form keeps the focus inside; a gap marked survives a reload and is in the CSV download`, async () => {
      await fresh(env, "/");
      await ready(env);
      const label = "Signaler un écart : Loisirs (municipaux, communautaires)";
      await activate(env, await find(env, "li[data-service=loisirs] .srm-card-add"));
      await find(env, "dialog[aria-modal=true]");
      await until(env, () => document.activeElement?.closest("dialog"), [], "the focus in the form");
      const first = await focusedLabel(env);
      assert.equal(first, "Nature de l'écart", "the first control has the focus");
      await env.driver.actions().keyDown(Key.SHIFT).sendKeys(Key.TAB).keyUp(Key.SHIFT).perform();
      assert.equal(await focusedLabel(env), "Annuler", "Shift+Tab from the first control goes to the last");
      await press(env, Key.TAB);
      assert.equal(await focusedLabel(env), first, "Tab from the last control goes to the first");
      for (let i = 0; i < 20; i++) {
        await press(env, Key.TAB);
        assert.ok(await env.driver.executeScript(() => !!document.activeElement?.closest("dialog")), `Tab ${i + 1} stays in the form`);
      }
      await press(env, Key.ESCAPE);
      await until(env, () => !document.querySelector("dialog"), [], "the form closed");
      assert.equal(await focusedLabel(env), label, "Escape closes, the focus goes back");

      // A gap marked: typed in the form, saved with Enter on the save button.
      await press(env, Key.ENTER);
      await find(env, "dialog[aria-modal=true]");
      await tabTo(env, "Population touchée", 10);
      await press(env, "Jeunes adultes, « Port-aux-Pins »");
      await tabTo(env, "Enregistrer", 30);
      await screenshot(env, "gap-form");
      await press(env, Key.ENTER);
      await until(env, () => !document.querySelector("dialog"), [], "the form closed");
      assert.match(await text(env, "li[data-service=loisirs]"), /1 écart/);

      // Autosave: the gap is back after a reload, and the widget says so.
      await env.driver.navigate().refresh();
      await watch(env);
      await ready(env);
      await until(env, () => document.querySelector("li[data-service=loisirs]")?.textContent.includes("1 écart"), [], "the gap restored");
      await until(env, () => [...document.querySelectorAll("[role=status]")].some((s) => s.textContent.includes("Session précédente restaurée.")), [], "the restored notice");

      // The CSV download: what the widget offers, byte for byte; in Firefox, the file too.
      await activate(env, await button(env, "Exporter (CSV)"));
      const bytes = Buffer.from(await until(env, () => window.__blobs.length > 0, [], "a download").then(() => lastBlobText(env)));
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 BOM");
      const csv = bytes.subarray(3).toString("utf8");
      assert.match(csv.split("\n")[0], /^Palier,Service,Ligne,Nature de l'écart,Obstacle,Gravité,Population touchée,/);
      assert.ok(csv.includes("Jeunes adultes, « Port-aux-Pins »"), csv);
      if (engine !== "webkit") {
        // MiniBrowser under automation has no download folder to look in.
        let file;
        for (let i = 0; i < 100 && !file; i++) {
          file = readdirSync(env.downloads).find((f) => f.endsWith(".csv"));
          if (!file) await sleep(100);
        }
        assert.ok(file, "the CSV file is downloaded");
        assert.match(file, /^inventaire-mrc-de-l-estuaire-des-pins.*\.csv$/);
        assert.ok(existsSync(join(env.downloads, file)));
        assert.deepEqual(readFileSync(join(env.downloads, file)), bytes, "the file is what the widget offered");
      }
      await expectClean(env);
    });

    test(`${engine}: a relation edited in the matrix shows in the matrix`, async () => {
      await fresh(env, "/");
      await ready(env);
      await activate(env, await button(env, "Matrice des partenaires"));
      await find(env, ".srm[data-view=matrix] .srm-matrix");
      const cell = ".srm-matrix tr[data-row='0'] .srm-cell-button";
      const before = await env.driver.executeScript((css) => document.querySelectorAll(css)[7].textContent.replace(/\s+/g, " ").trim(), cell);
      assert.match(before, /^Communication/);
      await activate(env, await env.driver.executeScript((css) => document.querySelectorAll(css)[7], cell));
      await find(env, "dialog[aria-modal=true]");
      await tabTo(env, "Communication", 10);
      for (let i = 0; i < 3; i++) await press(env, Key.ARROW_RIGHT);
      assert.equal(await focusedLabel(env), "Coalition");
      await tabTo(env, "Enregistrer", 30);
      await press(env, Key.ENTER);
      await until(env, () => !document.querySelector("dialog"), [], "the form closed");
      const after = await env.driver.executeScript((css) => document.querySelectorAll(css)[7].textContent.replace(/\s+/g, " ").trim(), cell);
      assert.match(after, /^Coalition/);
      await screenshot(env, "matrix");
      await expectClean(env);
    });

    test(`${engine}: the plan bundle takes over with the session; an action and a milestone survive a reload`, async () => {
      await fresh(env, "/");
      await ready(env);
      await activate(env, await find(env, "li[data-service=loisirs] .srm-card-add"));
      await find(env, "dialog[aria-modal=true]");
      await tabTo(env, "Enregistrer", 30);
      await press(env, Key.ENTER);
      await until(env, () => !document.querySelector("dialog"), [], "the gap form closed");
      // Its own bundle, loaded by the page; the gap marked a moment ago is there.
      await activate(env, await button(env, "Plan et suivi"));
      await find(env, ".srm-plan");
      assert.match(await text(env, ".srm-open-gaps"), /Loisirs/);
      const create = await until(env, () => [...document.querySelectorAll(".srm-open-gaps button")].find((b) => b.textContent.includes("Loisirs")), [], "the gap's button");
      await activate(env, create);
      await find(env, "dialog[aria-modal=true]");
      await until(env, () => document.activeElement?.closest("dialog"), [], "the focus in the form");
      await tabTo(env, "Action", 5);
      await press(env, "Navette du samedi");
      // Tab goes through every field to the button (Firefox also stops at the scrolling
      // lists of check boxes: the dialog's focus trap lets it).
      await tabTo(env, "Enregistrer l'action", 90);
      await press(env, Key.ENTER);
      await until(env, () => document.querySelector(".srm-action")?.textContent.includes("Navette du samedi"), [], "the action listed");
      await activate(env, await button(env, "Jalons et comparaison"));
      await tabTo(env, "Nom du jalon", 30);
      await press(env, "T0 — atelier");
      await activate(env, await button(env, "Marquer le jalon"));
      await until(env, () => document.querySelector(".srm-milestone")?.textContent.includes("T0 — atelier"), [], "the milestone listed");
      await screenshot(env, "plan-milestones");
      // Kept in IndexedDB: after a reload, the plan's face again shows both.
      await env.driver.navigate().refresh();
      await watch(env);
      await ready(env);
      await activate(env, await button(env, "Plan et suivi"));
      await until(env, () => document.querySelector(".srm-action")?.textContent.includes("Navette du samedi"), [], "the action restored");
      await activate(env, await button(env, "Jalons et comparaison"));
      await until(env, () => document.querySelector(".srm-milestone")?.textContent.includes("T0 — atelier"), [], "the milestone restored");
      await expectClean(env);
    });

    test(`${engine}: a participant rates on the participant page, finds it again after a reload, and downloads the file`, async () => {
      await fresh(env, "/participant.html");
      const name = await find(env, "#contribution >>> input[id$=contributor-name]");
      await name.sendKeys("Zoé");
      // The organisation's select, as a script sets it (engines' select drivers differ).
      await env.driver.executeScript(() => {
        const select = document.getElementById("contribution").shadowRoot.querySelector("select[id$=contributor-organisation]");
        select.value = "entraide";
        select.dispatchEvent(new Event("change", { bubbles: true }));
      });
      await find(env, "#contribution >>> fieldset[data-provider=cisss]");
      // An answer by keyboard: focus on it, Space checks it.
      const absent = await find(env, "#contribution >>> fieldset[data-service=crise] input[value=absent]");
      await env.driver.executeScript((e) => e.focus(), absent);
      await press(env, Key.SPACE);
      await until(env, () => document.getElementById("contribution").shadowRoot.querySelector("fieldset[data-service=crise] input[value=absent]").checked, [], "the answer checked");
      await sleep(300);
      await open(env, "/participant.html");
      await find(env, "#contribution >>> fieldset[data-service=crise]");
      const kept = await env.driver.executeScript(() => {
        const root = document.getElementById("contribution").shadowRoot;
        return [root.querySelector("fieldset[data-service=crise] input[value=absent]").checked, root.querySelector("input[id$=contributor-name]").value];
      });
      assert.deepEqual(kept, [true, "Zoé"], "kept across a reload");
      await screenshot(env, "participant");
      const download = await until(env, () => [...document.getElementById("contribution").shadowRoot.querySelectorAll("button")]
        .find((b) => b.textContent.trim() === "Télécharger mon fichier de contribution"), [], "the download button");
      await activate(env, download);
      await until(env, () => window.__blobs.length > 0, [], "the file offered");
      const file = JSON.parse(Buffer.from(await lastBlobText(env)).toString("utf8"));
      assert.equal(file.format, "service-range-mapper/contribution");
      assert.deepEqual([file.participant.name, file.participant.organisation, file.coverage.crise], ["Zoé", "entraide", "absent"]);
      await expectClean(env);
    });

    test(`${engine}: citizens search in the custom element, under the strict CSP`, async () => {
      await fresh(env, "/citizen.html");
      await find(env, "#guide >>> li.srm-service");
      assert.equal(await count(env, "#guide >>> li.srm-service"), 24);
      const search = await find(env, "#guide >>> input[type=search]");
      await search.sendKeys("hebergement");
      await until(env, () => document.getElementById("guide").shadowRoot.querySelectorAll("li.srm-service").length < 24, [], "the search applied");
      const found = await env.driver.executeScript(() =>
        [...document.getElementById("guide").shadowRoot.querySelectorAll("li.srm-service")].map((c) => c.dataset.service));
      assert.ok(found.includes("hebergement-regulier") && found.includes("hebergement-specialise"), found.join());
      assert.match(await text(env, "#guide >>> [role=status]"), new RegExp(`${found.length} services trouvés`));
      assert.equal(await count(env, "#guide >>> .srm-add-gap, .srm-toolbar, textarea"), 0, "nothing to edit");
      await screenshot(env, "citizen-search");
      await expectClean(env);
    });

    test(`${engine}: a service added in the range editor shows in its preview and is kept across a reload`, async () => {
      await fresh(env, "/editor.html");
      await find(env, ".srm-editor .srm-editor-nav");
      await activate(env, await until(env, () => [...document.querySelectorAll(".srm-editor-nav button")].find((b) => /^Paliers et services/.test(b.textContent.trim())), [], "the tiers part"));
      const field = await until(env, () => [...document.querySelectorAll("label")].find((l) => l.textContent.startsWith("Nom du nouveau service — "))?.control, [], "a new service field");
      await env.driver.executeScript((e) => e.focus(), field);
      await press(env, "Service d'essai multimoteur", Key.ENTER);
      await until(env, () => document.querySelector(".srm-editor-preview")?.textContent.includes("Service d'essai multimoteur"), [], "the preview shows the service");
      await screenshot(env, "editor");
      await env.driver.navigate().refresh();
      await watch(env);
      await find(env, ".srm-editor .srm-editor-nav");
      await until(env, () => document.querySelector(".srm-editor-preview")?.textContent.includes("Service d'essai multimoteur"), [], "the draft found again");
      await expectClean(env);
    });
  });
}
