// Loads data/ in a worker thread and builds the corpus on this thread in short slices: a reload of a large
// corpus never stops the bot from answering. Works from the TypeScript sources (tsx, tests) and from dist/.
import type { Worker } from "node:worker_threads";
import { Corpus } from "../core/corpus";
import type { CorpusData } from "../core/model";
import { SourceTexts } from "../core/source-texts";
import { DistinctStrings } from "./detach-strings";
import { codeFingerprint, type LoadOptions, type LoadResult } from "./load";
import type { WorkerMessage, WorkerRequest } from "./load.worker";
import { startWorker } from "./start-worker";

/** Loads run one after another: each waits for the one before it. */
let queue: Promise<unknown> = Promise.resolve();

/** Loader threads running (each ends on its own once its load, and the snapshot it saves, are done). */
const running = new Set<Worker>();

export function loaderThreads(): number {
  return running.size;
}

/**
 * A thread for one load. It ends once done, so what it parsed is given back with it: at ×1000, a thread kept for
 * the next reload held about 1.2 GB of RSS until then. Unreferenced: it never holds the process open.
 */
function loader(): Worker {
  const worker = startWorker("load.worker");
  worker.unref();
  running.add(worker);
  worker.on("exit", () => running.delete(worker));
  return worker;
}

/** Lets other work run once a slice has taken `sliceMs`. */
export function slicer(sliceMs = 8): () => Promise<void> {
  let started = performance.now();
  return async () => {
    if (performance.now() - started < sliceMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    started = performance.now();
  };
}

export function loadCorpusInWorker(dataDir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const run = queue.then(() => loadOnce(dataDir, options));
  queue = run.catch(() => undefined);
  return run;
}

function loadOnce(dataDir: string, options: LoadOptions): Promise<LoadResult> {
  return new Promise<LoadResult>((resolve, reject) => {
    const worker = loader();
    const data: Record<string, unknown[]> = {};
    // A message brings a new string for every occurrence of one, and arrays with room to grow: each distinct string
    // is kept once and each array at its exact size, as a restored corpus keeps them (detach-strings.ts).
    const strings = new DistinctStrings();
    const texts: [string, Uint8Array][] = [];
    const stop = () => {
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    const onExit = (code: number) => {
      stop();
      reject(new Error(`the corpus loader stopped (exit code ${code})`));
    };
    // The next piece is asked for once this turn of the event loop is over, so commands run in between.
    const next = () => setImmediate(() => worker.postMessage({ type: "next" } satisfies WorkerRequest));
    const onMessage = (message: WorkerMessage) => {
      switch (message.type) {
        case "records": {
          const list = data[message.kind] ?? [];
          for (const r of strings.adopt(message.records)) list.push(r);
          data[message.kind] = list;
          next();
          break;
        }
        case "texts":
          message.names.forEach((name, i) => {
            texts.push([name, message.compressed[i] as Uint8Array]);
          });
          next();
          break;
        case "failed":
          stop();
          resolve({ ok: false, errors: message.errors });
          break;
        case "crashed":
          stop();
          reject(new Error(`the corpus loader failed: ${message.message}`));
          break;
        case "done": {
          stop();
          const full = {
            sources: [],
            provinces: [],
            places: [],
            people: [],
            events: [],
            agreements: [],
            figures: [],
            anniversaries: [],
            // Each kind's list at its exact size, as its records are.
            ...Object.fromEntries(Object.entries(data).map(([kind, list]) => [kind, list.slice()])),
          } as unknown as CorpusData;
          const stored = SourceTexts.fromCompressed(texts);
          Corpus.build(full, stored, message.version, slicer())
            .then((corpus) => resolve({ ok: true, corpus }), reject)
            // The worker builds the snapshot it saves only now (see load.worker.ts).
            .finally(() => worker.postMessage({ type: "built" } satisfies WorkerRequest));
          break;
        }
      }
    };
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    // The snapshot it may save is keyed by this thread's code, which is what will restore it.
    const request = { ...options, codeFingerprint: options.codeFingerprint ?? codeFingerprint() };
    worker.postMessage({ type: "load", dataDir, options: request } satisfies WorkerRequest);
  });
}
