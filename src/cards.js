// The cards of a list of services in the citizens' bundle (the view bundle, read-only),
// made in one call from the widget: the texts of every card come as one
// string, fields separated by U+001F (which the widget takes out of the texts). Made here,
// a list of hundreds of cards takes a few milliseconds; made node by node from
// WebAssembly, each node, attribute and text is a call and a copy of a string. Every text
// is set as text (`textContent`): nothing is parsed as HTML. The same cards as the
// workshop's `ServiceCard` component (an end-to-end test compares them).

/** The fields of one card, in order. */
const FIELDS = 6;

/** One card's elements without its texts: each card is a deep copy of it (one call for
 *  the whole card rather than one per element and attribute). Made on first use, per
 *  document. */
let model = null;

function cardModel(doc) {
  if (model && model.ownerDocument === doc) return model;
  const card = doc.createElement("li");
  card.setAttribute("part", "service");
  const open = card.appendChild(doc.createElement("button"));
  open.type = "button";
  open.className = "srm-service-open";
  open.setAttribute("aria-haspopup", "dialog");
  for (const className of ["srm-service-label", "srm-service-status srm-status-mark", "srm-service-providers", "srm-service-access"]) {
    open.appendChild(doc.createElement("span")).className = className;
  }
  model = card;
  return card;
}

/** A new list (`ul.srm-services`) of the cards of `record`: for each card its id, status,
 *  label, status line, providers and access (empty when it has none). */
export function cardList(record) {
  const doc = document;
  const cards = doc.createElement("ul");
  cards.className = "srm-services";
  const fields = record.split("\u001f");
  const copy = cardModel(doc);
  for (let i = 0; i + FIELDS <= fields.length; i += FIELDS) {
    const card = copy.cloneNode(true);
    const status = fields[i + 1];
    card.className = `srm-service srm-status-${status}`;
    card.dataset.service = fields[i];
    card.dataset.status = status;
    const label = card.firstChild.firstChild;
    label.textContent = fields[i + 2];
    const statusLine = label.nextSibling;
    statusLine.textContent = fields[i + 3];
    const providers = statusLine.nextSibling;
    const access = providers.nextSibling;
    // A card without providers or a way to get there has no such line (as the workshop's).
    if (fields[i + 4]) providers.textContent = fields[i + 4];
    else providers.remove();
    if (fields[i + 5]) access.textContent = fields[i + 5];
    else access.remove();
    cards.appendChild(card);
  }
  return cards;
}
