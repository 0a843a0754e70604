// Folded province names and aliases → the ids of the provinces using them, as sorted parallel arrays: at ×1000
// (640,000 names) a Map cost about 40 MB and a third of a second to fill again on each restore, where a binary
// search over the sorted names costs well under a microsecond. Sorted, the names also answer prefix ranges
// ("luang " → "luang prabang", "luang namtha") without a second sorted list.
import { revive } from "./revive";
import { byCodeUnits, lowerBound, sortSteps } from "./sort-steps";

export class AliasTable implements Iterable<[string, readonly string[]]> {
  /**
   * @param names distinct, in code-unit order
   * @param lists the distinct id lists (nearly every name's list is shared by all names of its province)
   * @param listOf per name, its list's position in `lists`
   */
  private constructor(
    readonly names: readonly string[],
    private readonly lists: readonly (readonly string[])[],
    private readonly listOf: Int32Array,
  ) {}

  /** The table of a map's entries, sorted in steps (see sortSteps). */
  static *steps(map: ReadonlyMap<string, readonly string[]>): Generator<void, AliasTable> {
    const names = yield* sortSteps([...map.keys()], byCodeUnits);
    const lists: (readonly string[])[] = [];
    const listIds = new Map<readonly string[], number>();
    const listOf = new Int32Array(names.length);
    for (const [i, name] of names.entries()) {
      if (i % 4096 === 4095) yield;
      const ids = map.get(name) as readonly string[];
      let l = listIds.get(ids);
      if (l === undefined) {
        l = lists.length;
        lists.push(ids);
        listIds.set(ids, l);
      }
      listOf[i] = l;
    }
    return new AliasTable(names, lists, listOf);
  }

  static empty(): AliasTable {
    return new AliasTable([], [], new Int32Array(0));
  }

  /** What a snapshot keeps: the table as it is (three flat lists). */
  saved(): unknown {
    return { ...this };
  }

  static revive(saved: unknown): AliasTable {
    return revive(AliasTable, saved);
  }

  get size(): number {
    return this.names.length;
  }

  get(name: string): readonly string[] | undefined {
    const at = lowerBound(this.names, name);
    return this.names[at] === name ? this.idsAt(at) : undefined;
  }

  /** The ids of the name at a position. */
  idsAt(at: number): readonly string[] {
    return this.lists[this.listOf[at] as number] as readonly string[];
  }

  /** Ids of the provinces with a name that starts with `prefix`, in name order. */
  *withPrefix(prefix: string): Generator<readonly string[]> {
    for (let at = lowerBound(this.names, prefix); at < this.names.length; at++) {
      if (!(this.names[at] as string).startsWith(prefix)) return;
      yield this.idsAt(at);
    }
  }

  keys(): IterableIterator<string> {
    return this.names.values();
  }

  *[Symbol.iterator](): Iterator<[string, readonly string[]]> {
    for (let at = 0; at < this.names.length; at++) yield [this.names[at] as string, this.idsAt(at)];
  }
}
