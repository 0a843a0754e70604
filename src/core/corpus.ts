// An immutable corpus snapshot with its indexes. A reload builds a whole new one and swaps a reference.

import { createHash } from "node:crypto";
import { AliasTable } from "./alias-table";
import { CorpusIndex, RECORD_KINDS, type RecordKind } from "./corpus-index";
import { oldestFirst } from "./describe";
import { type Lang, pick } from "./i18n";
import { grown, IntList } from "./int-list";
import { markedWordsCode } from "./marked-words";
import type {
  Agreement,
  Anniversary,
  CitationRef,
  CorpusData,
  CorpusEvent,
  Figure,
  Person,
  Place,
  Province,
} from "./model";
import { NameIndex } from "./name-index";
import { fold, foldTight, normalizeSpace, unmarked } from "./normalize";
import { QuestionIndex, questionIndexCode } from "./question-index";
import {
  buildSearchIndex,
  buildSearchIndexSliced,
  type SavedSentences,
  SearchIndex,
  searchDocSteps,
} from "./search-index";
import { sortSteps } from "./sort-steps";
import { SourceTexts } from "./source-texts";
import { runSteps, runStepsPausing } from "./steps";
import { trigramSet } from "./trigrams";
import { SeparatorClass, splitWords } from "./word-scan";

export type { RecordKind } from "./corpus-index";
export { RECORD_KINDS, recordId } from "./corpus-index";

export interface CorpusSnapshot {
  data: Readonly<CorpusData>;
  texts: SourceTexts;
  version: string;
  /** `CorpusIndex.saved()`. */
  index: unknown;
  /** `SearchIndex.saved()`. */
  search: { index: unknown; sentences: SavedSentences };
  /** `QuestionIndex.saved()`. */
  questions: unknown;
}

export class Corpus {
  readonly version: string;
  /** Every lookup, built once for this version: commands read these instead of scanning `data`. */
  readonly index: CorpusIndex;
  readonly byId: CorpusIndex["byId"];
  readonly provinceById: CorpusIndex["provinceById"];
  readonly sourceByFile: CorpusIndex["sourceByFile"];
  /** Folded alias (both spaced and tight forms) → province ids that use it. */
  readonly provinceAlias: CorpusIndex["provinceAlias"];
  readonly search: SearchIndex;
  /** The facts `/ask` ranks and their word index (plain data in `questions.data`). */
  readonly questions: QuestionIndex;

  /** The source articles' texts by file name (one UTF-8 block, decoded on `get`; compressed when restored). */
  readonly texts: SourceTexts;

  constructor(
    readonly data: Readonly<CorpusData>,
    texts: ReadonlyMap<string, string>,
    /** The content hash, when the caller already has it (the loader hashes the files). */
    version?: string,
    /** Indexes built beforehand (`Corpus.build`); those missing are built here, at once. */
    built?: { index: CorpusIndex; search?: SearchIndex; questions: QuestionIndex },
  ) {
    this.texts = SourceTexts.of(texts);
    this.index = built?.index ?? new CorpusIndex(data);
    this.byId = this.index.byId;
    this.provinceById = this.index.provinceById;
    this.sourceByFile = this.index.sourceByFile;
    this.provinceAlias = this.index.provinceAlias;
    this.version = version ?? corpusVersion(data, texts);
    this.search = built?.search ?? buildSearchIndex(this);
    this.questions = built?.questions ?? QuestionIndex.of({ data, index: this.index });
  }

  /**
   * Builds a corpus in slices: `pause` is awaited between steps of a few hundred records, so a reload on the
   * main thread never holds the event loop for long.
   */
  static async build(
    data: Readonly<CorpusData>,
    texts: ReadonlyMap<string, string>,
    version: string,
    pause: () => Promise<void>,
  ): Promise<Corpus> {
    const stored = await runStepsPausing(SourceTexts.steps(texts), pause);
    const index = await CorpusIndex.build(data, pause);
    const search = await buildSearchIndexSliced({ data, sourceByFile: index.sourceByFile, texts: stored }, pause);
    const questions = await QuestionIndex.build({ data, index }, pause);
    return new Corpus(data, stored, version, { index, search, questions });
  }

  /**
   * Everything this version holds, records and built indexes together, for one `v8.serialize` (which keeps the
   * indexes pointing at the same record objects): a restart with unchanged data restores it instead of building.
   */
  snapshot(): CorpusSnapshot {
    return {
      data: this.data,
      texts: this.texts,
      version: this.version,
      index: this.index.saved(),
      search: this.search.saved(this.data.sources),
      questions: this.questions.saved(),
    };
  }

  /** A corpus from a deserialized `snapshot()`: the costly indexes as saved, the cheap lookups made again. */
  static restore(saved: CorpusSnapshot): Corpus {
    return runSteps(Corpus.restoreSteps(saved));
  }

