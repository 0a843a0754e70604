// Full-text search over facts and the Vietnam–Laos parts of the source texts, diacritic-insensitive.
// Page furniture and unrelated boxes are never indexed, so they can never surface in an answer.
import MiniSearch from "minisearch";
import type { Corpus } from "./corpus";
import { fold, normalizeSpace } from "./normalize";

export interface SearchDoc {
  id: string;
  /** "event", "agreement", "clause", "commitment", "figure", "person", "province", "place", "anniversary", "sentence". */
  kind: string;
  /** The fact id (or the source file for sentences). */
  ref: string;
  title: string;
  body: string;
  /** Source file of a sentence, for citation. */
  source?: string;
}

export type SearchIndex = MiniSearch<SearchDoc>;

/** Splits article text into sentences for the sentence index. */
export function sentences(text: string): string[] {
  return normalizeSpace(text)
    .split(/(?<=[.!?…])\s+(?=[\p{Lu}–-])|\s\|\s/u)
    .map((s) =>
      s
        .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
        .replace(/^[|\s]+|[|\s]+$/g, "")
        .trim(),
    )
    .filter((s) => s.length >= 20);
}

/** The lines of a source file that are about Vietnam–Laos (article, boxes, captions marked so); not reference tables. */
export function relevantText(corpus: Corpus, file: string): string {
  const doc = corpus.sourceByFile.get(file);
  const text = corpus.texts.get(file);
  if (!doc || text === undefined) return "";
  const lines = text.split("\n");
  return doc.segments
    .filter((s) => s.vietnamLaos && s.kind !== "reference")
    .map((s) => lines.slice(s.lines[0] - 1, s.lines[1]).join("\n"))
    .join("\n");
}

export function buildSearchIndex(corpus: Corpus): SearchIndex {
  const index = new MiniSearch<SearchDoc>({
    fields: ["title", "body"],
    storeFields: ["kind", "ref", "title", "body", "source"],
    processTerm: (term) => {
      const f = fold(term);
      return f.length > 0 ? f : null;
    },
    searchOptions: {
      boost: { title: 2 },
      // Short words ("nga", "lao") must match exactly: as prefixes they would match "ngay", "lao dong"…
      prefix: (term) => term.length >= 4,
      fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
      combineWith: "AND",
      // Structured facts rank above raw article sentences that say the same thing.
      boostDocument: (_id, _term, stored) => (stored?.kind === "sentence" ? 0.6 : 1),
    },
  });
  const docs: SearchDoc[] = [];
  const { data } = corpus;
  const both = (t: { vi: string; en: string }) => `${t.vi} ${t.en}`;
  for (const e of data.events) {
    docs.push({ id: `event:${e.id}`, kind: "event", ref: e.id, title: both(e.title), body: both(e.summary) });
  }
  for (const a of data.agreements) {
    docs.push({ id: `agreement:${a.id}`, kind: "agreement", ref: a.id, title: both(a.title), body: both(a.docType) });
    // Clauses and commitments are hits of their own, each with its own quote ("học bổng" finds the 90 scholarships).
    a.clauses.forEach((c, i) => {
      docs.push({ id: `clause:${a.id}:${i}`, kind: "clause", ref: a.id, title: "", body: both(c.text) });
    });
    a.commitments.forEach((c, i) => {
      docs.push({ id: `commitment:${a.id}:${i}`, kind: "commitment", ref: a.id, title: "", body: both(c.what) });
    });
  }
  for (const f of data.figures) {
    docs.push({
      id: `figure:${f.id}`,
      kind: "figure",
      ref: f.id,
      title: both(f.what),
      body: `${f.amount.value} ${f.amount.unit}`,
    });
  }
  for (const p of data.people) {
    docs.push({
      id: `person:${p.id}`,
      kind: "person",
      ref: p.id,
      title: p.name,
      body: p.roles.map((r) => both(r.title)).join(" "),
    });
  }
  for (const p of data.provinces) {
    docs.push({ id: `province:${p.id}`, kind: "province", ref: p.id, title: both(p.name), body: p.aliases.join(" ") });
  }
  for (const p of data.places) {
    docs.push({ id: `place:${p.id}`, kind: "place", ref: p.id, title: both(p.name), body: p.aliases.join(" ") });
  }
  for (const a of data.anniversaries) {
    docs.push({ id: `anniversary:${a.id}`, kind: "anniversary", ref: a.id, title: both(a.name), body: a.date });
  }
  for (const s of data.sources) {
    sentences(relevantText(corpus, s.file)).forEach((sentence, i) => {
      docs.push({
        id: `sentence:${s.file}:${i}`,
        kind: "sentence",
        ref: s.file,
        title: "",
        body: sentence,
        source: s.file,
      });
    });
  }
  index.addAll(docs);
  return index;
}
