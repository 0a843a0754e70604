// An immutable corpus snapshot with its indexes. A reload builds a whole new one and swaps a reference.
import { createHash } from "node:crypto";
import type { Agreement, CitationRef, CorpusData, CorpusEvent, Person, Place, Province, SourceDoc } from "./model";
import { fold, foldTight } from "./normalize";
import { buildSearchIndex, type SearchIndex } from "./search-index";

export type RecordKind = keyof CorpusData;
export const RECORD_KINDS: readonly RecordKind[] = [
  "sources",
  "provinces",
  "places",
  "people",
  "events",
  "agreements",
  "figures",
  "anniversaries",
];

/** Stable id of any record: `file` for sources, `id` for the rest. */
export function recordId(record: { id: string } | { file: string }): string {
  return "id" in record ? record.id : record.file;
}

export class Corpus {
  readonly version: string;
  readonly byId = new Map<string, { kind: RecordKind; record: unknown }>();
  readonly provinceById = new Map<string, Province>();
  readonly sourceByFile = new Map<string, SourceDoc>();
  /** Folded alias (both spaced and tight forms) → province ids that use it. */
  readonly provinceAlias = new Map<string, Set<string>>();
  readonly search: SearchIndex;

  constructor(
    readonly data: Readonly<CorpusData>,
    readonly texts: ReadonlyMap<string, string>,
  ) {
    for (const kind of RECORD_KINDS) {
      for (const record of data[kind] as ({ id: string } | { file: string })[]) {
        this.byId.set(recordId(record), { kind, record });
      }
    }
    for (const p of data.provinces) {
      this.provinceById.set(p.id, p);
      for (const alias of [p.name.vi, p.name.en, p.id, ...p.aliases]) {
        for (const key of [fold(alias), foldTight(alias)]) {
          if (!key) continue;
          const set = this.provinceAlias.get(key) ?? new Set<string>();
          set.add(p.id);
          this.provinceAlias.set(key, set);
        }
      }
    }
    for (const s of data.sources) this.sourceByFile.set(s.file, s);
    this.version = corpusVersion(data, texts);
    this.search = buildSearchIndex(this);
  }

  counts(): Record<RecordKind, number> {
    const out = {} as Record<RecordKind, number>;
    for (const kind of RECORD_KINDS) out[kind] = this.data[kind].length;
    return out;
  }

  province(id: string): Province | undefined {
    return this.provinceById.get(id);
  }

  person(id: string): Person | undefined {
    return this.data.people.find((p) => p.id === id);
  }

  place(id: string): Place | undefined {
    return this.data.places.find((p) => p.id === id);
  }

  agreement(id: string): Agreement | undefined {
    return this.data.agreements.find((a) => a.id === id);
  }

  eventsOf(provinceId: string): CorpusEvent[] {
    return this.data.events.filter((e) => e.provinces.includes(provinceId));
  }

  agreementsOf(provinceId: string): Agreement[] {
    return this.data.agreements.filter((a) => a.parties.includes(provinceId));
  }

  /** Provinces that share an agreement or an event with this one. */
  partnersOf(provinceId: string): Province[] {
    const ids = new Set<string>();
    for (const a of this.agreementsOf(provinceId)) for (const p of a.parties) ids.add(p);
    for (const e of this.eventsOf(provinceId)) for (const p of e.provinces) ids.add(p);
    ids.delete(provinceId);
    return [...ids].map((id) => this.provinceById.get(id)).filter((p): p is Province => p !== undefined);
  }

  sourceTitle(file: string): string {
    return this.sourceByFile.get(file)?.title ?? file;
  }
}

/** Content hash over data and source texts: the corpus version shown by /status and /reload. */
export function corpusVersion(data: Readonly<CorpusData>, texts: ReadonlyMap<string, string>): string {
  const hash = createHash("sha256");
  hash.update(JSON.stringify(data));
  for (const [file, text] of [...texts].sort(([a], [b]) => a.localeCompare(b))) {
    hash.update(file);
    hash.update(text);
  }
  return hash.digest("hex").slice(0, 12);
}

/** Every citation in a record, wherever it is nested. */
export function citationsIn(value: unknown, out: CitationRef[] = []): CitationRef[] {
  if (Array.isArray(value)) {
    for (const v of value) citationsIn(v, out);
  } else if (value && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    if (typeof obj.source === "string" && typeof obj.quote === "string") {
      out.push(obj as unknown as CitationRef);
    } else {
      for (const v of Object.values(obj)) citationsIn(v, out);
    }
  }
  return out;
}
