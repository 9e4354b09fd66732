// End-to-end tests of embedding, as an integrator uses it: the <service-range-mapper> tag on
// the demo portal (clashing global CSS, two instances) and the citizen page; each attribute
// and its change, lang inherited from the page, events with their detail, independent
// instances, isolation from the host's CSS, the strict CSP, citizen search, and axe-core in
// every mode.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, start, openPage, screenshot, expectClean, expectNoAxeViolations, forget, savedKeys } from "./harness.mjs";

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

/** Waits until the element with this id shows its range. */
async function shown(page, id) {
  await page.locator(`#${id} section.srm-tier`).first().waitFor();
}

/** The events the page received, recorded from before the widgets load. */
async function recordEvents(page) {
  await page.addInitScript(() => {
    window.__events = [];
    for (const type of ["srm-ready", "srm-change", "srm-error"]) {
      document.addEventListener(type, (e) => window.__events.push({ type, source: e.target.id, detail: e.detail, composed: e.composed, bubbles: e.bubbles }));
    }
  });
}

test("the portal embeds two independent widgets that the host's clashing CSS does not touch", async () => {
  const page = await openPage(env);
  await recordEvents(page);
  await page.goto(env.base + "/portal.html");
  await shown(page, "overview");
  await shown(page, "atelier");
  // Each one tag: its own mode, config and tools.
  assert.equal(await page.locator("#overview .srm").getAttribute("data-mode"), "intranet");
  assert.equal(await page.locator("#atelier .srm").getAttribute("data-mode"), "workshop");
  assert.equal(await page.locator("#overview section.srm-tier").count(), 3);
  assert.equal(await page.locator("#atelier section.srm-tier").count(), 4);
  assert.equal(await page.locator("#overview .srm-add-gap").count(), 0, "intranet is read-only unless editable");
  assert.ok((await page.locator("#atelier .srm-add-gap").count()) > 0, "the workshop edits");
  // srm-ready reached the host page from inside each shadow root.
  const ready = await page.evaluate(() => window.__events.filter((e) => e.type === "srm-ready"));
  assert.deepEqual(ready.map((e) => e.source).sort(), ["atelier", "overview"]);
  assert.ok(ready.every((e) => e.bubbles && e.composed));
  assert.match(await page.locator("#log").innerText(), /overview : srm-ready/i);

  // A gap in the workshop: srm-change carries the session; the other widget is untouched.
  await page.locator("#atelier li[data-service] .srm-card-add").first().click();
  await page.locator("#atelier dialog[open]").getByRole("button", { name: /Enregistrer/ }).click();
  await page.waitForFunction(() => window.__events.some((e) => e.type === "srm-change"));
  const change = await page.evaluate(() => window.__events.find((e) => e.type === "srm-change"));
  assert.equal(change.source, "atelier");
  assert.equal(change.detail.format, "service-range-mapper/session");
  assert.equal(change.detail.gaps.length, 1);
  assert.equal(await page.locator("#overview .srm-gap-badge").count(), 0);
  assert.equal(await page.locator("#atelier .srm-gap-badge").count(), 1);
  // Their saved work lives under different keys.
  await page.waitForTimeout(100);
  const keys = await savedKeys(page, "srm:session:");
  assert.equal(keys.length, 1, `only the workshop saved: ${keys}`);
  assert.match(keys[0], /:atelier$/, "under its element's id");
  // The host's methods: the inventory of one instance is its own.
  const counts = await page.evaluate(() => [document.getElementById("atelier").inventory().gaps.length, document.getElementById("overview").inventory().gaps.length]);
  assert.deepEqual(counts, [1, 0]);
  await screenshot(page, "portal");
  await expectNoAxeViolations(page, "on the portal (intranet and workshop modes)");
  await expectClean(page);

  // The same widget without the host's stylesheet: every computed style is the same.
  const clean = await openPage(env);
  await clean.route("**/portal.css", (route) => route.fulfill({ status: 200, contentType: "text/css", body: "" }));
  await clean.goto(env.base + "/portal.html");
  await shown(clean, "overview");
  const probe = (p) =>
    p.evaluate(() => {
      const root = document.getElementById("overview").shadowRoot;
      const props = ["font-family", "font-size", "color", "letter-spacing", "text-transform", "line-height", "background-color", "border-top-style", "border-top-width", "padding-top", "margin-top", "list-style-type", "text-align"];
      const selectors = [".srm", ".srm-title", ".srm-lang-switch", ".srm-services", ".srm-tier-title", ".srm-service-open", ".srm-search input", ".srm-toolbar button", ".srm-legend li"];
      return Object.fromEntries(selectors.map((s) => {
        const style = getComputedStyle(root.querySelector(s));
        return [s, Object.fromEntries(props.map((k) => [k, style.getPropertyValue(k)]))];
      }));
    });
  assert.deepEqual(await probe(page), await probe(clean), "the host's CSS changes nothing inside the widget");
  // And the widget's CSS does not leak out: the host's own heading keeps its style.
  const hostHeading = await page.evaluate(() => getComputedStyle(document.querySelector("#log-title")).textTransform);
  assert.equal(hostHeading, "uppercase");
  // Every face of the intranet mode, under the strict CSP, with no axe violation.
  for (const [view, name] of [["inventory", "Inventaire des besoins"], ["continuum", "Continuum de collaboration"], ["matrix", "Matrice des partenaires"], ["network", "Réseau des partenaires"]]) {
    await page.locator("#overview").getByRole("button", { name, exact: true }).click();
    await page.locator(`#overview .srm[data-view=${view}]`).waitFor();
    await expectNoAxeViolations(page, `in the intranet ${view} view`);
  }
  await screenshot(page, "portal-intranet-network");
  await expectClean(page);
  await page.context().close();
  await clean.context().close();
});

