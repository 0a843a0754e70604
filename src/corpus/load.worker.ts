// Worker thread: reads, parses and validates data/ (or its snapshot) off the event loop, then sends the result
// in small messages, so the main thread takes it in a piece at a time between the commands it answers.
import { parentPort, workerData } from "node:worker_threads";
import type { CorpusData } from "../core/model";
import { type LoadOptions, loadCorpusData } from "./load";

export type WorkerMessage =
  | { type: "records"; kind: keyof CorpusData; records: unknown[] }
  | { type: "texts"; texts: [string, string][] }
  | { type: "done"; version: string; cached: boolean }
  | { type: "failed"; errors: { file: string; path: string; message: string }[] };

const RECORDS_PER_MESSAGE = 250;
const TEXTS_PER_MESSAGE = 16;

const { dataDir, options } = workerData as { dataDir: string; options: LoadOptions };
const port = parentPort;
if (!port) throw new Error("load.worker runs as a worker thread");
const loaded = await loadCorpusData(dataDir, options);
if (!loaded.ok) {
  port.postMessage({ type: "failed", errors: loaded.errors } satisfies WorkerMessage);
} else {
  for (const kind of Object.keys(loaded.data) as (keyof CorpusData)[]) {
    const records = loaded.data[kind] as unknown[];
    for (let i = 0; i < records.length; i += RECORDS_PER_MESSAGE) {
      port.postMessage({
        type: "records",
        kind,
        records: records.slice(i, i + RECORDS_PER_MESSAGE),
      } satisfies WorkerMessage);
    }
  }
  for (let i = 0; i < loaded.texts.length; i += TEXTS_PER_MESSAGE) {
    port.postMessage({ type: "texts", texts: loaded.texts.slice(i, i + TEXTS_PER_MESSAGE) } satisfies WorkerMessage);
  }
  port.postMessage({ type: "done", version: loaded.version, cached: loaded.cached } satisfies WorkerMessage);
}
