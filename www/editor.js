// The range editor page: "Configurer la gamme". `?config=URL` opens a config file (else
// the draft worked on last in this browser, else the MSSS 2002 reference range);
// `?lang=en` for English. The draft is kept in this browser after every edit.
import init, { mount_editor } from "./pkg/service_range_mapper_editor.js";

const params = new URLSearchParams(location.search);
const lang = params.get("lang") === "en" ? "en" : "fr";
document.documentElement.lang = lang;

await init();
let config = null;
const address = params.get("config");
if (address) {
  try {
    const response = await fetch(address);
    config = response.ok ? await response.text() : null;
    if (!response.ok) console.warn(`config ${address}: HTTP ${response.status}`);
  } catch (error) {
    console.warn(`config ${address}: ${error}`);
  }
}
window.srmEditor = mount_editor(document.getElementById("editor"), config, { lang });
