// The cards of a list of services in the citizens' bundle (the view bundle, read-only),
// made in one call from the widget: the texts of every card come as one
// string, fields separated by U+001F (which the widget takes out of the texts). Made here,
// a list of hundreds of cards takes a few milliseconds; made node by node from
// WebAssembly, each node, attribute and text is a call and a copy of a string. Every text
// is set as text (`textContent`): nothing is parsed as HTML. The same cards as the
// workshop's `ServiceCard` component (an end-to-end test compares them).

/** The fields of one card, in order. */
const FIELDS = 6;

/** A new list (`ul.srm-services`) of the cards of `record`: for each card its id, status,
 *  label, status line, providers and access (empty when it has none). */
export function cardList(record) {
  const doc = document;
  const cards = doc.createElement("ul");
  cards.className = "srm-services";
  const fields = record.split("\u001f");
  const span = (parent, className, text) => {
    const element = parent.appendChild(doc.createElement("span"));
    element.className = className;
    element.textContent = text;
  };
  for (let i = 0; i + FIELDS <= fields.length; i += FIELDS) {
    const [id, status, label, statusLine, providers, access] = fields.slice(i, i + FIELDS);
    const card = cards.appendChild(doc.createElement("li"));
    card.className = `srm-service srm-status-${status}`;
    card.setAttribute("part", "service");
    card.dataset.service = id;
    card.dataset.status = status;
    const open = card.appendChild(doc.createElement("button"));
    open.type = "button";
    open.className = "srm-service-open";
    open.setAttribute("aria-haspopup", "dialog");
    span(open, "srm-service-label", label);
    span(open, "srm-service-status srm-status-mark", statusLine);
    if (providers) span(open, "srm-service-providers", providers);
    if (access) span(open, "srm-service-access", access);
  }
  return cards;
}
