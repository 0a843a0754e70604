// Shared set-up for the ingest tests: the real corpus, and pages from test/ingest/pages/.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CorpusData } from "../../src/core/model";
import { loadCorpus } from "../../src/corpus/load";
import { type IngestResult, ingest } from "../../src/ingest/ingest";

export const PAGES = join(import.meta.dirname, "pages");

export async function realCorpus(dir = "data"): Promise<{ data: CorpusData; texts: ReadonlyMap<string, string> }> {
  const loaded = await loadCorpus(dir);
  if (!loaded.ok) throw new Error(`corpus errors: ${JSON.stringify(loaded.errors.slice(0, 3))}`);
  return { data: loaded.corpus.data as CorpusData, texts: loaded.corpus.texts };
}

export function ingestPage(
  name: string,
  corpus: { data: CorpusData; texts: ReadonlyMap<string, string> },
  today = "2026-11-29",
): IngestResult {
  const content = readFileSync(join(PAGES, name), "utf8");
  return ingest(
    { content, format: name.endsWith(".html") ? "html" : "text", origin: `file ${name}` },
    { ...corpus, today, now: `${today}T08:00:00.000Z` },
  );
}
