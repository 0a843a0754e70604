// Holds the current corpus snapshot. A reload validates a whole new snapshot and swaps one reference;
// a broken data directory is refused and the old snapshot keeps serving.
import { isDeepStrictEqual } from "node:util";
import { type Corpus, RECORD_KINDS, recordId } from "../core/corpus";
import type { ReloadOutcome } from "../core/services";
import { runSteps, runStepsPausing } from "../core/steps";
import { type LoadOptions, type LoadResult, loadCorpus, loadCorpusInChild } from "./load";
import { slicer } from "./slicer";

export type CorpusDiff = NonNullable<ReloadOutcome["diff"]>;

export function diffCorpora(before: Corpus, after: Corpus): CorpusDiff {
  return runSteps(diffSteps(before, after));
}

/** The same diff, with `pause` awaited every few hundred records (a large corpus is compared on the main thread). */
export function diffCorporaSliced(before: Corpus, after: Corpus, pause: () => Promise<void>): Promise<CorpusDiff> {
  return runStepsPausing(diffSteps(before, after), pause);
}

/** Records by id, yielding every few hundred. */
function* byId(records: readonly unknown[]): Generator<void, Map<string, unknown>> {
  const out = new Map<string, unknown>();
  for (const [i, r] of records.entries()) {
    if (i % 256 === 255) yield;
    out.set(recordId(r as { id: string }), r);
  }
  return out;
}

function* diffSteps(before: Corpus, after: Corpus): Generator<void, CorpusDiff> {
  const diff: CorpusDiff = {};
  for (const kind of RECORD_KINDS) {
    const old = yield* byId(before.data[kind]);
    const now = yield* byId(after.data[kind]);
    const added = [...now.keys()].filter((k) => !old.has(k));
    const removed = [...old.keys()].filter((k) => !now.has(k));
    const changed: string[] = [];
    let step = 0;
    for (const [id, record] of now) {
      if (++step % 256 === 0) yield;
      // Compared in place: the JSON of every record of both versions was hundreds of MB at once at ×1000.
      if (old.has(id) && !isDeepStrictEqual(old.get(id), record)) changed.push(id);
    }
    if (added.length || removed.length || changed.length) diff[kind] = { added, removed, changed };
  }
  return diff;
}

/** A reload: built in a child process, restored here in slices of a few milliseconds. */
function reloadCorpus(dataDir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const run = queue.then(() => loadCorpusInChild(dataDir, options, slicer()));
  queue = run.catch(() => undefined);
  return run;
}

/** Reloads run one after another (of any holder): each waits for the one before it. */
let queue: Promise<unknown> = Promise.resolve();

export class CorpusHolder {
  private reloading: Promise<ReloadOutcome> | undefined;
  /** The one reload queued behind the running one; every caller that arrives meanwhile shares it. */
  private queued: Promise<ReloadOutcome> | undefined;

  constructor(
    private current: Corpus,
    readonly dataDir: string,
    /**
     * How a reload reads data/: by default built in a child process, the new version restored here from the
     * snapshot it saves, in short slices, so commands keep their answers coming meanwhile (tests can pass their own
     * to hold a reload at a chosen point).
     */
    private readonly load: (dataDir: string) => Promise<LoadResult> = (dir) => reloadCorpus(dir),
  ) {}

  /** The first load runs here (nothing is waiting for answers yet); reloads go through a child process. */
  static async load(dataDir: string, options: LoadOptions = {}): Promise<CorpusHolder> {
    const result = await loadCorpus(dataDir, options);
    if (!result.ok) {
      const list = result.errors.map((e) => `  ${e.file} ${e.path}: ${e.message}`).join("\n");
      throw new Error(`the corpus in ${dataDir} has ${result.errors.length} error(s):\n${list}`);
    }
    return new CorpusHolder(result.corpus, dataDir, (dir) => reloadCorpus(dir, options));
  }

  get(): Corpus {
    return this.current;
  }

  /**
   * Re-reads data/. A call made while a reload runs may follow an edit that reload started too early to see,
   * so it gets a fresh reload that starts when the running one ends; further callers share that one.
   */
  reload(): Promise<ReloadOutcome> {
    if (!this.reloading) return this.startReload();
    this.queued ??= this.reloading
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.startReload();
      });
    return this.queued;
  }

  private startReload(): Promise<ReloadOutcome> {
    const run: Promise<ReloadOutcome> = this.doReload().finally(() => {
      // With a reload queued, this one stays "running" until the queued one takes over, so no caller slips
      // in between and starts a third one alongside.
      if (this.reloading === run && !this.queued) this.reloading = undefined;
    });
    this.reloading = run;
    return run;
  }

  private async doReload(): Promise<ReloadOutcome> {
    const result = await this.load(this.dataDir);
    if (!result.ok) return { ok: false, version: this.current.version, errors: result.errors };
    const diff = await diffCorporaSliced(this.current, result.corpus, slicer());
    this.current = result.corpus;
    return { ok: true, version: result.corpus.version, diff, counts: result.corpus.counts() };
  }
}
