// Hostile text everywhere: OWASP XSS filter-evasion payloads in every text of a config and
// of a session file, shown in every view of the workshop, in the range editor, and in the
// HTML report opened as a file (where no CSP protects it): no script runs, no attribute or
// element is injected, the payloads are shown as the text they are.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, start, openPage, widgetReady, expectClean } from "./harness.mjs";

/** After the OWASP XSS Filter Evasion Cheat Sheet; each one, if it ran, would record itself. */
const PAYLOADS = [
  `<script>window.__xss.push("script")</script>`,
  `<img src=x onerror="window.__xss.push('img')">`,
  `<svg/onload=window.__xss.push('svg')>`,
  `"><script>window.__xss.push('quote')</script>`,
  `'><img src=x onerror=window.__xss.push('apos')>`,
  `<a href="javascript:window.__xss.push('a')">lien</a>`,
  `<iframe src="javascript:window.__xss.push('iframe')"></iframe>`,
  `<body onload=window.__xss.push('body')>`,
  `<details open ontoggle=window.__xss.push('details')>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=window.__xss.push('math')>`,
  `<style>*{display:none}</style>`,
  `';!--"<XSS>=&{()}`,
  `&lt;script&gt;window.__xss.push('entity')&lt;/script&gt;`,
  `<IMG SRC=JaVaScRiPt:window.__xss.push('case')>`,
  `<<SCRIPT>window.__xss.push('double');//<</SCRIPT>`,
  `{{constructor.constructor('window.__xss.push("template")')()}}`,
];

const TEXT_KEYS = new Set(["name", "label", "description", "population_served", "examples", "eligibility", "how_to_apply", "hours", "address", "note", "text"]);

/** The config with a payload in every text (ids, kinds and links left valid). */
function hostileConfig() {
  const config = JSON.parse(readFileSync(join(ROOT, "src/core/default_config.json"), "utf8"));
  let n = 0;
  const next = () => PAYLOADS[n++ % PAYLOADS.length];
  const text = (value) => {
    if (typeof value === "string") return next();
    if (Array.isArray(value)) return value.map(text);
    if (value && typeof value === "object") return Object.fromEntries(Object.keys(value).map((k) => [k, next()]));
    return value;
  };
  const walk = (value) => {
    if (Array.isArray(value)) return value.map(walk);
    if (!value || typeof value !== "object") return value;
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, TEXT_KEYS.has(key) ? text(v) : walk(v)]));
  };
  return walk(config);
}

/** A session with payloads in every free text of its gaps. */
function hostileSession(config) {
  const services = config.services.map((s) => s.id);
  const gaps = PAYLOADS.map((payload, i) => ({
    id: `g${i + 1}`,
    target: i % 3 === 2 ? { on: "other" } : { on: "service", service: services[i % services.length] },
    kind: "access_barrier",
    barrier: "language",
    severity: "high",
    population: payload,
    perspective: "family_and_close_ones",
    note: payload,
    action: payload,
    impact: 5,
    feasibility: 4,
    created: "2026-11-29T10:00:00.000Z",
    modified: "2026-11-29T10:00:00.000Z",
    author: payload,
  }));
  return { format: "service-range-mapper/session", version: 1, config: config.id, fingerprint: "0", gaps, coverage: {} };
}

/** Fails when anything of a payload became markup or ran. */
async function expectNothingRan(page, where) {
  const found = await page.evaluate(() => {
    const elements = [...document.querySelectorAll("*")];
    // Open shadow roots too (the element's widget lives in one).
    for (const host of elements.filter((e) => e.shadowRoot)) elements.push(...host.shadowRoot.querySelectorAll("*"));
    return {
      ran: window.__xss,
      handlers: elements.flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith("on")).map((a) => `${e.tagName} ${a.name}`)),
      injected: elements.filter((e) => ["IMG", "IFRAME", "MATH", "MGLYPH", "XSS", "BODY"].includes(e.tagName.toUpperCase()) && e !== document.body).map((e) => e.tagName),
      scripts: [...document.scripts].filter((s) => !s.src).length,
      javascriptLinks: elements.filter((e) => /^\s*javascript:/i.test(e.getAttribute("href") || "")).length,
    };
  });
  assert.deepEqual(found, { ran: [], handlers: [], injected: [], scripts: 0, javascriptLinks: 0 }, where);
}

