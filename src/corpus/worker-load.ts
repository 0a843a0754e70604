// Loads data/ in a worker thread and builds the corpus on this thread in short slices: a reload of a large
// corpus never stops the bot from answering. Works from the TypeScript sources (tsx, tests) and from dist/.
import type { Worker } from "node:worker_threads";
import { Corpus } from "../core/corpus";
import type { CorpusData } from "../core/model";
import { codeFingerprint, type LoadOptions, type LoadResult } from "./load";
import type { WorkerMessage, WorkerRequest } from "./load.worker";
import { startWorker } from "./start-worker";

/** The loader thread, started on the first reload and kept (unreferenced: it never holds the process open). */
let shared: Worker | undefined;
/** Loads run one after another: each waits for the one before it. */
let queue: Promise<unknown> = Promise.resolve();

function loader(): Worker {
  if (shared) return shared;
  const worker = startWorker("load.worker");
  worker.unref();
  worker.on("exit", () => {
    if (shared === worker) shared = undefined;
  });
  shared = worker;
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
    const texts = new Map<string, string>();
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
          for (const r of message.records) list.push(r);
          data[message.kind] = list;
          next();
          break;
        }
        case "texts":
          for (const [name, text] of message.texts) texts.set(name, text);
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
            ...data,
          } as unknown as CorpusData;
          Corpus.build(full, texts, message.version, slicer()).then((corpus) => resolve({ ok: true, corpus }), reject);
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
