// Checks that go beyond one record's shape: ids unique, references resolve, quotes occur in their sources.
// Pure: takes parsed data and source texts, returns a list of errors (empty when all is well).
import { citationsIn, RECORD_KINDS, recordId } from "./corpus";
import type { CorpusData, SourceDoc } from "./model";
import { normalizeSpace } from "./normalize";

export interface CorpusError {
  file: string;
  path: string;
  message: string;
}

const FILE_OF: Record<keyof CorpusData, string> = {
  sources: "sources.yaml",
  provinces: "provinces.yaml",
  places: "places.yaml",
  people: "people.yaml",
  events: "events.yaml",
  agreements: "agreements.yaml",
  figures: "figures.yaml",
  anniversaries: "anniversaries.yaml",
};

/** The text of a source's segments that may be quoted: those marked about Vietnam–Laos. */
function quotableText(doc: SourceDoc, text: string): string {
  const lines = text.split("\n");
  return normalizeSpace(
    doc.segments
      .filter((s) => s.vietnamLaos)
      .map((s) => lines.slice(s.lines[0] - 1, s.lines[1]).join("\n"))
      .join("\n"),
  );
}

type Verdict = "ok" | "missing" | "outside";

/**
 * Every quote must occur in its source text, white space (including U+00A0) normalised, and inside a segment
 * marked as Vietnam–Laos: a sentence from a related-links menu or an unrelated box can never back a fact.
 * Each source is normalised once, and each distinct (source, quote) pair is looked up once.
 */
export function checkQuotes(data: CorpusData, texts: ReadonlyMap<string, string>): CorpusError[] {
  const errors: CorpusError[] = [];
  const docs = new Map(data.sources.map((s) => [s.file, s]));
  type Prepared = { whole: string; quotable: string | undefined; verdicts: Map<string, Verdict> };
  const prepared = new Map<string, Prepared>();
  const source = (file: string) => {
    let p = prepared.get(file);
    const text = texts.get(file);
    if (!p && text !== undefined) {
      const doc = docs.get(file);
      p = { whole: normalizeSpace(text), quotable: doc ? quotableText(doc, text) : undefined, verdicts: new Map() };
      prepared.set(file, p);
    }
    return p;
  };
  for (const kind of RECORD_KINDS) {
    data[kind].forEach((record, i) => {
      for (const c of citationsIn(record)) {
        // Made only for an error: 213,000 citations at ×1000, nearly all fine.
        const where = () => ({ file: FILE_OF[kind], path: `[${i}] ${recordId(record as { id: string })}` });
        const src = source(c.source);
        if (src === undefined) {
          errors.push({ ...where(), message: `source "${c.source}" is not a file in data/sources/` });
          continue;
        }
        // Per source, by the quote itself: a key joined from the two would be a new long string to hash each time.
        let verdict = src.verdicts.get(c.quote);
        if (verdict === undefined) {
          const quote = normalizeSpace(c.quote);
          verdict = !src.whole.includes(quote) ? "missing" : !src.quotable?.includes(quote) ? "outside" : "ok";
          src.verdicts.set(c.quote, verdict);
        }
        if (verdict === "missing") {
          errors.push({ ...where(), message: `quote not found in ${c.source}: “${c.quote.slice(0, 80)}”` });
        } else if (verdict === "outside") {
          errors.push({
            ...where(),
            message: `quote comes from a part of ${c.source} not marked Vietnam–Laos (page furniture or an unrelated box): “${c.quote.slice(0, 80)}”`,
          });
        }
      }
    });
  }
  return errors;
}

/** Unique ids and references to provinces, people, places, events and agreements that exist. */
export function checkReferences(data: CorpusData): CorpusError[] {
  const errors: CorpusError[] = [];
  const ids = new Map<string, string>();
  for (const kind of RECORD_KINDS) {
    data[kind].forEach((record, i) => {
      const id = recordId(record as { id: string });
      const seen = ids.get(id);
      if (seen)
        errors.push({ file: FILE_OF[kind], path: `[${i}].id`, message: `duplicate id "${id}" (also in ${seen})` });
      ids.set(id, FILE_OF[kind]);
    });
  }
  const sets = {
    province: new Set(data.provinces.map((p) => p.id)),
    person: new Set(data.people.map((p) => p.id)),
    place: new Set(data.places.map((p) => p.id)),
    event: new Set(data.events.map((e) => e.id)),
    agreement: new Set(data.agreements.map((a) => a.id)),
  };
  const refs = new Set([...sets.event, ...sets.agreement]);
  const need = (
    kind: keyof typeof sets | "event-or-agreement",
    value: string | undefined,
    file: string,
    path: string,
  ) => {
    if (value === undefined) return;
    const ok = kind === "event-or-agreement" ? refs.has(value) : sets[kind].has(value);
    if (!ok) errors.push({ file, path, message: `unknown ${kind} "${value}"` });
  };
  data.places.forEach((p, i) => need("province", p.province, "places.yaml", `[${i}].province`));
  data.people.forEach((p, i) => {
    need("province", p.province, "people.yaml", `[${i}].province`);
    p.roles.forEach((r, j) => need("event-or-agreement", r.at, "people.yaml", `[${i}].roles[${j}].at`));
  });
  data.events.forEach((e, i) => {
    e.provinces.forEach((p, j) => need("province", p, "events.yaml", `[${i}].provinces[${j}]`));
    e.places.forEach((p, j) => need("place", p, "events.yaml", `[${i}].places[${j}]`));
    e.people.forEach((p, j) => need("person", p, "events.yaml", `[${i}].people[${j}]`));
    e.agreements.forEach((a, j) => need("agreement", a, "events.yaml", `[${i}].agreements[${j}]`));
  });
  data.agreements.forEach((a, i) => {
    a.parties.forEach((p, j) => need("province", p, "agreements.yaml", `[${i}].parties[${j}]`));
    a.signatories.forEach((p, j) => need("person", p, "agreements.yaml", `[${i}].signatories[${j}]`));
    need("event", a.event, "agreements.yaml", `[${i}].event`);
    need("agreement", a.renewedBy, "agreements.yaml", `[${i}].renewedBy`);
    a.commitments.forEach((c, j) => {
      need("province", c.by, "agreements.yaml", `[${i}].commitments[${j}].by`);
      need("province", c.to, "agreements.yaml", `[${i}].commitments[${j}].to`);
    });
  });
  data.figures.forEach((f, i) => {
    need("province", f.from, "figures.yaml", `[${i}].from`);
    need("province", f.to, "figures.yaml", `[${i}].to`);
    need("event", f.event, "figures.yaml", `[${i}].event`);
  });
  return errors;
}