test("each attribute works and its change updates the widget in place", async () => {
  const page = await openPage(env, "/citizen.html");
  await shown(page, "guide");
  const guide = page.locator("#guide");
  // lang: inherited from the page (fr), then from the element, then following the page.
  assert.equal(await guide.locator(".srm").getAttribute("lang"), "fr");
  await guide.evaluate((e) => e.setAttribute("lang", "en"));
  await page.waitForFunction(() => document.getElementById("guide").shadowRoot.querySelector(".srm").lang === "en");
  await guide.evaluate((e) => e.removeAttribute("lang"));
  await page.waitForFunction(() => document.getElementById("guide").shadowRoot.querySelector(".srm").lang === "fr");
  await page.evaluate(() => (document.documentElement.lang = "en"));
  await page.waitForFunction(() => document.getElementById("guide").shadowRoot.querySelector(".srm").lang === "en");
  await page.evaluate(() => (document.documentElement.lang = "fr"));
  await page.waitForFunction(() => document.getElementById("guide").shadowRoot.querySelector(".srm").lang === "fr");
  // config: another URL replaces the range in place.
  await guide.evaluate((e) => e.setAttribute("config", "examples/jeunesse.json"));
  await page.locator("#guide section[data-tier=protection]").waitFor();
  // .config property: an object; a wrong one shows its errors inside the widget.
  await guide.evaluate((e) => (e.config = { version: 1, territory: { name: "Objet" }, services: [{ id: "a", tier: "nulle-part", label: "A" }] }));
  await page.locator("#guide [role=alert]").waitFor();
  assert.match(await page.locator("#guide [role=alert]").innerText(), /\$\.services\[0\]\.tier/);
  // The citizens' bundle does not read the continuum (it does not show it): a mistake there
  // keeps nobody from the guide; the intranet mode (full bundle) reports it with its path.
  const brokenContinuum = {
    version: 1,
    territory: { name: "Relations" },
    services: [{ id: "a", tier: "proximite", label: "A" }],
    providers: [{ id: "p", name: "P" }],
    continuum: { relations: [{ providers: ["p", "inconnu"], level: "coordination" }] },
  };
  await guide.evaluate((e, config) => (e.config = config), brokenContinuum);
  await page.locator("#guide li[data-service=a]").waitFor();
  await guide.evaluate((e) => e.setAttribute("mode", "intranet"));
  await page.locator("#guide [role=alert]").waitFor();
  assert.match(await page.locator("#guide [role=alert]").innerText(), /\$\.continuum\.relations\[0\]\.providers\[1\]/);
  await guide.evaluate((e) => e.setAttribute("mode", "citizen"));
  await guide.evaluate((e) => (e.config = undefined));
  await page.locator("#guide section[data-tier=protection]").waitFor();
  // mode: intranet brings the tools, read-only; editable turns editing on; view opens a face.
  await guide.evaluate((e) => e.setAttribute("mode", "intranet"));
  await page.locator("#guide .srm[data-mode=intranet]").waitFor();
  assert.equal(await page.locator("#guide .srm-add-gap").count(), 0);
  await guide.evaluate((e) => e.setAttribute("editable", ""));
  await page.locator("#guide .srm-add-gap").first().waitFor();
  await guide.evaluate((e) => e.setAttribute("view", "inventory"));
  await page.locator("#guide .srm[data-view=inventory]").waitFor();
  await guide.evaluate((e) => e.setAttribute("view", "range"));
  await page.locator("#guide .srm[data-view=range]").waitFor();
  // A missing config file is said inside the widget, and to the page.
  await guide.evaluate((e) => e.setAttribute("config", "nulle-part.json"));
  await page.locator("#guide [role=alert]").waitFor();
  assert.match(await page.locator("#guide [role=alert]").innerText(), /nulle-part\.json.*HTTP 404/);
  forget(page, /404/);
  // A good address after the failure brings the widget back.
  await guide.evaluate((e) => e.setAttribute("config", "examples/jeunesse.json"));
  await page.locator("#guide section[data-tier=protection]").waitFor();
  // Removing the element frees it; defining the element twice does not throw.
  const after = await page.evaluate(async () => {
    const element = document.getElementById("guide");
    element.remove();
    const module = await import("/service-range-mapper.js");
    // A second copy of the module (another URL) defines nothing twice and throws nothing.
    await import("/service-range-mapper.js?again");
    return { children: element.shadowRoot.childElementCount, defined: !!customElements.get("service-range-mapper"), exported: typeof module.ServiceRangeMapper };
  });
  assert.deepEqual(after, { children: 0, defined: true, exported: "function" });
  await expectClean(page);
  await page.context().close();
});

