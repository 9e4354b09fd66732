// End-to-end tests of the continuum of collaboration, as a facilitator uses it on the built
// page: a level set with the keyboard alone in the partner matrix, then found in the matrix,
// the network graph and its table, the inventory, the downloaded CSV and after a reload;
// axe-core on every new view and on the relation form; the strict CSP never violated.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { start, openPage, widgetReady, screenshot, expectClean, expectNoAxeViolations, focusedLabel, tabTo } from "./harness.mjs";

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

const PAIR = "CISSS de l'Estuaire — installation CLSC des Pins — Office municipal d'habitation de Port-aux-Pins";

test("a level set with the keyboard in the matrix shows in every view, the inventory, the CSV and after a reload", async () => {
  const page = await openPage(env, "/");
  await widgetReady(page);
  await page.locator("body").focus();
  await tabTo(page, "Matrice des partenaires");
  await page.keyboard.press("Enter");
  await page.waitForSelector(".srm[data-view=matrix] .srm-matrix");
  await expectNoAxeViolations(page, "in the partner matrix");
  await screenshot(page, "continuum-matrix");

  // Tab reaches one cell (CISSS — Hôpital); arrow keys go along the row to the OMH.
  await tabTo(page, /^Coalition → Intégration — CISSS/);
  for (let i = 0; i < 7; i++) await page.keyboard.press("ArrowRight");
  assert.match(await focusedLabel(page), /^Communication → Coordination — CISSS de l'Estuaire — installation CLSC des Pins — Office municipal/);
  await page.keyboard.press("Enter");
  const form = page.getByRole("dialog", { name: "Relation entre partenaires" });
  await form.waitFor();
  await expectNoAxeViolations(page, "in the relation form");
  // Current level: Communication → Coalition (three steps right in the radio group).
  await tabTo(page, "Communication", 5);
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
  assert.equal(await focusedLabel(page), "Coalition");
  // Target: Coordination → Intégration.
  await page.keyboard.press("Tab");
  assert.equal(await focusedLabel(page), "Coordination");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  assert.equal(await focusedLabel(page), "Intégration");
  // A mechanism: Tab into the check boxes, Space on "Agent de liaison".
  await tabTo(page, "Agent de liaison", 10);
  await page.keyboard.press("Space");
  await screenshot(page, "continuum-relation-form");
  await tabTo(page, "Enregistrer", 20);
  await page.keyboard.press("Enter");
  await form.waitFor({ state: "detached" });
  assert.match(await focusedLabel(page), /^Coalition → Intégration — CISSS de l'Estuaire — installation CLSC des Pins — Office/, "focus back on the cell");

  // The matrix.
  const cell = page.locator(".srm-matrix tr[data-row='0'] .srm-cell-button").nth(7);
  assert.equal((await cell.innerText()).replace(/\s+/g, " "), "Coalition → Intégration");

  // The network: its table, and the graph's edges and labels.
  await page.getByRole("button", { name: "Réseau des partenaires", exact: true }).click();
  const row = page.locator("tr[data-pair='cisss|omh']");
  assert.equal(await row.locator(".srm-relation-level").innerText(), "Coalition");
  assert.equal(await row.locator(".srm-relation-target").innerText(), "Intégration");
  assert.match(await row.innerText(), /Agent de liaison/);
  assert.equal(await page.locator(".srm-links line.srm-edge-4").count(), 2, "two relations drawn at coalition");
  await expectNoAxeViolations(page, "in the partner network");
  // Select the CISSS by keyboard: its relations are named on the graph and listed.
  await page.locator(".srm-graph [data-node='0']").focus();
  await page.keyboard.press("Enter");
  assert.equal(await page.locator(".srm-graph [data-node='0']").getAttribute("aria-pressed"), "true");
  const labels = await page.locator(".srm-graph .srm-edge-label").allTextContents();
  assert.ok(labels.includes("Coalition"), labels.join(", "));
  assert.match(await page.locator(".srm-relations caption").innerText(), /^Relations de CISSS/);
  await expectNoAxeViolations(page, "with a provider selected");
  await screenshot(page, "continuum-network");

  // The continuum's steps.
  await page.getByRole("button", { name: "Continuum de collaboration", exact: true }).click();
  const coalition = page.locator(".srm-step[data-level=coalition]");
  assert.match(await coalition.locator(".srm-step-count").innerText(), /^2 relations/);
  assert.match(await coalition.innerText(), /Office municipal d'habitation de Port-aux-Pins\s*→ cible\s*: Intégration/);
  await expectNoAxeViolations(page, "in the continuum");
  await screenshot(page, "continuum-steps");

  // The inventory.
  await page.getByRole("button", { name: "Inventaire des besoins", exact: true }).click();
  const gap = page.locator(".srm-collab-gaps tbody tr", { hasText: PAIR });
  assert.match((await gap.innerText()).replace(/\s+/g, " "), /Coalition Intégration Agent de liaison Logement social/);
  await expectNoAxeViolations(page, "in the inventory with collaboration gaps");
  await screenshot(page, "continuum-inventory");

  // The CSV.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Exporter (CSV)" }).click()]);
  const text = readFileSync(await download.path()).subarray(3).toString("utf8");
  const line = text.split("\n").find((l) => l.includes(PAIR));
  assert.ok(line, "the pair is in the CSV");
  assert.match(line, /Écart de collaboration,Coalition → cible\u00a0: Intégration,/);
  assert.match(line, /,Agent de liaison,"Logement social/);

  // Autosave: nothing is lost on reload.
  await expectClean(page);
  await page.reload();
  await widgetReady(page);
  await page.getByRole("button", { name: "Matrice des partenaires", exact: true }).click();
  const again = page.locator(".srm-matrix tr[data-row='0'] .srm-cell-button").nth(7);
  assert.equal((await again.innerText()).replace(/\s+/g, " "), "Coalition → Intégration");
  await expectClean(page);
});

test("a service's detail shows the relations between its providers, and a relation its services", async () => {
  const page = await openPage(env, "/");
  await widgetReady(page);
  await page.locator("li[data-service=crise] .srm-service-open").click();
  const detail = page.getByRole("dialog");
  await detail.waitFor();
  assert.match(await detail.locator(".srm-service-relations").innerText(), /Centre de crise L'Accalmie\s*: Coordination → cible\s*: Coalition/);
  await expectNoAxeViolations(page, "in a service detail with its relations");
  await page.keyboard.press("Escape");
  await detail.waitFor({ state: "detached" });
  // From a relation in the network table, the services it concerns open their detail.
  await page.getByRole("button", { name: "Réseau des partenaires", exact: true }).click();
  await page.locator("tr[data-pair='cisss|centre-crise'] .srm-link-button", { hasText: "Services de crise" }).first().click();
  await page.getByRole("dialog").waitFor();
  assert.match(await page.getByRole("dialog").locator("h2").innerText(), /crise/i);
  await page.keyboard.press("Escape");
  await page.getByRole("dialog").waitFor({ state: "detached" });

  // A relation the graph does not draw yet, set from a selected provider, by keyboard:
  // the food bank and the paratransit service (which has no relation at all).
  const isolated = page.locator("[data-indicator=isolated]");
  assert.match(await isolated.innerText(), /1\s: Transport adapté de l'Estuaire/);
  await page.getByRole("button", { name: /^Comptoir alimentaire Le Partage,/ }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("table", { name: "Relations de Comptoir alimentaire Le Partage" }).waitFor();
  await page.getByLabel("Relation avec").selectOption({ label: "Transport adapté de l'Estuaire" });
  await screenshot(page, "continuum-network-selected");
  await page.getByRole("button", { name: "Définir la relation" }).focus();
  await page.keyboard.press("Enter");
  const form = page.getByRole("dialog", { name: "Relation entre partenaires" });
  await form.waitFor();
  assert.match(await form.innerText(), /Comptoir alimentaire Le Partage — Transport adapté de l'Estuaire/);
  await tabTo(page, "Aucune relation", 5);
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  assert.equal(await focusedLabel(page), "Coopération");
  await tabTo(page, "Enregistrer", 40);
  await page.keyboard.press("Enter");
  await form.waitFor({ state: "detached" });
  const row = page.locator("tr[data-pair='transport|banque']");
  assert.equal(await row.locator(".srm-relation-level").innerText(), "Coopération");
  assert.match(await isolated.innerText(), /\nAucun$/, "no provider is left without a relation");
  assert.equal(await page.locator(".srm-links line").count(), 18, "the graph draws the new relation");
  await expectNoAxeViolations(page, "in the network view with a provider selected");
  await expectClean(page);
});

test("the views are read-only on the read-only page and in English", async () => {
  const page = await openPage(env, "/?lang=en");
  await widgetReady(page);
  await page.getByRole("button", { name: "Partner matrix", exact: true }).click();
  await page.waitForSelector(".srm-matrix");
  assert.ok((await page.locator(".srm-matrix caption").innerText()).startsWith("Collaboration level of each pair"));
  await page.getByRole("button", { name: "Continuum of collaboration", exact: true }).click();
  assert.match(await page.locator("[data-indicator=density] dd").innerText(), /^15 of 66 pairs · 23%$/);
  await expectNoAxeViolations(page, "in English");
  await expectClean(page);
});