  /** `restore` as steps of a few hundred records: a reload restores the next version between answers. */
  static *restoreSteps(saved: CorpusSnapshot): Generator<void, Corpus> {
    const { data } = saved;
    const texts = SourceTexts.revive(saved.texts);
    const index = yield* CorpusIndex.reviveSteps(saved.index, data);
    const docs = yield* searchDocSteps({ data, sourceByFile: index.sourceByFile, texts }, saved.search.sentences);
    yield;
    return new Corpus(data, texts, saved.version, {
      index,
      search: SearchIndex.withDocs(saved.search.index, docs),
      questions: QuestionIndex.revive(saved.questions, { data, index }),
    });
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
    return this.index.personById.get(id);
  }

  place(id: string): Place | undefined {
    return this.index.placeById.get(id);
  }

  agreement(id: string): Agreement | undefined {
    return this.index.agreementById.get(id);
  }

  event(id: string): CorpusEvent | undefined {
    return this.index.eventById.get(id);
  }

  figure(id: string): Figure | undefined {
    return this.index.figureById.get(id);
  }

  anniversary(id: string): Anniversary | undefined {
    const found = this.byId.get(id);
    return found?.kind === "anniversaries" ? (found.record as Anniversary) : undefined;
  }

  eventsOf(provinceId: string): CorpusEvent[] {
    return this.index.eventsByProvince.get(provinceId) ?? [];
  }

  agreementsOf(provinceId: string): Agreement[] {
    return this.index.agreementsByProvince.get(provinceId) ?? [];
  }

  /** Agreements signed in this year or in force during it, in file order. */
  agreementsIn(year: number): Agreement[] {
    return this.index.agreementsByYear.get(year) ?? [];
  }

  /** Figures given or received by this province. */
  figuresOf(provinceId: string): Figure[] {
    return this.index.figuresByProvince.get(provinceId) ?? [];
  }

  placesIn(provinceId: string): Place[] {
    return this.index.placesByProvince.get(provinceId) ?? [];
  }

  /** People with a role at any of these events or agreements, in file order. */
  peopleAt(occasions: Iterable<string>): Person[] {
    return this.index.peopleAt(occasions);
  }

  /** Provinces that share an agreement or an event with this one. */
  partnersOf(provinceId: string): Province[] {
    const ids = new Set<string>();
    for (const a of this.agreementsOf(provinceId)) for (const p of a.parties) ids.add(p);
    for (const e of this.eventsOf(provinceId)) for (const p of e.provinces) ids.add(p);
    ids.delete(provinceId);
    return [...ids].map((id) => this.provinceById.get(id)).filter((p): p is Province => p !== undefined);
  }

  /**
   * The events in date order: the corpus's, or a province's. Sorted on first use, once per list: a timeline of
   * everything is not sorted at every call.
   */
  eventsInDateOrder(provinceId?: string): CorpusEvent[] {
    const events = provinceId === undefined ? this.data.events : this.eventsOf(provinceId);
    let ordered = this.dateOrders.get(events);
    if (ordered === undefined) {
      ordered = oldestFirst(events);
      this.dateOrders.set(events, ordered);
    }
    return ordered;
  }
  private readonly dateOrders = new WeakMap<readonly CorpusEvent[], CorpusEvent[]>();

  /** Ids of the records citing a source file, in record order (on first use, one pass over every record). */
  recordsCiting(file: string): readonly string[] {
    if (this.citing === undefined) {
      this.citing = new Map();
      for (const [id, { kind, record }] of this.byId) {
        if (kind === "sources") continue;
        for (const cited of new Set(citationsIn(record).map((c) => c.source))) {
          const ids = this.citing.get(cited);
          if (ids) ids.push(id);
          else this.citing.set(cited, [id]);
        }
      }
    }
    return this.citing.get(file) ?? [];
  }
  private citing: Map<string, string[]> | undefined;

  /** A province's name in `lang`, or its id when the corpus does not know it. */
  provinceName(id: string, lang: Lang): string {
    const province = this.province(id);
    return province ? pick(province.name, lang) : id;
  }

  sourceTitle(file: string): string {
    return this.sourceByFile.get(file)?.title ?? file;
  }
}

/**
 * The source of the code that builds a corpus's indexes: a snapshot saved by other code (an upgrade, an edit
 * during development) is not restored, since its indexes would not be what this code builds.
 */
export function indexingCode(): string {
  return [
    Corpus,
    CorpusIndex,
    AliasTable,
    NameIndex,
    SearchIndex,
    SourceTexts,
    searchDocSteps,
    sortSteps,
    IntList,
    grown,
    trigramSet,
    fold,
    foldTight,
    unmarked,
    normalizeSpace,
    SeparatorClass,
    splitWords,
  ]
    .map(String)
    .concat(questionIndexCode(), markedWordsCode())
    .join("\n");
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
