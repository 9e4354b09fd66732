// The WebDriver side of the end-to-end tests: the flows that matter, run in the engines
// Playwright cannot drive on these machines — Firefox ESR (geckodriver) and WebKitGTK
// (WebKitWebDriver with MiniBrowser, under an Xvfb display this harness starts when there
// is none) — through selenium-webdriver. `SRM_ENGINES=firefox,webkit,chromium` picks the
// engines (Chromium through ChromeDriver, to try the suite itself; its full run is
// Playwright's). Pages are served with the strict CSP, as in harness.mjs.
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Builder, By, Key } from "selenium-webdriver";
import firefox from "selenium-webdriver/firefox.js";
import chrome from "selenium-webdriver/chrome.js";
import { serve } from "../../scripts/server.mjs";
import { ROOT, SHOTS } from "./harness.mjs";

export { By, Key };

export const ENGINES = (process.env.SRM_ENGINES || "firefox,webkit").split(",").filter(Boolean);

const which = (cmd) => {
  try {
    return execFileSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" }).trim();
  } catch {
    return "";
  }
};

const MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

/** Starts a child process and stops it with the test run. */
function child(cmd, args, options = {}) {
  const proc = spawn(cmd, args, { stdio: "ignore", ...options });
  process.once("exit", () => proc.kill());
  return proc;
}

/** An X display for MiniBrowser: the one there is, else an Xvfb of our own (its number
 *  chosen by Xvfb itself, so runs side by side do not collide). */
async function display() {
  if (process.env.DISPLAY) return { name: process.env.DISPLAY, stop() {} };
  const xvfb = child("Xvfb", ["-displayfd", "3", "-screen", "0", "1400x1000x24", "-nolisten", "tcp"], {
    stdio: ["ignore", "ignore", "ignore", "pipe"],
  });
  const number = await new Promise((ok, fail) => {
    let text = "";
    xvfb.stdio[3].on("data", (d) => {
      text += d;
      if (text.includes("\n")) ok(text.trim());
    });
    xvfb.on("exit", (code) => fail(new Error(`Xvfb exited (${code})`)));
  });
  return { name: `:${number}`, stop: () => xvfb.kill() };
}

