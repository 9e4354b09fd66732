// The read-only page: the view bundle (the range without workshop tools), as a citizen or
// intranet page embeds it. ?config=URL and ?lang=en work as on the workshop page.
import init, { mount } from "./pkg/service_range_mapper.js";

const params = new URLSearchParams(location.search);
const lang = params.get("lang") || document.documentElement.lang || "fr";
const configUrl = params.get("config");
const target = document.getElementById("widget");

try {
  await init();
  // The view bundle carries no example range: the build ships it beside the bundle.
  const config = await (await fetch(configUrl || "pkg/default-config.json")).text();
  window.srmWidget = mount(target, config, { lang });
} catch (err) {
  const alert = document.createElement("div");
  alert.className = "demo-alert";
  alert.setAttribute("role", "alert");
  alert.textContent = `Le widget n'a pas pu démarrer / The widget could not start: ${err.message}`;
  target.replaceChildren(alert);
}
