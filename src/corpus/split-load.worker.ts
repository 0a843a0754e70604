// The second thread of a load from YAML (split-load.ts): it parses the same bytes the loading thread parses and,
// while that thread builds the record and question indexes, runs every check, then builds the search index and
// hands it over (its typed arrays moved, not copied).
import { parentPort } from "node:worker_threads";
import { deflateRawSync } from "node:zlib";
import type { CorpusFileName } from "../core/model";
import { buildSearchIndex } from "../core/search-index";
import type { CorpusError } from "../core/validate";
import { type RawFiles, validate } from "./parse";
import { TEXT_DEFLATE } from "./snapshot-codec";

export interface SplitRequest {
  yaml: [CorpusFileName, Uint8Array][];
  sources: [string, Uint8Array][];
  errors: CorpusError[];
  /** Once its verdict is sent, also compress the sources' bytes as a snapshot keeps them (`SplitCompressed`). */
  compress?: boolean;
}

/** The sources' bytes in the order given, each compressed as a snapshot keeps them, moved: after a verdict without errors. */
export interface SplitCompressed {
  names: string[];
  compressed: Uint8Array[];
}

export type SplitReply =
  | { errors: CorpusError[]; search?: undefined }
  | { errors: []; search: unknown }
  | { crashed: string };

const port = parentPort;
if (!port) throw new Error("split-load.worker runs as a worker thread");

/** The buffers of the typed arrays among an object's own fields, to move rather than copy. */
function buffersOf(...objects: object[]): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const object of objects) {
    for (const value of Object.values(object)) {
      if (ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer) out.add(value.buffer);
    }
  }
  return [...out];
}

port.once("message", (request: SplitRequest) => {
  try {
    // Sent as plain Uint8Arrays: Buffers again, without a copy.
    const buffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const raw: RawFiles = {
      yaml: new Map(request.yaml.map(([file, bytes]) => [file, buffer(bytes)])),
      sources: new Map(request.sources.map(([name, bytes]) => [name, buffer(bytes)])),
      errors: request.errors,
    };
    const valid = validate(raw);
    if (!valid.ok) {
      port.postMessage({ errors: valid.errors } satisfies SplitReply);
      return;
    }
    const sourceByFile = new Map(valid.data.sources.map((s) => [s.file, s]));
    const search = buildSearchIndex({ data: valid.data, sourceByFile, texts: valid.texts }).withoutDocs() as object;
    port.postMessage({ errors: [], search } satisfies SplitReply, buffersOf(search));
    if (request.compress) {
      // While the loading thread packs the snapshot: the two cores are busy again.
      const compressed = request.sources.map(([, bytes]) => new Uint8Array(deflateRawSync(bytes, TEXT_DEFLATE)));
      port.postMessage(
        { names: request.sources.map(([name]) => name), compressed } satisfies SplitCompressed,
        compressed.map((bytes) => bytes.buffer as ArrayBuffer),
      );
    }
  } catch (error) {
    port.postMessage({ crashed: (error as Error)?.stack ?? String(error) } satisfies SplitReply);
  }
});
