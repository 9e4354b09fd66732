// End-to-end tests of the built demo in headless Chromium, as a person uses it: the
// default range, the detail by keyboard, English, the youth example by URL, a broken
// config, the editor, layout, and axe-core — all under the strict CSP the server sends.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, start, openPage, widgetReady, screenshot, expectClean, expectNoAxeViolations } from "./harness.mjs";

const DEFAULT = JSON.parse(readFileSync(join(ROOT, "src/core/default_config.json"), "utf8"));
const YOUTH = JSON.parse(readFileSync(join(ROOT, "www/examples/jeunesse.json"), "utf8"));
let env;

before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

test("every service of the default range is visible in its tier", async () => {
  const page = await openPage(env, "/");
  await widgetReady(page);
  const tiers = page.locator("section.srm-tier");
  assert.equal(await tiers.count(), 3);
  const tierIds = ["proximite", "intersectoriel", "specialise"];
  for (const [i, id] of tierIds.entries()) {
    assert.equal(await tiers.nth(i).getAttribute("data-tier"), id, "proximity first, in order");
  }
  assert.equal(DEFAULT.services.length, 24);
  for (const service of DEFAULT.services) {
    const card = page.locator(`section[data-tier="${service.tier}"] li[data-service="${service.id}"]`);
    await card.waitFor({ state: "visible" });
    assert.match(await card.textContent(), new RegExp(service.label.fr.replace(/[()]/g, "\\$&")));
  }
  // Each tier is a landmark region named by its label.
  const regions = page.getByRole("region", { name: "Services de proximité" });
  assert.equal(await regions.count(), 1);
  assert.match(await page.locator("section[data-tier=proximite] .srm-tier-count").innerText(), /5 sur 9 services/);
  // The example is labelled as one, and statuses carry text, not colour alone.
  assert.match(await page.locator(".srm-title").innerText(), /Exemple/);
  assert.match(await page.locator("li[data-service=medico-legaux]").innerText(), /Aucun fournisseur/);
  assert.match(await page.locator("li[data-service=medicaux]").innerText(), /Liste d'attente/);
  assert.equal(await page.locator(".srm-legend li").count(), 5);
  await screenshot(page, "default-fr-wide");
  await expectNoAxeViolations(page, "on the default range");
  await expectClean(page);
  await page.context().close();
});

test("the citizens' cards, made in one call by cards.js, are the workshop's cards", async () => {
  // The same range in the view bundle (cards made from their texts by src/cards.js) and in
  // the workshop (Yew's ServiceCard): the same elements, attributes and texts, but the
  // workshop's button to add a gap; and a click anywhere on a citizen's card opens it.
  const shape = (cards) =>
    cards.evaluateAll((items) => {
      const write = (node) => {
        if (node.nodeType !== Node.ELEMENT_NODE) return JSON.stringify(node.textContent);
        const attributes = [...node.attributes].map((a) => `${a.name}=${JSON.stringify(a.value)}`).sort();
        return `<${node.localName} ${attributes.join(" ")}>${[...node.childNodes].map(write).join("")}</>`;
      };
      return items.map((item) => {
        const copy = item.cloneNode(true);
        copy.querySelector(".srm-card-add")?.remove();
        return write(copy);
      });
    });
  const citizen = await openPage(env, "/view.html?lang=en");
  await citizen.locator(".srm li.srm-service").first().waitFor();
  const workshop = await openPage(env, "/?lang=en");
  await widgetReady(workshop);
  const ours = await shape(citizen.locator("li.srm-service"));
  assert.equal(ours.length, 24);
  assert.deepEqual(ours, await shape(workshop.locator("li.srm-service")));
  const card = citizen.locator("li[data-service=crise]");
  await card.locator(".srm-service-access").click();
  await citizen.locator("dialog.srm-detail[open]").waitFor();
  assert.equal(await citizen.locator("dialog.srm-detail .srm-detail-title").textContent(), await card.locator(".srm-service-label").textContent());
  await expectClean(citizen);
  await expectClean(workshop);
  await citizen.context().close();
  await workshop.context().close();
});

test("a service detail opens and closes with the keyboard alone", async () => {
  const page = await openPage(env, "/");
  await widgetReady(page);
  // Tab from the top of the page to the first service of the range.
  const first = page.locator("li[data-service=crise] .srm-service-open");
  for (let i = 0; i < 40 && !(await first.evaluate((b) => b === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  assert.ok(await first.evaluate((b) => b === document.activeElement), "the first service is reachable by Tab");
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Services de crise (liaison ou dispensation)" });
  await dialog.waitFor({ state: "visible" });
  const text = await dialog.innerText();
  assert.match(text, /Centre de crise L'Accalmie/);
  assert.match(text, /Accès direct/);
  assert.match(text, /Par le guichet d'accès/);
  assert.match(text, /Toute personne en situation de crise/);
  // How to ask for it and when it is open, said beside who can receive it.
  assert.match(text, /Pour y accéder\s+Appeler la ligne de crise/);
  assert.match(text, /Heures d’ouverture\s+24 heures sur 24, 7 jours sur 7/);
  const hrefs = await dialog.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.ok(hrefs.includes("tel:4185550130"), hrefs.join(" "));
  assert.ok(hrefs.every((h) => /^(tel:|mailto:|https?:\/\/)/.test(h)), hrefs.join(" "));
  await screenshot(page, "detail-fr");
  await expectNoAxeViolations(page, "with the detail open");
  // Focus is inside the dialog; Escape closes it and focus returns to the service.
  assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)));
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  assert.ok(await first.evaluate((b) => b === document.activeElement), "focus returns to the service");
  await expectClean(page);
  await page.context().close();
});

test("switching to English re-renders in place and ?lang=en opens in English", async () => {
  const page = await openPage(env, "/");
  await widgetReady(page);
  await page.locator("li[data-service=transport] .srm-service-open").click();
  await page.getByRole("dialog").waitFor();
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "English" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("region", { name: "Proximity services" }).waitFor();
  assert.equal(await page.locator(".srm").getAttribute("lang"), "en");
  assert.match(await page.locator("section[data-tier=proximite] .srm-tier-count").innerText(), /5 of 9 services/);
  assert.match(await page.locator("li[data-service=medicaux]").innerText(), /Waiting list/);
  assert.ok(
    await page.getByRole("button", { name: "Français" }).evaluate((b) => b === document.activeElement),
    "focus stays on the language switch",
  );
  await screenshot(page, "default-en");
  await expectNoAxeViolations(page, "in English");
  await expectClean(page);

  const linked = await openPage(env, "/?lang=en");
  await widgetReady(linked);
  assert.equal(await linked.locator(".srm").getAttribute("lang"), "en");
  assert.match(await linked.locator(".srm-title").innerText(), /Estuaire-des-Pins RCM \(example territory\)/);
  assert.equal(await linked.evaluate(() => document.documentElement.lang), "en", "the host page follows too");
  assert.equal(await linked.locator("h1").innerText(), "Map of the range of services");
  await expectClean(linked);
  await page.context().close();
  await linked.context().close();
});

test("the youth example loads by URL with its own four tiers", async () => {
  const page = await openPage(env, "/?config=examples/jeunesse.json");
  await widgetReady(page);
  const tiers = await page.locator("section.srm-tier h3").allInnerTexts();
  assert.deepEqual(tiers, YOUTH.tiers.map((t) => t.label.fr));
  for (const service of YOUTH.services) {
    await page.locator(`section[data-tier="${service.tier}"] li[data-service="${service.id}"]`).waitFor();
  }
  assert.match(await page.locator(".srm-title").innerText(), /Vallée/);
  assert.equal(
    await page.getByRole("link", { name: "Jeunes en difficulté et familles" }).getAttribute("aria-current"),
    "page",
  );
  await screenshot(page, "youth-fr");
  await expectNoAxeViolations(page, "on the youth example");
  await expectClean(page);
  await page.context().close();
});

test("a broken config shows what is wrong and where, inside the widget", async () => {
  const broken = JSON.stringify(
    {
      version: 1,
      territory: { name: "Quartier" },
      services: [
        { id: "a", tier: "proximite", label: "A" },
        { id: "a", tier: "nulle-part", label: "" },
      ],
      offers: [{ provider: "fantome", service: "a", availability: "souvent" }],
    },
    null,
    2,
  );
  const page = await openPage(env);
  await page.route("**/broken.json", (route) => route.fulfill({ body: broken, contentType: "application/json" }));
  await page.goto(env.base + "/?config=broken.json");
  await widgetReady(page);
  const alert = page.getByRole("alert");
  const text = await alert.innerText();
  for (const expected of [
    /\$\.services\[1\]\.id \(ligne 13, colonne 13\)\s*: L'identifiant « a » est déjà utilisé en \$\.services\[0\]/,
    /\$\.services\[1\]\.tier/,
    /\$\.services\[1\]\.label .*Ce texte est vide/,
    /\$\.offers\[0\]\.provider .*Aucun fournisseur n'a l'identifiant « fantome »/,
    /\$\.offers\[0\]\.availability .*« souvent » n'est pas une valeur permise/,
  ]) {
    assert.match(text, expected);
  }
  assert.equal(await page.locator("section.srm-tier").count(), 0);
  await screenshot(page, "broken-config");
  await expectNoAxeViolations(page, "on the error alert");
  await expectClean(page);

  // Thousands of problems: the first hundred, and how many more.
  const many = JSON.stringify({
    version: 1,
    territory: { name: "Quartier" },
    services: Array.from({ length: 1500 }, (_, i) => ({ id: `s${i}`, tier: "nulle-part", label: `S${i}` })),
  });
  const crowded = await openPage(env);
  await crowded.route("**/many.json", (route) => route.fulfill({ body: many, contentType: "application/json" }));
  await crowded.goto(env.base + "/?config=many.json");
  await widgetReady(crowded);
  assert.equal(await crowded.locator(".srm-alert li.srm-problem").count(), 100);
  assert.match(await crowded.getByRole("alert").innerText(), /1400 autres problèmes, non listés : corrigez d'abord ceux-ci\./);
  await crowded.context().close();

  // Not JSON at all: one syntax error with its line and column.
  const syntax = await openPage(env);
  await syntax.route("**/syntax.json", (route) => route.fulfill({ body: '{\n  "version": 1,\n  "territory": }' }));
  await syntax.goto(env.base + "/?config=syntax.json&lang=en");
  await widgetReady(syntax);
  assert.match(await syntax.getByRole("alert").innerText(), /\$ \(line 3, column 16\): This is not valid JSON/);
  await syntax.context().close();

  // A config that cannot be fetched is said in the page, not only in the console.
  const missing = await openPage(env);
  missing.on("console", () => {});
  await missing.goto(env.base + "/?config=nowhere.json");
  await missing.getByRole("alert").waitFor();
  assert.match(await missing.getByRole("alert").innerText(), /nowhere\.json.*404/);
  await missing.context().close();
  await page.context().close();
});

test("tiers sit side by side on wide screens and stack on narrow ones", async () => {
  const wide = await openPage(env, "/", { width: 1400, height: 900 });
  await widgetReady(wide);
  const boxes = await wide.locator("section.srm-tier").evaluateAll((s) => s.map((e) => e.getBoundingClientRect().toJSON()));
  assert.ok(boxes[0].y === boxes[1].y && boxes[1].x > boxes[0].x, "side by side");
  const narrow = await openPage(env, "/", { width: 390, height: 844 });
  await widgetReady(narrow);
  const stacked = await narrow.locator("section.srm-tier").evaluateAll((s) => s.map((e) => e.getBoundingClientRect().toJSON()));
  assert.ok(stacked[1].y > stacked[0].y + stacked[0].height - 1 && stacked[1].x === stacked[0].x, "stacked");
  const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(overflow, false, "no horizontal scrolling on a phone");
  await screenshot(narrow, "default-fr-narrow");
  await expectNoAxeViolations(narrow, "on a narrow screen");
  await wide.context().close();
  await narrow.context().close();
});