test("a host page that enforces Trusted Types embeds the widget in every mode: no HTML is ever parsed from a string", async () => {
  // The strict CSP plus require-trusted-types-for: any assignment of a string to
  // innerHTML (or another HTML sink) throws and is reported as a violation.
  const page = await openPage(env);
  await page.route(/\/(citizen|portal)\.html$/, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    headers["content-security-policy"] += "; require-trusted-types-for 'script'";
    await route.fulfill({ response, headers });
  });
  await page.goto(env.base + "/citizen.html");
  await shown(page, "guide");
  assert.equal(await page.evaluate(() => typeof window.trustedTypes), "object", "the browser enforces Trusted Types");
  await page.locator("#guide").getByRole("searchbox", { name: "Rechercher" }).fill("logement");
  await page.locator("#guide li.srm-service .srm-service-open").first().click();
  await page.locator("#guide dialog[open]").waitFor();
  await page.keyboard.press("Escape");
  await expectClean(page);
  await page.goto(env.base + "/portal.html");
  await shown(page, "overview");
  await shown(page, "atelier");
  await page.locator("#atelier li[data-service] .srm-card-add").first().click();
  await page.locator("#atelier dialog[open]").getByRole("button", { name: /Enregistrer/ }).click();
  await page.locator("#atelier .srm-gap-badge").waitFor();
  // Taken off the page: the widget empties its element without a string either.
  await page.evaluate(() => document.getElementById("overview").remove());
  await expectClean(page);
  await page.context().close();
});

