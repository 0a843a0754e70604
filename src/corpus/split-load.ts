// A load from YAML on two threads (the machine's two cores): this thread parses the records and builds the record
// and question indexes, while a worker (split-load.worker.ts) parses the same bytes, runs every check (ids,
// references, quotes in their sources, numbers in summaries) and builds the search index, which it hands over;
// this thread keeps the source files' bytes as the texts. The corpus is kept only when the worker found no error:
// the same verdict, in the same order, as a load on one thread (parse.ts's `validate`).
import { Corpus } from "../core/corpus";
import { CorpusIndex } from "../core/corpus-index";
import type { CorpusData } from "../core/model";
import { QuestionIndex } from "../core/question-index";
import { SearchIndex, searchDocs } from "../core/search-index";
import { SourceTexts } from "../core/source-texts";
import type { CorpusError } from "../core/validate";
import { detachStrings } from "./detach-strings";
import { parseRecords, type RawFiles, sourcesInOrder, validate } from "./parse";
import type { SplitCompressed, SplitReply, SplitRequest } from "./split-load.worker";
import { startWorker } from "./start-worker";

/**
 * Below this much YAML, starting a second thread costs about what it saves (the benchmark's ×100, 12 MB, loads as
 * fast on one thread); at ×1000 (125 MB) the loading thread's work drops by a third.
 */
export const SPLIT_FROM_BYTES = 24 * 2 ** 20;

export function yamlBytes(raw: RawFiles): number {
  let total = 0;
  for (const bytes of raw.yaml.values()) total += bytes.length;
  return total;
}

type Built =
  | {
      ok: true;
      corpus: Corpus;
      split?: boolean;
      /** The texts compressed by the worker, in the corpus's order (see `buildSplit`); undefined if it failed. */
      compressed?: Promise<(readonly [string, Uint8Array])[] | undefined>;
    }
  | { ok: false; errors: CorpusError[] };

/** Validates and builds on this thread alone (data/ read into `raw`). */
export function buildHere(raw: RawFiles, version: string): Built {
  const valid = validate(raw);
  if (!valid.ok) return valid;
  return { ok: true, corpus: new Corpus(detachStrings(valid.data), valid.texts, version) };
}

/**
 * The worker's verdict on the same bytes (and its half of the corpus), or why it could not give one; with
 * `compress`, then the sources compressed (undefined if the verdict refused the data or the worker failed).
 */
function runWorker(
  raw: RawFiles,
  compress: boolean,
): { verdict: Promise<SplitReply>; compressed: Promise<SplitCompressed | undefined> } {
  let reply: (reply: SplitReply) => void = () => undefined;
  let texts: (texts: SplitCompressed | undefined) => void = () => undefined;
  const verdict = new Promise<SplitReply>((resolve) => {
    reply = resolve;
  });
  const compressed = new Promise<SplitCompressed | undefined>((resolve) => {
    texts = resolve;
  });
  let worker: ReturnType<typeof startWorker>;
  try {
    worker = startWorker("split-load.worker");
  } catch (error) {
    reply({ crashed: String(error) });
    texts(undefined);
    return { verdict, compressed };
  }
  const stop = () => {
    worker.removeAllListeners();
    void worker.terminate();
  };
  // Whatever ends the worker settles both (a promise settles once: a verdict already given stands).
  const finish = (last: SplitReply) => {
    reply(last);
    texts(undefined);
    stop();
  };
  worker.on("message", (message: SplitReply | SplitCompressed) => {
    if ("names" in message) {
      texts(message);
      stop();
    } else if (compress && !("crashed" in message) && message.errors.length === 0) {
      reply(message);
    } else {
      finish(message);
    }
  });
  worker.once("error", (error) => finish({ crashed: error.message }));
  worker.once("exit", (code) => finish({ crashed: `the worker stopped (exit code ${code})` }));
  const request: SplitRequest = {
    yaml: [...raw.yaml],
    sources: [...sourcesInOrder(raw)],
    errors: raw.errors,
    compress,
  };
  worker.postMessage(request);
  return { verdict, compressed };
}

/**
 * Validates and builds on two threads; on this one alone if the worker cannot run. With `compress`, the worker
 * then compresses the texts as a snapshot keeps them, while this thread saves the rest (`Built.compressed`).
 */
export async function buildSplit(raw: RawFiles, version: string, compress = false): Promise<Built> {
  const { verdict, compressed } = runWorker(raw, compress);
  const parsed = parseRecords(raw);
  // The corpus keeps these records: not the YAML text their strings are slices of.
  const data = detachStrings(parsed.data as CorpusData);
  let built: { index: CorpusIndex; questions: QuestionIndex } | undefined;
  let failure: unknown;
  if (parsed.errors.length === 0) {
    try {
      const index = new CorpusIndex(data);
      built = { index, questions: QuestionIndex.of({ data, index }) };
    } catch (error) {
      // Records that fail a check may not index: the check's errors are what the load reports.
      failure = error;
    }
  }
  const reply = await verdict;
  if ("crashed" in reply) {
    // Said, not hidden: the load still succeeds, on this thread, from the records it has already parsed and indexed.
    process.emitWarning(`the second loading thread failed (${reply.crashed}); loading on one thread`);
    const valid = validate(raw, parsed);
    if (!valid.ok) return valid;
    return { ok: true, corpus: new Corpus(valid.data, valid.texts, version, built) };
  }
  if (reply.errors.length > 0) return { ok: false, errors: reply.errors };
  if (!built) throw failure ?? new Error("the records parsed on one thread and not on the other");
  // Every source is UTF-8 (the worker found no error): its bytes are the stored text as they are.
  const texts = SourceTexts.fromUtf8(sourcesInOrder(raw));
  const docs = searchDocs({ data, sourceByFile: built.index.sourceByFile, texts });
  const search = SearchIndex.withDocs(reply.search, docs);
  const corpus = new Corpus(data, texts, version, { ...built, search });
  const sent = compress
    ? compressed.then((c) => c?.names.map((name, i) => [name, c.compressed[i] as Uint8Array] as const))
    : undefined;
  return { ok: true, corpus, split: true, compressed: sent };
}
