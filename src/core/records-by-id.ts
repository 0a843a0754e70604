// Every record by its id, in one Map from id to the record's position across the kinds: no object per record
// ({ kind, record }) and no second Map per kind. At ×1000 (154,000 records) those took about 13 MB, filled again
// on every restore. Ids are unique across kinds (validate.ts checks it).
import type { CorpusData } from "./model";

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

const KIND_INDEX = Object.fromEntries(RECORD_KINDS.map((kind, i) => [kind, i])) as Record<RecordKind, number>;

/** Stable id of any record: `file` for sources, `id` for the rest. */
export function recordId(record: { id: string } | { file: string }): string {
  return "id" in record ? record.id : record.file;
}

/** A record and its kind, as `RecordsById.get` gives it. */
export interface RecordRef {
  kind: RecordKind;
  record: unknown;
}

export class RecordsById implements Iterable<[string, RecordRef]> {
  private readonly at = new Map<string, number>();
  /** Position of each kind's first record, in `RECORD_KINDS` order, and one past the last. */
  private readonly starts: number[] = [];

  constructor(private readonly data: Readonly<CorpusData>) {}

  /** Fills the map, yielding every few hundred records. */
  *fill(): Generator<void> {
    let position = 0;
    for (const kind of RECORD_KINDS) {
      this.starts.push(position);
      for (const record of this.data[kind] as ({ id: string } | { file: string })[]) {
        this.at.set(recordId(record), position++);
        if (position % 256 === 0) yield;
      }
    }
    this.starts.push(position);
  }

  get size(): number {
    return this.at.size;
  }

  has(id: string): boolean {
    return this.at.has(id);
  }

  get(id: string): RecordRef | undefined {
    const position = this.at.get(id);
    return position === undefined ? undefined : this.refAt(position);
  }

  /** The record of this kind with this id (none when the id is another kind's). */
  of<K extends RecordKind>(kind: K, id: string): CorpusData[K][number] | undefined {
    const position = this.at.get(id);
    if (position === undefined) return undefined;
    const k = KIND_INDEX[kind];
    const first = this.starts[k] as number;
    return position >= first && position < (this.starts[k + 1] as number)
      ? (this.data[kind][position - first] as CorpusData[K][number])
      : undefined;
  }

  keys(): IterableIterator<string> {
    return this.at.keys();
  }

  *entries(): IterableIterator<[string, RecordRef]> {
    for (const [id, position] of this.at) yield [id, this.refAt(position)];
  }

  [Symbol.iterator](): IterableIterator<[string, RecordRef]> {
    return this.entries();
  }

  private refAt(position: number): RecordRef {
    let k = 0;
    while (position >= (this.starts[k + 1] as number)) k++;
    const kind = RECORD_KINDS[k] as RecordKind;
    return { kind, record: this.data[kind][position - (this.starts[k] as number)] };
  }
}

/** Records of one kind by id, as read: a Map of them serves too. */
export interface ById<T> {
  get(id: string): T | undefined;
  has(id: string): boolean;
}

/** The records of one kind by id: a view of `RecordsById`, read as a Map of that kind is. */
export class KindById<K extends RecordKind> implements ById<CorpusData[K][number]> {
  constructor(
    private readonly all: RecordsById,
    private readonly kind: K,
  ) {}

  get(id: string): CorpusData[K][number] | undefined {
    return this.all.of(this.kind, id);
  }

  has(id: string): boolean {
    return this.all.of(this.kind, id) !== undefined;
  }
}