/** The downloaded report, saved with its own name (.html, so that the browser opens it as
 *  HTML) and opened as a file, where no CSP protects it: only its own escaping. */
async function openAsFile(page, download) {
  const file = join(mkdtempSync(join(tmpdir(), "srm-report-")), download.suggestedFilename());
  assert.match(file, /\.html$/);
  await download.saveAs(file);
  const report = await page.context().newPage();
  await report.addInitScript(() => {
    window.__xss = [];
  });
  await report.goto(`file://${file}`);
  await report.waitForLoadState("load");
  return report;
}

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

test("payloads in every text of a config and a session stay text in every view and in the HTML report opened as a file", async () => {
  const config = hostileConfig();
  const page = await openPage(env);
  await page.addInitScript(() => {
    window.__xss = [];
  });
  await page.route("**/hostile.json", (route) => route.fulfill({ body: JSON.stringify(config), contentType: "application/json" }));
  await page.goto(env.base + "/?config=hostile.json");
  await widgetReady(page);
  assert.equal(await page.locator(".srm [role=alert]").count(), 0, "the hostile config is a valid config");
  assert.equal(await page.evaluate((s) => window.srmWidget.load_session(s), hostileSession(config)), null);
  // Shown as text: the first service's label is the payload itself.
  assert.equal(await page.locator("li.srm-service .srm-service-label").first().innerText(), config.services[0].label.fr);
  await expectNothingRan(page, "on the range");
  await page.locator("li.srm-service .srm-service-open").first().click();
  await page.getByRole("dialog").waitFor();
  await expectNothingRan(page, "in a service's detail");
  await page.keyboard.press("Escape");
  for (const view of ["Inventaire des besoins", "Continuum de collaboration", "Matrice des partenaires", "Réseau des partenaires"]) {
    await page.getByRole("button", { name: view, exact: true }).click();
    await page.waitForTimeout(50);
    await expectNothingRan(page, `in the view ${view}`);
  }
  await page.getByRole("button", { name: "Inventaire des besoins", exact: true }).click();
  assert.match(await page.locator(".srm-inventory-table").innerText(), /<script>window\.__xss\.push\("script"\)<\/script>/);
  // The report, opened as a file: no CSP there, only its own escaping.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Rapport (HTML)" }).click()]);
  const report = await openAsFile(page, download);
  await expectNothingRan(report, "in the HTML report opened as a file");
  assert.match(await report.locator("body").innerText(), /<img src=x onerror="window\.__xss\.push\('img'\)">/);
  await expectClean(page);

  // The citizens' page (the view bundle), whose cards src/cards.js makes from their texts.
  const citizen = await openPage(env);
  await citizen.addInitScript(() => {
    window.__xss = [];
  });
  await citizen.route("**/hostile.json", (route) => route.fulfill({ body: JSON.stringify(config), contentType: "application/json" }));
  await citizen.goto(env.base + "/view.html?config=hostile.json");
  await citizen.locator(".srm li.srm-service").first().waitFor();
  const labels = await citizen.locator("section.srm-tier[data-tier=proximite] .srm-service-label").allTextContents();
  const expected = config.services.filter((s) => s.tier === "proximite").map((s) => s.label.fr);
  assert.deepEqual(labels, expected, "every label shown as the text it is");
  await expectNothingRan(citizen, "on the citizens' page");
  await citizen.locator("li.srm-service .srm-service-open").nth(1).focus();
  await citizen.keyboard.press("Enter");
  await citizen.locator("dialog.srm-detail").waitFor();
  assert.equal(await citizen.locator("dialog.srm-detail .srm-detail-title").textContent(), expected[1]);
  await expectNothingRan(citizen, "in a service's detail on the citizens' page");
  await expectClean(citizen);
  await citizen.context().close();
  await page.context().close();
});

