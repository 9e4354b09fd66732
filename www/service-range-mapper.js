// <service-range-mapper>: the widget as one tag. Import this module (it sits next to the
// pkg/ folder of the build) and write the tag; see the README, "Embedding".
//
//   <script type="module" src="service-range-mapper.js"></script>
//   <service-range-mapper config="territoire.json" mode="citizen"></service-range-mapper>
//
// The widget lives in an open shadow root with its own stylesheets: the page's CSS does not
// reach it and its CSS does not leak out. Citizens get the small read-only bundle; intranet
// workshop and participant modes the full one, the range editor (mode="editor") its own. Each bundle is loaded once per page, whatever the number
// of elements.

const PKG = new URL("./pkg/", import.meta.url);
const MODES = ["citizen", "intranet", "workshop", "participant", "editor"];
const BUNDLE = {
  citizen: "service_range_mapper",
  intranet: "service_range_mapper_workshop",
  workshop: "service_range_mapper_workshop",
  participant: "service_range_mapper_workshop",
  editor: "service_range_mapper_editor",
};
const STYLES = {
  citizen: ["srm.css"],
  intranet: ["srm.css", "srm-workshop.css"],
  workshop: ["srm.css", "srm-workshop.css"],
  participant: ["srm.css", "srm-workshop.css"],
  editor: ["srm.css", "srm-workshop.css", "srm-editor.css"],
};
// The plan's faces (plan, milestones, dashboard) are in a bundle of their own, the workshop
// bundle's tools and these: a workshop or intranet widget asks for it (srm-bundle-needed)
// when one of them is first opened, and the element mounts it again from that bundle.
const PLAN_BUNDLE = "service_range_mapper_plan";
const loaded = new Map();

/** The bundle's module, initialised (once per page). */
function bundle(name) {
  if (!loaded.has(name)) {
    loaded.set(name, import(new URL(`${name}.js`, PKG).href).then(async (module) => {
      await module.default();
      return module;
    }));
  }
  return loaded.get(name);
}

/** The language of the closest ancestor that declares one, across shadow roots. */
function inheritedLang(element) {
  let node = element.parentNode;
  while (node) {
    if (node.nodeType === Node.ELEMENT_NODE && node.hasAttribute("lang") && node.getAttribute("lang")) {
      return node.getAttribute("lang");
    }
    node = node.parentNode || node.host;
  }
  return null;
}

/** This element's place in the URL fragment: `<prefix>-view`, `-q`, `-tier`, `-kind`,
 *  `-service`. The rest of the fragment (the page's anchors and parameters, other
 *  widgets' places) is left as written. */
const PLACE_FIELDS = ["view", "q", "tier", "kind", "service"];

function readPlace(prefix) {
  const params = new URLSearchParams(location.hash.slice(1));
  const place = {};
  for (const field of PLACE_FIELDS) {
    const value = params.get(`${prefix}-${field}`);
    if (value) place[field] = value;
  }
  return place;
}

function writePlace(prefix, place) {
  const ours = new Set(PLACE_FIELDS.map((field) => `${prefix}-${field}`));
  const kept = location.hash.slice(1).split("&").filter((part) => {
    if (!part) return false;
    const key = decodeURIComponent(part.split("=")[0].replace(/\+/g, " "));
    return !ours.has(key);
  });
  const written = new URLSearchParams();
  for (const field of PLACE_FIELDS) {
    if (place[field]) written.set(`${prefix}-${field}`, place[field]);
  }
  const fragment = [...kept, written.toString()].filter(Boolean).join("&");
  if (fragment === location.hash.slice(1)) return;
  // Replaced, not pushed: moving around the widget does not fill the history.
  history.replaceState(history.state, "", fragment ? `#${fragment}` : location.pathname + location.search);
}

const FETCH_FAILED = {
  fr: (url, why) => `La configuration n'a pas pu être chargée depuis ${url} (${why}).`,
  en: (url, why) => `The configuration could not be loaded from ${url} (${why}).`,
};

export class ServiceRangeMapper extends HTMLElement {
  static observedAttributes = ["config", "lang", "mode", "view", "editable", "sync-url", "storage-key"];

