// data/'s records, texts and version as a load gives them, for tests that make corpora of their own from them.
import type { CorpusData } from "../../src/core/model";
import { loadCorpus } from "../../src/corpus/load";

export async function corpusData(
  dataDir: string,
): Promise<{ ok: true; data: CorpusData; texts: [string, string][]; version: string }> {
  const loaded = await loadCorpus(dataDir);
  if (!loaded.ok) throw new Error(`${dataDir} does not load`);
  const { corpus } = loaded;
  return { ok: true, data: corpus.data as CorpusData, texts: [...corpus.texts], version: corpus.version };
}
