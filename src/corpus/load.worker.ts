// Worker thread: reads, parses and validates data/ (or its snapshot) off the event loop, then sends the result
// in small messages, so the main thread takes it in a piece at a time between the commands it answers.
// One load per thread: it ends once the load (and the snapshot it saves) is done.
import { parentPort } from "node:worker_threads";
import { deflateRawSync } from "node:zlib";
import { Corpus } from "../core/corpus";
import type { CorpusData } from "../core/model";
import { SourceTexts } from "../core/source-texts";
import { type LoadOptions, loadCorpusData, saveSnapshot } from "./load";

export type WorkerRequest =
  | { type: "load"; dataDir: string; options: LoadOptions }
  | { type: "next" }
  /** The main thread has built the new version (or failed to): the snapshot may be built now. */
  | { type: "built" };

export type WorkerMessage =
  | { type: "records"; kind: keyof CorpusData; records: unknown[] }
  /** Source files, each one's UTF-8 compressed (raw DEFLATE), the bytes moved rather than copied. */
  | { type: "texts"; names: string[]; compressed: Uint8Array[] }
  | { type: "done"; version: string; cached: boolean }
  | { type: "failed"; errors: { file: string; path: string; message: string }[] }
  | { type: "crashed"; message: string };

const RECORDS_PER_MESSAGE = 250;
const TEXTS_PER_MESSAGE = 16;

const port = parentPort;
if (!port) throw new Error("load.worker runs as a worker thread");

let asked: (() => void) | undefined;
let built: (() => void) | undefined;
const mainBuilt = new Promise<void>((resolve) => {
  built = resolve;
});
/**
 * One message at a time, the next when the main thread asks for it: messages posted all at once would be taken in
 * by the main thread in one go, as one long stall.
 */
async function send(message: WorkerMessage, transfer: ArrayBuffer[] = []): Promise<void> {
  const next = new Promise<void>((resolve) => {
    asked = resolve;
  });
  port?.postMessage(message, transfer);
  await next;
}

async function load(dataDir: string, options: LoadOptions): Promise<void> {
  const loaded = await loadCorpusData(dataDir, { ...options, saveSnapshot: false });
  if (!loaded.ok) {
    port?.postMessage({ type: "failed", errors: loaded.errors } satisfies WorkerMessage);
    return;
  }
  for (const kind of Object.keys(loaded.data) as (keyof CorpusData)[]) {
    const records = loaded.data[kind] as unknown[];
    for (let i = 0; i < records.length; i += RECORDS_PER_MESSAGE) {
      await send({ type: "records", kind, records: records.slice(i, i + RECORDS_PER_MESSAGE) });
    }
  }
  // Compressed here, once: the bot's thread takes in a third of the bytes, keeps them as they come (a corpus keeps
  // its texts compressed) and never holds the texts as strings (124 MB at ×1000); the snapshot saved below keeps the
  // same bytes.
  const files = loaded.texts.map(
    ([name, text]) => [name, new Uint8Array(deflateRawSync(Buffer.from(text, "utf8"), { level: 1 }))] as const,
  );
  for (let i = 0; i < files.length; i += TEXTS_PER_MESSAGE) {
    const batch = files.slice(i, i + TEXTS_PER_MESSAGE);
    // Copies, moved rather than copied again into this thread's messages: this thread keeps its own for the snapshot.
    const compressed = batch.map(([, bytes]) => bytes.slice());
    await send(
      { type: "texts", names: batch.map(([name]) => name), compressed },
      compressed.map((bytes) => bytes.buffer),
    );
  }
  port?.postMessage({ type: "done", version: loaded.version, cached: loaded.cached } satisfies WorkerMessage);
  // The next restart restores this version instead of building it: built here, off the bot's thread, once the
  // records are handed over.
  if (!loaded.cached && options.cacheDir) {
    // Once the bot's thread has built its own: the two builds at once competed for the cores (a reload at ×1000
    // took 30.6 s instead of 26.5 s).
    await mainBuilt;
    const corpus = new Corpus(loaded.data, SourceTexts.fromCompressed(files), loaded.version);
    await saveSnapshot(options.cacheDir, loaded.hash, corpus, options).catch(() => undefined);
  }
}

port.on("message", (request: WorkerRequest) => {
  if (request.type === "next") {
    asked?.();
    return;
  }
  if (request.type === "built") {
    built?.();
    return;
  }
  load(request.dataDir, request.options)
    .catch((error: unknown) => {
      port.postMessage({
        type: "crashed",
        message: (error as Error)?.message ?? String(error),
      } satisfies WorkerMessage);
    })
    // One load per thread: with the port closed, the thread ends, and the memory of the load goes with it.
    .finally(() => port.close());
});