/** A free TCP port on the loopback. */
async function freePort() {
  const { createServer } = await import("node:net");
  return new Promise((ok) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** Starts one engine's driver and browser, and the static server. */
export async function launch(engine) {
  const server = await serve(join(ROOT, "www"), 0);
  const base = `http://127.0.0.1:${server.address().port}`;
  const downloads = mkdtempSync(join(tmpdir(), `srm-${engine}-downloads-`));
  const stops = [];
  let driver;
  if (engine === "firefox") {
    const options = new firefox.Options()
      .setBinary(which("firefox-esr") || which("firefox"))
      .addArguments("-headless")
      .windowSize({ width: 1400, height: 1000 })
      // Downloads land in a folder of the test's, without asking.
      .setPreference("browser.download.folderList", 2)
      .setPreference("browser.download.dir", downloads)
      .setPreference("browser.download.useDownloadDir", true)
      .setPreference("browser.download.always_ask_before_handling_new_types", false)
      // The downloads panel would take the keyboard from the page in the next test.
      .setPreference("browser.download.alwaysOpenPanel", false)
      .setPreference("browser.download.panel.shown", true)
      .setPreference("browser.helperApps.neverAsk.saveToDisk", "text/csv,text/html,text/markdown,application/json");
    const service = new firefox.ServiceBuilder(process.env.GECKODRIVER || which("geckodriver"));
    driver = await new Builder().forBrowser("firefox").setFirefoxOptions(options).setFirefoxService(service).build();
  } else if (engine === "webkit") {
    const screen = await display();
    stops.push(() => screen.stop());
    const port = await freePort();
    const webdriver = child("WebKitWebDriver", [`--port=${port}`], { env: { ...process.env, DISPLAY: screen.name } });
    stops.push(() => webdriver.kill());
    await waitForPort(port);
    driver = await new Builder()
      .usingServer(`http://127.0.0.1:${port}`)
      .withCapabilities({
        browserName: "MiniBrowser",
        "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] },
      })
      .build();
    await driver.manage().window().setRect({ width: 1400, height: 1000 });
  } else if (engine === "chromium") {
    const options = new chrome.Options()
      .setChromeBinaryPath(process.env.CHROMIUM || "/usr/bin/chromium")
      .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1000")
      .setUserPreferences({ "download.default_directory": downloads, "download.prompt_for_download": false });
    const service = new chrome.ServiceBuilder(process.env.CHROMEDRIVER || "/usr/bin/chromedriver");
    driver = await new Builder().forBrowser("chrome").setChromeOptions(options).setChromeService(service).build();
  } else {
    throw new Error(`unknown engine ${engine}`);
  }
  await driver.manage().setTimeouts({ script: 20000 });
  return {
    engine,
    base,
    downloads,
    driver,
    async stop() {
      await driver.quit().catch(() => {});
      for (const stop of stops) stop();
      await new Promise((ok) => server.close(ok));
    },
  };
}

async function waitForPort(port) {
  const { connect } = await import("node:net");
  for (let i = 0; i < 100; i++) {
    const open = await new Promise((ok) => {
      const socket = connect(port, "127.0.0.1", () => {
        socket.end();
        ok(true);
      });
      socket.on("error", () => ok(false));
    });
    if (open) return;
    await sleep(100);
  }
  throw new Error(`nothing listens on port ${port}`);
}

export const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** Opens a page and installs the page's watchers: errors, CSP violations, and the blobs
 *  the widget offers as downloads (so that engines whose downloads a test cannot reach
 *  still show what the file holds). */
export async function open(env, path) {
  await env.driver.get(env.base + path);
  await watch(env);
}

export async function watch(env) {
  await env.driver.executeScript(() => {
    window.__troubles = [];
    window.addEventListener("error", (e) => window.__troubles.push(`error: ${e.message}`));
    window.addEventListener("unhandledrejection", (e) => window.__troubles.push(`rejection: ${e.reason}`));
    document.addEventListener("securitypolicyviolation", (e) => window.__troubles.push(`CSP: ${e.violatedDirective} ${e.blockedURI}`));
    window.__blobs = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = (blob) => {
      window.__blobs.push(blob);
      return create.call(URL, blob);
    };
  });
}

/** Waits until `fn` (run in the page, with `args`) returns something truthy; returns it. */
export async function until(env, fn, args = [], what = String(fn), timeout = 15000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await env.driver.executeScript(fn, ...args);
    if (value) return value;
    if (Date.now() > end) throw new Error(`${env.engine}: timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** In the page: what matches `css` in the document or, for `host >>> inner`, in one host's
 *  open shadow root — the first element, how many there are, or the first one's text
 *  (spaces collapsed), as `want` asks. */
function select(css, want) {
  const [host, inner] = css.split(" >>> ");
  const root = inner === undefined ? document : document.querySelector(host)?.shadowRoot;
  const selector = inner ?? host;
  if (want === "count") return root ? root.querySelectorAll(selector).length : 0;
  const element = root?.querySelector(selector) ?? null;
  if (want === "text") return element && element.textContent.replace(/\s+/g, " ").trim();
  return element;
}

/** The first element matching `css` (`host >>> inner` reaches into a shadow root). */
export async function find(env, css, timeout = 15000) {
  return until(env, select, [css, "first"], css, timeout);
}

/** How many elements match `css` (same reach as `find`). */
export async function count(env, css) {
  return env.driver.executeScript(select, css, "count");
}

/** The text of the first element matching `css` (same reach), or null. */
export async function text(env, css) {
  return env.driver.executeScript(select, css, "text");
}

/** The focused element's accessible label (its aria-label, its <label>, or its text),
 *  inside shadow roots too. */
export async function focusedLabel(env) {
  return env.driver.executeScript(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return "";
    const label = el.getAttribute("aria-label") || el.labels?.[0]?.textContent || el.textContent || "";
    return label.replace(/\s+/g, " ").trim();
  });
}

/** Focuses a control and presses Enter on it, as a keyboard user does (WebKitWebDriver
 *  refuses pointer clicks on elements it judges out of view, where a person would scroll). */
export async function activate(env, element) {
  await env.driver.executeScript((e) => e.focus(), element);
  await press(env, Key.ENTER);
}

/** Sends keys to whatever has the focus. */
export async function press(env, ...keys) {
  await env.driver.actions().sendKeys(...keys).perform();
}

/** Presses Tab until the focused element's label matches. */
export async function tabTo(env, label, max = 200) {
  for (let i = 0; i < max; i++) {
    const current = await focusedLabel(env);
    if (typeof label === "string" ? current === label : label.test(current)) return;
    await press(env, Key.TAB);
  }
  throw new Error(`${env.engine}: Tab never reached ${label}; focus on ${await focusedLabel(env)}`);
}

/** Fails on what must never happen: a page error, a CSP violation (since the page was
 *  opened), an inline style in a widget. */
export async function expectClean(env) {
  const troubles = await env.driver.executeScript(() => window.__troubles ?? []);
  assert.deepEqual(troubles, [], `${env.engine}: no page error, no CSP violation`);
  const styled = await env.driver.executeScript(() => {
    const roots = [document, ...[...document.querySelectorAll("service-range-mapper")].map((h) => h.shadowRoot).filter(Boolean)];
    return roots.flatMap((r) => [...r.querySelectorAll(".srm [style]")].filter((e) => e.getAttribute("style") !== "").map((e) => e.outerHTML.slice(0, 200)));
  });
  assert.deepEqual(styled, [], `${env.engine}: no inline style attribute`);
}

/** The text of the last blob the widget offered as a download. */
export async function lastBlobText(env) {
  return env.driver.executeAsyncScript((done) => {
    const blob = window.__blobs.at(-1);
    if (!blob) return done(null);
    blob.arrayBuffer().then((b) => done([...new Uint8Array(b)]));
  });
}

export async function screenshot(env, name) {
  writeFileSync(join(SHOTS, `${env.engine}-${name}.png`), await env.driver.takeScreenshot(), "base64");
}