test("citizens search with or without accents, in French and English, and edit nothing", async () => {
  const page = await openPage(env, "/citizen.html");
  await shown(page, "guide");
  const guide = page.locator("#guide");
  const visible = () => guide.locator("li.srm-service").evaluateAll((cards) => cards.map((c) => c.dataset.service));
  const search = guide.getByRole("searchbox", { name: "Rechercher" });
  await search.fill("hebergement");
  await page.waitForFunction(() => document.getElementById("guide").shadowRoot.querySelectorAll("li.srm-service").length < 24);
  const plain = await visible();
  assert.ok(plain.includes("hebergement-regulier") && plain.includes("hebergement-specialise"), plain.join());
  await search.fill("HÉBERGEMENT");
  assert.deepEqual(await visible(), plain);
  assert.match(await guide.getByRole("status").innerText(), new RegExp(`${plain.length} services trouvés`));
  // English words find the same services.
  await search.fill("housing");
  const housing = await visible();
  assert.ok(housing.includes("hebergement-regulier") && housing.includes("logement-social"), housing.join());
  // In English too, and filters by tier and by kind of provider.
  await guide.getByRole("button", { name: "English" }).click();
  await guide.getByRole("searchbox", { name: "Search" }).fill("crisis");
  assert.ok((await visible()).includes("crise"));
  await guide.getByRole("button", { name: "Clear the search" }).click();
  assert.equal((await visible()).length, 24);
  await guide.getByLabel("Tier").selectOption("specialise");
  assert.equal(await guide.locator("section.srm-tier").count(), 1);
  await guide.getByLabel("Kind of organisation").selectOption("community_organisation");
  assert.equal((await visible()).length, 0);
  assert.match(await guide.locator(".srm-empty").innerText(), /No service of this tier matches/);
  // sync-url: the place is in the URL; opening the link reopens it.
  await guide.getByLabel("Tier").selectOption("");
  await guide.getByRole("searchbox", { name: "Search" }).fill("entraide");
  await guide.locator("li[data-service=entraide] .srm-service-open").click();
  await guide.locator("dialog[open]").waitFor();
  await page.waitForFunction(() => location.hash.includes("guide-service=entraide"));
  const link = await page.evaluate(() => location.href);
  assert.match(link, /guide-q=entraide/);
  assert.match(link, /guide-kind=community_organisation/);
  // Nothing a citizen can edit, no workshop notes or scores anywhere.
  assert.equal(await guide.locator(".srm-add-gap, .srm-toolbar, .srm-gap, .srm-gap-badge, .srm-coverage-field, textarea").count(), 0);
  await screenshot(page, "citizen-search-detail");
  await expectNoAxeViolations(page, "in citizen mode with a detail open");
  const reopened = await openPage(env);
  await reopened.goto(link);
  await reopened.locator("#guide dialog[open]").waitFor();
  assert.equal(await reopened.locator("#guide dialog[open] h2").innerText(), "Services d'entraide");
  assert.equal(await reopened.locator("#guide input[type=search]").inputValue(), "entraide");
  // Back in the URL: a hash change moves the widget.
  await reopened.evaluate(() => (location.hash = "guide-q=logement"));
  await reopened.waitForFunction(() => !document.getElementById("guide").shadowRoot.querySelector("dialog[open]"));
  assert.equal(await reopened.locator("#guide input[type=search]").inputValue(), "logement");
  await expectClean(page);
  await expectClean(reopened);
  await page.context().close();
  await reopened.context().close();
});

test("on a phone, the citizens' search comes before the territory's long description", async () => {
  const page = await openPage(env, "/citizen.html", { width: 390, height: 844 });
  await shown(page, "guide");
  const guide = page.locator("#guide");
  const descriptions = guide.locator(".srm-description");
  const visible = await descriptions.evaluateAll((ps) => ps.filter((p) => p.checkVisibility()).map((p) => p.textContent));
  assert.equal(visible.length, 1, "the description shows once");
  assert.match(visible[0], /Territoire fictif qui illustre la gamme/);
  const search = await guide.getByRole("searchbox", { name: "Rechercher" }).boundingBox();
  const description = await guide.locator(".srm-description-narrow").boundingBox();
  assert.ok(search.y + search.height < description.y, `search at ${search.y}, description at ${description.y}`);
  assert.ok(search.y + search.height < 844, "the search is on the first screen");
  await screenshot(page, "citizen-phone");
  await expectNoAxeViolations(page, "in citizen mode on a phone");
  // On a wide screen, the description stays in the header, above the search.
  await page.setViewportSize({ width: 1400, height: 1000 });
  const wide = await guide.locator(".srm-description-wide").boundingBox();
  assert.ok(wide && wide.y < (await guide.getByRole("searchbox", { name: "Rechercher" }).boundingBox()).y);
  assert.equal(await descriptions.evaluateAll((ps) => ps.filter((p) => p.checkVisibility()).length), 1);
  await expectClean(page);
  await page.context().close();
});