test("payloads in every text stay text in the range editor, its preview and its JSON text", async () => {
  const config = hostileConfig();
  const page = await openPage(env);
  await page.addInitScript(() => {
    window.__xss = [];
  });
  await page.route("**/hostile.json", (route) => route.fulfill({ body: JSON.stringify(config), contentType: "application/json" }));
  await page.goto(env.base + "/editor.html?config=hostile.json");
  await page.waitForSelector(".srm-editor .srm-editor-nav");
  await page.locator(".srm-editor-forms .srm-item-row").first().click();
  await expectNothingRan(page, "in the editor's range and a service's form");
  for (const part of [/^Territoire$/, /^Organismes et offres/, /^Continuum de collaboration \(/]) {
    await page.locator(".srm-editor-nav").getByRole("button", { name: part }).click();
    const rows = page.locator(".srm-editor-forms .srm-item-row");
    if (await rows.count()) await rows.first().click();
    await expectNothingRan(page, `in the editor's part ${part}`);
  }
  await page.getByRole("button", { name: "Texte JSON" }).click();
  await expectNothingRan(page, "in the editor's JSON text");
  assert.equal(await page.locator(".srm-editor-preview li.srm-service .srm-service-label").first().innerText(), config.services[0].label.fr);
  await expectClean(page);
  await page.context().close();
});

/** A flat spreadsheet with a payload in every column, and an HSDS JSON service with one in
 *  every text, as a directory someone else keeps could hold them. */
function hostileDirectory() {
  const header = ["organisation", "type d'organisation", "téléphone", "courriel", "site web", "adresse", "service", "palier", "disponibilité", "accès", "admissibilité", "modalités d'accès", "horaire", "langues", "description"];
  const quote = (v) => `"${v.replaceAll('"', '""')}"`;
  const rows = PAYLOADS.map((payload, i) => header.map((_, c) => quote(c === 2 ? "819 555-0101" : `${payload} ${i}-${c}`)).join(";"));
  const sheet = [header.join(";"), ...rows].join("\r\n");
  const services = PAYLOADS.map((payload, i) => ({
    id: `svc-${i}`,
    name: payload,
    status: "active",
    description: payload,
    eligibility_description: payload,
    application_process: payload,
    organization: { id: `org-${i}`, name: payload, description: payload, website: `javascript:window.__xss.push('web${i}')`, email: payload },
    schedules: [{ id: `sch-${i}`, description: payload }],
    languages: [{ id: `lang-${i}`, name: payload, code: payload }],
    attributes: [{ id: `att-${i}`, link_id: `svc-${i}`, taxonomy_term_id: `t-${i}`, link_entity: "service", value: payload, taxonomy_term: { id: `t-${i}`, name: payload, description: payload, code: payload } }],
    service_at_locations: [{ id: `sal-${i}`, location_id: `loc-${i}`, location: { id: `loc-${i}`, location_type: "physical", name: payload, addresses: [{ id: `ad-${i}`, address_1: payload, city: payload, state_province: "QC", postal_code: "J0X 1K0", country: "CA", address_type: "physical" }] } }],
  }));
  return [
    { name: `${PAYLOADS[1]}.csv`, mimeType: "text/csv", buffer: Buffer.from(sheet) },
    { name: "services.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(services)) },
  ];
}

test("payloads in every cell of an imported spreadsheet and every text of an HSDS file stay text in the mapping, its problems, the preview and the draft", async () => {
  const page = await openPage(env);
  await page.addInitScript(() => {
    window.__xss = [];
  });
  await page.goto(env.base + "/editor.html");
  await page.waitForSelector(".srm-editor .srm-editor-nav");
  await page.getByRole("button", { name: "Répertoire", exact: true }).click();
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Choisir des fichiers…" }).click()]);
  await chooser.setFiles(hostileDirectory());
  await page.locator(".srm-mapping-table").waitFor();
  await expectNothingRan(page, "in the mapping table and the import's problems");
  // The payloads are shown as the text they are.
  await page.locator(".srm-mapping-table").getByText(`${PAYLOADS[0]} 0-6`, { exact: true }).waitFor();
  await page.locator(".srm-import-problems").getByText(/javascript:window\.__xss\.push\('web0'\)/).first().waitFor();
  await page.getByRole("button", { name: "Appliquer l'import" }).click();
  await page.getByText(/^Import appliqué/).waitFor();
  await expectNothingRan(page, "in the notice and the preview after the import");
  const config = await page.evaluate(() => window.srmEditor.config());
  // No unsafe link came in: the javascript: website was left out.
  assert.ok(config.providers.every((p) => !/^\s*javascript:/i.test(p.contact?.web ?? "")));
  for (const part of [/^Paliers et services/, /^Organismes et offres/]) {
    await page.locator(".srm-editor-nav").getByRole("button", { name: part }).click();
    const rows = page.locator(".srm-editor-forms .srm-item-row");
    if (await rows.count()) await rows.last().click();
    await expectNothingRan(page, `in the editor's part ${part} after the import`);
  }
  await expectClean(page);
  await page.context().close();
});

/** Contribution files with a payload in every text a participant types, in the ids a hand
 *  could edit (an organisation, a service, a provider: orphans) and in the file's name. */
function hostileContributions() {
  return PAYLOADS.map((payload, i) => {
    const contribution = {
      format: "service-range-mapper/contribution",
      version: 1,
      config: "exemple-sante-mentale-estuaire",
      fingerprint: "0",
      id: `c${i}`,
      participant: { name: payload, organisation: i % 2 ? "cisss" : payload, perspective: "family_and_close_ones" },
      created: "2026-11-29T10:00:00.000Z",
      modified: "2026-11-29T10:00:00.000Z",
      coverage: { crise: i % 2 ? "covered" : "absent", [payload]: "partial" },
      gaps: [{
        id: "g1", target: { on: "service", service: i % 3 ? "crise" : payload }, kind: "access_barrier", barrier: "language",
        severity: "high", population: payload, perspective: "family_and_close_ones", note: payload, action: payload,
        impact: 5, feasibility: 4, created: "2026-11-29T10:00:00.000Z", modified: "2026-11-29T10:00:00.000Z", author: payload,
      }],
      relations: [{ with: i % 2 ? "hopital" : payload, level: i % 2 ? "coalition" : payload }],
    };
    return { name: `${payload.replace(/[/\\]/g, "_")}.json`, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(contribution)) };
  });
}

test("payloads in contribution files stay text in the gathering, the comparison, the decision form and the report", async () => {
  const page = await openPage(env);
  await page.addInitScript(() => {
    window.__xss = [];
  });
  await page.goto(env.base + "/?view=perspectives");
  await page.getByRole("heading", { name: "Points de vue" }).waitFor();
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Ajouter des fichiers de contribution…" }).click()]);
  await chooser.setFiles(hostileContributions());
  await page.locator(".srm-gathered li").nth(PAYLOADS.length - 1).waitFor();
  await expectNothingRan(page, "in the gathering's outcomes, the participants and the comparison");
  assert.equal(await page.locator(".srm-participant-table tbody tr").count(), PAYLOADS.length, "every file gathered");
  // Shown as the text it is.
  await page.locator(".srm-participant-table").getByText(PAYLOADS[1], { exact: false }).first().waitFor();
  for (const button of await page.locator(".srm-show-answers").all()) await button.click();
  await expectNothingRan(page, "in every answer shown");
  await page.locator(".srm-comparison button", { hasText: "Décider" }).first().click();
  const form = page.getByRole("dialog", { name: "Décision du groupe" });
  await form.getByLabel(/Note de la décision/).fill(PAYLOADS[2]);
  await expectNothingRan(page, "in the decision form");
  await form.getByRole("button", { name: "Enregistrer la décision" }).click();
  await form.waitFor({ state: "detached" });
  await expectNothingRan(page, "after the decision");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Rapport (HTML)" }).click()]);
  const report = await openAsFile(page, download);
  await expectNothingRan(report, "in the report's Points de vue section opened as a file");
  const body = await report.locator("body").innerText();
  assert.match(body, /Points de vue/);
  assert.ok(body.includes(PAYLOADS[2]), "the decision's note shown as text");
  await expectClean(page);
  await page.context().close();
});
