// Shared set-up of the end-to-end tests: serves www/ (built beforehand) with the strict
// CSP, launches the machine's Chromium through playwright-core, records CSP violations,
// console errors and page errors, runs axe-core and saves screenshots.
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "../../scripts/server.mjs";

const require = createRequire(import.meta.url);
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const SHOTS = join(ROOT, "test-results", "screenshots");
mkdirSync(SHOTS, { recursive: true });

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function start() {
  const server = await serve(join(ROOT, "www"), 0);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  const base = `http://127.0.0.1:${server.address().port}`;
  return {
    base,
    browser,
    async stop() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/** A new page that records what must never happen: CSP violations, errors. */
export async function openPage(env, path, { width = 1400, height = 1000 } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height }, acceptDownloads: true });
  const page = await context.newPage();
  const troubles = [];
  page.on("pageerror", (e) => troubles.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") troubles.push(`console error: ${m.text()}`);
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  page.troubles = troubles;
  page.cspViolations = () => page.evaluate(() => window.__cspViolations);
  if (path !== undefined) await page.goto(env.base + path);
  return page;
}

/** Waits until the widget in the page has rendered its range or its error alert. */
export async function widgetReady(page) {
  await page.waitForSelector(".srm section.srm-tier, .srm [role=alert]");
}

const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** Runs axe-core (WCAG 2.x A/AA and best practices) and returns the violations. axe is
 *  evaluated through the DevTools protocol, not as a script tag: the page's strict CSP
 *  rightly refuses inline scripts. */
export async function axe(page) {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  // axe inserts <style> elements of its own while it checks shadow roots; the page's CSP
  // rightly refuses them. Those violations are the tool's, not the widget's: forget them.
  const before = await page.evaluate(() => window.__cspViolations?.length ?? 0);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
    }));
  });
  await page.evaluate((n) => window.__cspViolations?.splice(n), before);
  // Chromium also logs each refused <style> of axe's to the console, a little later.
  await page.waitForTimeout(100);
  forget(page, /Applying inline style violates/);
  return violations;
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Drops the page troubles a test caused on purpose (a missing file it asked for). */
export function forget(page, pattern) {
  for (let i = page.troubles.length - 1; i >= 0; i--) {
    if (pattern.test(page.troubles[i])) page.troubles.splice(i, 1);
  }
}

/** Fails on anything that must never happen on a page: a CSP violation, a page or console
 *  error, an inline style in a widget (a `style` attribute with content; an empty one
 *  that Chromium's autofill leaves on inputs with `autocomplete` carries no style).
 *  CSS locators reach into open shadow roots, so embedded widgets are checked too. */
export async function expectClean(page) {
  assert.deepEqual(await page.cspViolations(), [], "no CSP violation");
  assert.deepEqual(page.troubles, [], "no page or console error");
  const styled = await page
    .locator(".srm [style]:not([style=''])")
    .evaluateAll((els) => els.map((e) => e.outerHTML.slice(0, 200)));
  assert.deepEqual(styled, [], "no inline style attribute");
}

export async function expectNoAxeViolations(page, where) {
  const violations = await axe(page);
  assert.deepEqual(violations, [], `axe-core violations ${where}: ${JSON.stringify(violations, null, 1)}`);
}

/** Makes the page's storage refuse every write, as a full or blocked storage does (call
 *  before the page loads). */
export async function breakStorage(page) {
  await page.addInitScript(() => {
    const full = () => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
    // Both places the widget may keep work: IndexedDB, and local storage behind it.
    Storage.prototype.setItem = full;
    IDBObjectStore.prototype.put = full;
  });
}

/** The keys of the widget's saved work in this page's origin (IndexedDB, where it keeps
 *  it), that start with `prefix`. */
export async function savedKeys(page, prefix) {
  return page.evaluate(
    (prefix) =>
      new Promise((done, fail) => {
        const open = indexedDB.open("service-range-mapper");
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("work")) return done([]);
          const keys = db.transaction("work").objectStore("work").getAllKeys();
          keys.onsuccess = () => done(keys.result.filter((k) => String(k).startsWith(prefix)));
          keys.onerror = () => fail(keys.error);
        };
      }),
    prefix,
  );
}

/** The accessible label of the focused element (its aria-label, its <label>, or its text). */
export const focusedLabel = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return "";
    const label = el.getAttribute("aria-label") || el.labels?.[0]?.textContent || el.textContent;
    return label.replace(/\s+/g, " ").trim();
  });

/** Presses Tab until the focused element's accessible label matches. */
export async function tabTo(page, label, max = 200) {
  for (let i = 0; i < max; i++) {
    const current = await focusedLabel(page);
    if (typeof label === "string" ? current === label : label.test(current)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`could not reach ${label} with Tab`);
}

/** The rows of a CSV text, each a list of its cells (quoted cells with commas, quotes and
 *  line breaks; lines ended by LF or CRLF). */
export function parseCsv(text) {
  const rows = [];
  let row = [], cell = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(cell); cell = ""; }
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(cell); rows.push(row); row = []; cell = "";
    } else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}