  #root;
  #widget = null;
  #configObject;
  #hasConfigObject = false;
  /** Bumped by every (re)mount: an answer for an older one is dropped. */
  #generation = 0;
  #langWatch = null;
  #lang = "fr";
  /** True once the widget asked for the plan bundle: it is the one mounted from then on. */
  #plan = false;
  #onHashChange = () => {
    const prefix = this.#syncPrefix();
    if (prefix && this.#widget?.go_to) this.#widget.go_to(readPlace(prefix));
  };

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
    this.#root.addEventListener("srm-bundle-needed", (event) => {
      if (event.detail?.bundle !== "plan" || !["workshop", "intranet"].includes(this.mode)) return;
      event.preventDefault();
      this.#plan = true;
      const { view, session } = event.detail;
      // Mounted again after the event: the widget that sent it is still in its handler.
      setTimeout(() => this.#mount({ view, session }));
    });
  }

  connectedCallback() {
    // The page's language may change later (a site-wide switch): follow it when the
    // element has no lang of its own.
    this.#langWatch = new MutationObserver(() => this.#followLang());
    this.#langWatch.observe(document.documentElement, { attributes: true, attributeFilter: ["lang"], subtree: true });
    window.addEventListener("hashchange", this.#onHashChange);
    this.#mount();
  }

  disconnectedCallback() {
    this.#langWatch?.disconnect();
    this.#langWatch = null;
    window.removeEventListener("hashchange", this.#onHashChange);
    this.#generation++;
    this.#widget?.destroy();
    this.#widget = null;
    this.#root.replaceChildren();
  }

  attributeChangedCallback(name, before, after) {
    if (!this.isConnected || before === after) return;
    if (name === "lang") this.#followLang();
    else if (name === "view") this.#widget?.set_view?.(after ?? "range");
    else if (name !== "config") this.#mount();
    // A config object wins over the attribute; without a widget yet (a fetch that
    // failed, a bundle still loading), the new address mounts one.
    else if (!this.#hasConfigObject) this.#widget ? this.#update() : this.#mount();
  }

  /** The config as an object (it takes precedence over the `config` attribute). */
  get config() {
    return this.#configObject;
  }

  set config(value) {
    this.#configObject = value;
    this.#hasConfigObject = value !== undefined && value !== null;
    if (this.isConnected) this.#widget ? this.#update() : this.#mount();
  }

  get mode() {
    const mode = this.getAttribute("mode");
    return MODES.includes(mode) ? mode : "citizen";
  }

  /** The session (gaps, assessments, relations) as a plain object; null in citizen mode. */
  inventory() {
    return this.#widget?.inventory ? this.#widget.inventory() : null;
  }

  /** Loads a session; null when loaded, else `{kind, message}` (nothing changed then). */
  loadSession(session) {
    if (!this.#widget?.load_session) return { kind: "not_ready", message: "widget not ready" };
    return this.#widget.load_session(session);
  }

  /** Editor mode: the draft as a plain object (the config being written); else null. */
  draft() {
    return this.#widget?.config_json ? this.#widget.config() : null;
  }

  /** The current config's errors and warnings. */
  problems() {
    return this.#widget ? this.#widget.problems() : [];
  }

  #followLang() {
    const lang = (this.getAttribute("lang") || inheritedLang(this) || "fr").toLowerCase().startsWith("en") ? "en" : "fr";
    if (lang === this.#lang) return;
    this.#lang = lang;
    this.#widget?.set_lang(lang);
  }

  /** The prefix of this element's place in the URL, when `sync-url` is set: its value,
   *  else the element's id, else "srm". */
  #syncPrefix() {
    if (!this.hasAttribute("sync-url")) return null;
    return this.getAttribute("sync-url") || this.id || "srm";
  }

  /** The config to give the widget: the object, or the fetched text (the example range
   *  when no config is named: the workshop bundle carries it, the citizens' does not). */
  async #readConfig() {
    if (this.#hasConfigObject) return this.#configObject;
    const url = this.getAttribute("config");
    if (!url && BUNDLE[this.mode] !== BUNDLE.citizen) return null;
    const address = url ? new URL(url, document.baseURI) : new URL("default-config.json", PKG);
    let response;
    try {
      response = await fetch(address);
    } catch (error) {
      throw { url: address.href, why: String(error.message || error) };
    }
    if (!response.ok) throw { url: address.href, why: `HTTP ${response.status}` };
    return response.text();
  }

  /** A distinct key for this element's saved work when it has no id or storage-key. */
  #storageKey() {
    const given = this.getAttribute("storage-key") || this.id;
    if (given) return given;
    const same = [...document.querySelectorAll("service-range-mapper")].filter(
      (e) => e.getAttribute("config") === this.getAttribute("config") && !e.id && !e.getAttribute("storage-key"),
    );
    const index = same.indexOf(this);
    return index > 0 ? `instance-${index + 1}` : undefined;
  }

  /** Mounts the widget; `carried`: the view and session the previous bundle left. */
  async #mount(carried = null) {
    const generation = ++this.#generation;
    this.#widget?.destroy();
    this.#widget = null;
    const mode = this.mode;
    this.#lang = (this.getAttribute("lang") || inheritedLang(this) || "fr").toLowerCase().startsWith("en") ? "en" : "fr";
    const host = document.createElement("div");
    host.className = "srm-host";
    const plan = this.#plan && ["workshop", "intranet"].includes(mode);
    const links = [...STYLES[mode], ...(plan ? ["srm-plan.css"] : [])].map((file) => {
      const link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = new URL(file, PKG).href;
      return link;
    });
    // The widget appears once its styles are in, never unstyled.
    const styled = Promise.all(links.map((link) => new Promise((done) => {
      link.onload = link.onerror = done;
    })));
    this.#root.replaceChildren(...links, host);
    let config;
    try {
      [config] = await Promise.all([this.#readConfig(), styled]);
    } catch (failure) {
      if (generation === this.#generation) this.#showFetchFailure(host, failure);
      return;
    }
    const module = await bundle(plan ? PLAN_BUNDLE : BUNDLE[mode]);
    if (generation !== this.#generation) return;
    if (mode === "editor") {
      this.#widget = module.mount_editor(host, config, { lang: this.#lang, storageKey: this.#storageKey() });
      return;
    }
    const options = { lang: this.#lang, mode, storageKey: this.#storageKey() };
    if (this.hasAttribute("view")) options.view = this.getAttribute("view");
    if (this.hasAttribute("editable")) options.editable = this.getAttribute("editable") !== "false";
    const prefix = this.#syncPrefix();
    if (prefix) {
      options.place = readPlace(prefix);
      if (!options.place.view && this.hasAttribute("view")) options.place.view = this.getAttribute("view");
      options.onplace = (place) => writePlace(prefix, place);
    }
    if (carried) {
      options.view = carried.view;
      if (options.place) options.place.view = carried.view;
      options.session = carried.session;
    }
    this.#widget = module.mount(host, config, options);
  }

  async #update() {
    const generation = this.#generation;
    let config;
    try {
      config = await this.#readConfig();
    } catch (failure) {
      if (generation === this.#generation) this.#mount();
      return;
    }
    if (generation !== this.#generation || !this.#widget) return;
    // The editor opens another config as one undoable step.
    if (this.#widget.update) this.#widget.update(config);
    else this.#widget.open(config);
  }

  /** Says, inside the widget, that the config could not be fetched; tells the page too. */
  #showFetchFailure(host, { url, why }) {
    const message = FETCH_FAILED[this.#lang](url, why);
    const root = document.createElement("div");
    root.className = "srm";
    root.lang = this.#lang;
    const alert = document.createElement("div");
    alert.className = "srm-alert";
    alert.setAttribute("role", "alert");
    const text = document.createElement("p");
    text.className = "srm-alert-title";
    text.textContent = message;
    alert.append(text);
    root.append(alert);
    host.replaceChildren(root);
    const detail = [{ severity: "error", kind: "config_unavailable", path: "$", url, message }];
    this.dispatchEvent(new CustomEvent("srm-error", { bubbles: true, composed: true, detail }));
  }
}

if (!customElements.get("service-range-mapper")) {
  customElements.define("service-range-mapper", ServiceRangeMapper);
}
