// Evidence highlighting: split a document's text at every span boundary and wrap covered pieces in
// <mark> elements. Only text nodes are created, so markup inside the report is shown, never run.
import { el } from "./dom.js";

export function segments(text, spans) {
  const valid = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start < s.end && s.end <= text.length);
  const cuts = new Set([0, text.length]);
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i < points.length - 1; i += 1) {
    const [from, to] = [points[i], points[i + 1]];
    const fields = valid.filter((s) => s.start <= from && s.end >= to).map((s) => s.field);
    out.push({ text: text.slice(from, to), fields: [...new Set(fields)] });
  }
  return out;
}

export function highlighted(text, spans) {
  const nodes = segments(text, spans).map(({ text: piece, fields }) =>
    fields.length
      ? el("mark", { className: `evidence ev-${fields[0].replace(/[^a-z0-9_-]/gi, "")}`, title: `evidence: ${fields.join(", ")}` }, piece)
      : document.createTextNode(piece),
  );
  return nodes;
}
