// A draft's records merged into the corpus data, as approval will write them: new records appended, an existing
// person's new roles added to that person, a province a fact now cites marked covered. The same merge validates a
// draft (schema, references, quote check) before it is kept and again before it is approved.
import { type CorpusData, corpusFiles } from "../core/model";
import { type CorpusError, checkQuotes, checkReferences } from "../core/validate";
import type { Draft, DraftRecords } from "./draft";

export type RecordSelection = ReadonlySet<string> | undefined;

const DRAFT_KINDS = ["events", "agreements", "figures", "people"] as const;

/**
 * The draft's records kept by a selection of ids (all when none). Optional links to draft records left out are
 * dropped (an event's agreement, a figure's event), so approving some records never leaves a dangling reference.
 */
export function selectRecords(records: DraftRecords, selection: RecordSelection): DraftRecords {
  if (!selection) return records;
  const keep = <T extends { id: string }>(list: T[]) => list.filter((r) => selection.has(r.id));
  const all = new Set(
    [...records.events, ...records.agreements, ...records.figures, ...records.people].map((r) => r.id),
  );
  const gone = (id: string | undefined) => id !== undefined && all.has(id) && !selection.has(id);
  return {
    events: keep(records.events).map((e) => ({
      ...e,
      agreements: e.agreements.filter((a) => !gone(a)),
      people: e.people.filter((p) => !gone(p)),
    })),
    agreements: keep(records.agreements).map(({ event, ...a }) => ({
      ...a,
      ...(event && !gone(event) ? { event } : {}),
      signatories: a.signatories.filter((p) => !gone(p)),
    })),
    figures: keep(records.figures).map(({ event, ...f }) => ({ ...f, ...(event && !gone(event) ? { event } : {}) })),
    people: keep(records.people),
  };
}

/** Province ids the records cite. */
export function citedProvinces(records: DraftRecords): Set<string> {
  const ids = new Set<string>();
  for (const e of records.events) for (const p of e.provinces) ids.add(p);
  for (const a of records.agreements) for (const p of a.parties) ids.add(p);
  for (const f of records.figures) {
    ids.add(f.from);
    ids.add(f.to);
  }
  return ids;
}

export function mergeDraft(data: CorpusData, draft: Draft, records: DraftRecords): CorpusData {
  const existingPeople = new Map(data.people.map((p) => [p.id, p]));
  const people = data.people.map((p) => ({ ...p, roles: [...p.roles] }));
  for (const p of records.people) {
    const existing = existingPeople.has(p.id) ? people.find((q) => q.id === p.id) : undefined;
    if (existing) existing.roles.push(...p.roles);
    else people.push(p);
  }
  const cited = citedProvinces(records);
  const hasSource = data.sources.some((s) => s.file === draft.source.file);
  return {
    ...data,
    sources: hasSource ? data.sources : [...data.sources, draft.source],
    provinces: data.provinces.map((p) => (cited.has(p.id) && !p.covered ? { ...p, covered: true } : p)),
    people,
    events: [...data.events, ...records.events],
    agreements: [...data.agreements, ...records.agreements],
    figures: [...data.figures, ...records.figures],
  };
}

/** Schema, references and the quote check, for the corpus as it would be with these records. */
export function validateDraft(
  data: CorpusData,
  texts: ReadonlyMap<string, string>,
  draft: Draft,
  text: string,
  records: DraftRecords = draft.records,
): CorpusError[] {
  const errors: CorpusError[] = [];
  const schemaOf = {
    events: corpusFiles["events.yaml"],
    agreements: corpusFiles["agreements.yaml"],
    figures: corpusFiles["figures.yaml"],
    people: corpusFiles["people.yaml"],
  };
  for (const kind of DRAFT_KINDS) {
    const parsed = schemaOf[kind].safeParse(records[kind]);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        errors.push({ file: `${kind}.yaml`, path: issue.path.map(String).join("."), message: issue.message });
      }
    }
  }
  const source = corpusFiles["sources.yaml"].safeParse([draft.source]);
  if (!source.success) {
    for (const issue of source.error.issues) {
      errors.push({ file: "sources.yaml", path: issue.path.map(String).join("."), message: issue.message });
    }
  }
  if (errors.length) return errors;
  const merged = mergeDraft(data, draft, records);
  const allTexts = new Map(texts);
  allTexts.set(draft.source.file, text);
  return [...checkReferences(merged), ...checkQuotes(merged, allTexts)];
}
