// Loads data/ in a worker thread and builds the corpus on this thread in short slices: a reload of a large
// corpus never stops the bot from answering. Works from the TypeScript sources (tsx, tests) and from dist/.
import { Worker } from "node:worker_threads";
import { Corpus } from "../core/corpus";
import type { CorpusData } from "../core/model";
import type { LoadOptions, LoadResult } from "./load";
import type { WorkerMessage } from "./load.worker";

/** Where this module runs from: a .ts source (tsx, vitest) or a bundle in dist/ beside load.worker.js. */
// biome-ignore lint/complexity/useLiteralKeys: the build rewrites `import.meta.url` to the source path; this must stay the running file.
const here: string = import.meta["url"];

function startWorker(workerData: unknown): Worker {
  if (here.endsWith(".js")) return new Worker(new URL("./load.worker.js", here), { workerData });
  // A worker does not inherit tsx's loader hooks: register them in the worker before importing the .ts file.
  const target = new URL("./load.worker.ts", here).href;
  const api = import.meta.resolve("tsx/esm/api");
  const boot = `import { register } from ${JSON.stringify(api)}; register(); await import(${JSON.stringify(target)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), { workerData });
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
  return new Promise<LoadResult>((resolve, reject) => {
    const worker = startWorker({ dataDir, options });
    const data: Record<string, unknown[]> = {};
    const texts = new Map<string, string>();
    let settled = false;
    const finish = (f: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      f();
    };
    worker.on("message", (message: WorkerMessage) => {
      switch (message.type) {
        case "records": {
          const list = data[message.kind] ?? [];
          for (const r of message.records) list.push(r);
          data[message.kind] = list;
          break;
        }
        case "texts":
          for (const [name, text] of message.texts) texts.set(name, text);
          break;
        case "failed":
          finish(() => resolve({ ok: false, errors: message.errors }));
          break;
        case "done": {
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
          settled = true;
          void worker.terminate();
          Corpus.build(full, texts, message.version, slicer()).then((corpus) => resolve({ ok: true, corpus }), reject);
          break;
        }
      }
    });
    worker.on("error", (error) => finish(() => reject(error)));
    worker.on("exit", (code) => finish(() => reject(new Error(`the corpus loader stopped (exit code ${code})`))));
  });
}
