// Holds the current corpus snapshot. A reload validates a whole new snapshot and swaps one reference;
// a broken data directory is refused and the old snapshot keeps serving.
import { type Corpus, RECORD_KINDS, recordId } from "../core/corpus";
import type { ReloadOutcome } from "../core/services";
import { loadCorpus } from "./load";

export type CorpusDiff = NonNullable<ReloadOutcome["diff"]>;

export function diffCorpora(before: Corpus, after: Corpus): CorpusDiff {
  const diff: CorpusDiff = {};
  for (const kind of RECORD_KINDS) {
    const old = new Map(before.data[kind].map((r) => [recordId(r as { id: string }), JSON.stringify(r)]));
    const now = new Map(after.data[kind].map((r) => [recordId(r as { id: string }), JSON.stringify(r)]));
    const added = [...now.keys()].filter((k) => !old.has(k));
    const removed = [...old.keys()].filter((k) => !now.has(k));
    const changed = [...now.keys()].filter((k) => old.has(k) && old.get(k) !== now.get(k));
    if (added.length || removed.length || changed.length) diff[kind] = { added, removed, changed };
  }
  return diff;
}

export class CorpusHolder {
  private reloading: Promise<ReloadOutcome> | undefined;

  constructor(
    private current: Corpus,
    readonly dataDir: string,
  ) {}

  static async load(dataDir: string): Promise<CorpusHolder> {
    const result = await loadCorpus(dataDir);
    if (!result.ok) {
      const list = result.errors.map((e) => `  ${e.file} ${e.path}: ${e.message}`).join("\n");
      throw new Error(`the corpus in ${dataDir} has ${result.errors.length} error(s):\n${list}`);
    }
    return new CorpusHolder(result.corpus, dataDir);
  }

  get(): Corpus {
    return this.current;
  }

  /** Re-reads data/; concurrent calls share one reload. */
  reload(): Promise<ReloadOutcome> {
    this.reloading ??= this.doReload().finally(() => {
      this.reloading = undefined;
    });
    return this.reloading;
  }

  private async doReload(): Promise<ReloadOutcome> {
    const result = await loadCorpus(this.dataDir);
    if (!result.ok) return { ok: false, version: this.current.version, errors: result.errors };
    const diff = diffCorpora(this.current, result.corpus);
    this.current = result.corpus;
    return { ok: true, version: result.corpus.version, diff };
  }
}