test("the workshop mode has the participant stamp and the projector display", async () => {
  const page = await openPage(env, "/portal.html");
  await shown(page, "atelier");
  const atelier = page.locator("#atelier");
  await atelier.getByLabel("Nom").fill("Julie (CLSC)");
  await atelier.getByLabel("Nom").press("Tab");
  await atelier.getByLabel("Perspective", { exact: true }).selectOption("family_and_close_ones");
  await atelier.locator("li[data-service] .srm-card-add").first().click();
  const form = atelier.locator("dialog[open]");
  assert.equal(await form.getByLabel("Inscrit par (facultatif)").inputValue(), "Julie (CLSC)");
  assert.equal(await form.getByLabel("Selon la perspective de").inputValue(), "family_and_close_ones");
  await form.getByRole("button", { name: /Enregistrer/ }).click();
  const gap = await page.evaluate(() => document.getElementById("atelier").inventory().gaps[0]);
  assert.equal(gap.author, "Julie (CLSC)");
  assert.equal(gap.perspective, "family_and_close_ones");
  const before = await atelier.locator(".srm-tier-title").first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  await atelier.getByRole("button", { name: "Grand affichage (projecteur)" }).click();
  assert.equal(await atelier.getByRole("button", { name: "Grand affichage (projecteur)" }).getAttribute("aria-pressed"), "true");
  const large = await atelier.locator(".srm-tier-title").first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  assert.ok(large > before * 1.3, `projector type ${large} vs ${before}`);
  await screenshot(page, "portal-projector");
  await expectNoAxeViolations(page, "in the projector display");
  await expectClean(page);
  await page.context().close();
});

test("the README documents every attribute, event, part and custom property the widget has", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const element = readFileSync(join(ROOT, "www/service-range-mapper.js"), "utf8");
  const attributes = JSON.parse(element.match(/observedAttributes = (\[[^\]]*\])/)[1]);
  assert.equal(attributes.length, 7);
  for (const name of attributes) assert.match(readme, new RegExp(`\\| \`${name}\` \\|`), `attribute ${name}`);
  const modes = JSON.parse(element.match(/const MODES = (\[[^\]]*\])/)[1]);
  assert.ok(modes.includes("participant"));
  const modeRow = readme.split("\n").find((line) => line.startsWith("| `mode` |"));
  for (const mode of modes) assert.ok(modeRow.includes(`\`${mode}\``), `mode ${mode}`);
  const views = [...readFileSync(join(ROOT, "src/state.rs"), "utf8").matchAll(/View::[A-Za-z]+ => "([a-z]+)"/g)].map((m) => m[1]);
  const viewRow = readme.split("\n").find((line) => line.startsWith("| `view` |"));
  // "contribute" is the turns' form, opened from the comparison only.
  for (const view of views.filter((v) => v !== "contribute")) assert.ok(viewRow.includes(`\`${view}\``), `view ${view}`);
  assert.equal(views.length, 10, "every view is found");
  for (const event of ["srm-ready", "srm-change", "srm-error", "srm-bundle-needed"]) assert.match(readme, new RegExp(`\\| \`${event}\` \\|`), event);
  const css = readFileSync(join(ROOT, "www/srm.css"), "utf8");
  const properties = [...css.matchAll(/--_srm-[a-z-]+: var\((--srm-[a-z-]+),/g)].map((m) => m[1]);
  assert.ok(properties.length >= 16, "the public custom properties are found");
  for (const name of properties) assert.ok(readme.includes(`\`${name}\``), `custom property ${name}`);
  const rust = ["territory_header", "toolbar", "range_search", "range_view", "tier_section", "service_card", "inventory_view", "modal", "legend", "workshop_bar"]
    .map((f) => readFileSync(join(ROOT, `src/components/${f}.rs`), "utf8"))
    .join("\n");
  const parts = [...rust.matchAll(/part="([a-z-]+)"/g)].map((m) => m[1]);
  assert.equal(parts.length, 10, "every part is found");
  for (const part of parts) assert.ok(readme.includes(`\`${part}\``), `part ${part}`);
});
