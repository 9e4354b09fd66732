// The demo page: mounts one widget with the built-in config, or with the config named by
// ?config=URL, in the language named by ?lang=en, on the face named by ?view=. A failure to fetch the config is shown
// in the page, never only in the console.
import init, { mount } from "./pkg/service_range_mapper_workshop.js";

// The plan's faces are in a bundle of their own: when the widget asks for it, the page
// loads it and mounts the widget again from it, with the session as it was (nothing lost).
async function mountPlan(event) {
  if (event.detail?.bundle !== "plan") return;
  event.preventDefault();
  const styles = document.createElement("link");
  styles.rel = "stylesheet";
  styles.href = "pkg/srm-plan.css";
  const styled = new Promise((done) => { styles.onload = styles.onerror = done; });
  document.head.append(styles);
  const plan = await import("./pkg/service_range_mapper_plan.js");
  await Promise.all([plan.default(), styled]);
  const { view, session } = event.detail;
  // The workshop widget is taken down after the event, not inside its own handler.
  window.srmWidget.destroy();
  window.srmWidget = plan.mount(target, currentConfig, { lang, view, session });
}
let currentConfig = null;

const params = new URLSearchParams(location.search);
const lang = params.get("lang") || document.documentElement.lang || "fr";
const configUrl = params.get("config");
const target = document.getElementById("widget");

// The page around the widget follows ?lang too (the widget has its own catalogue).
if (lang.startsWith("en")) {
  document.documentElement.lang = "en";
  for (const el of document.querySelectorAll("[data-en]")) el.textContent = el.dataset.en;
  for (const el of document.querySelectorAll("[data-en-label]")) el.setAttribute("aria-label", el.dataset.enLabel);
  for (const link of document.querySelectorAll(".demo-header nav a")) {
    const url = new URL(link.href);
    if (url.pathname === location.pathname) url.searchParams.set("lang", "en");
    link.href = url.href;
  }
}

// The navigation marks the page being shown, whichever config it is.
for (const link of document.querySelectorAll(".demo-header nav a")) {
  const href = new URL(link.href);
  const same = href.pathname === location.pathname && href.searchParams.get("config") === configUrl;
  if (same) link.setAttribute("aria-current", "page");
  else link.removeAttribute("aria-current");
}

function showFetchError(message) {
  target.replaceChildren();
  const alert = document.createElement("div");
  alert.className = "demo-alert";
  alert.setAttribute("role", "alert");
  alert.textContent = message;
  target.append(alert);
}

async function loadConfig() {
  if (!configUrl) return null;
  const response = await fetch(configUrl);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  return response.text();
}

try {
  await init();
  let config = null;
  try {
    config = await loadConfig();
  } catch (err) {
    showFetchError(
      lang.startsWith("en")
        ? `The configuration ${configUrl} could not be loaded (${err.message}).`
        : `La configuration ${configUrl} n'a pas pu être chargée (${err.message}).`,
    );
  }
  if (config !== null || !configUrl) {
    // ?view=perspectives opens that face (the link participants' pages give back).
    currentConfig = config;
    target.addEventListener("srm-bundle-needed", mountPlan);
    window.srmWidget = mount(target, config, { lang, view: params.get("view") || undefined });
  }
} catch (err) {
  showFetchError(`Le widget n'a pas pu démarrer / The widget could not start: ${err.message}`);
}
