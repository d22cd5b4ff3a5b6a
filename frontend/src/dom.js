// DOM helpers. Report text is untrusted: it only ever reaches the page as text nodes
// (createTextNode / textContent), never through an HTML parser.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "className") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export function $(selector) {
  return document.querySelector(selector);
}

// Text direction for a block of report text: Arabic is right-to-left, others follow their content.
export function textDirAttrs(language) {
  return language === "ar" ? { dir: "rtl", lang: "ar" } : { dir: "auto", lang: language && language !== "other" ? language : null };
}

export function fmtNumber(value) {
  return value === null || value === undefined ? "–" : Number(value).toLocaleString("en");
}
