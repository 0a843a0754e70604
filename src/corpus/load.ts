// Reads data/ from disk: YAML files parsed, validated by schema, cross-checked, quotes verified.
// Either a whole new Corpus or a list of errors with file and path: never a half-loaded corpus.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { Corpus } from "../core/corpus";
import { type CorpusData, type CorpusFileName, corpusFiles } from "../core/model";
import { checkSummaryNumbers } from "../core/summary-numbers";
import { type CorpusError, checkQuotes, checkReferences } from "../core/validate";

export type LoadResult = { ok: true; corpus: Corpus } | { ok: false; errors: CorpusError[] };

const KIND_OF: Record<CorpusFileName, keyof CorpusData> = {
  "sources.yaml": "sources",
  "provinces.yaml": "provinces",
  "places.yaml": "places",
  "people.yaml": "people",
  "events.yaml": "events",
  "agreements.yaml": "agreements",
  "figures.yaml": "figures",
  "anniversaries.yaml": "anniversaries",
};

function formatPath(path: readonly PropertyKey[]): string {
  return (
    path
      .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
      .join("")
      .replace(/^\./, "") || "(root)"
  );
}

/** Parses and validates one data file's text. */
export function parseDataFile(file: CorpusFileName, text: string): { records?: unknown[]; errors: CorpusError[] } {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    return {
      errors: doc.errors.map((e) => ({
        file,
        path: e.linePos?.[0] ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : "(document)",
        message: e.message.split("\n")[0] ?? e.message,
      })),
    };
  }
  const result = corpusFiles[file].safeParse(doc.toJS() ?? []);
  if (!result.success) {
    return { errors: result.error.issues.map((i) => ({ file, path: formatPath(i.path), message: i.message })) };
  }
  return { records: result.data, errors: [] };
}

export async function readSourceTexts(dataDir: string): Promise<Map<string, string>> {
  const dir = join(dataDir, "sources");
  const texts = new Map<string, string>();
  for (const name of (await readdir(dir)).sort()) {
    texts.set(name, await readFile(join(dir, name), "utf8"));
  }
  return texts;
}

export async function loadCorpus(dataDir: string): Promise<LoadResult> {
  const errors: CorpusError[] = [];
  const data: Partial<Record<keyof CorpusData, unknown[]>> = {};
  for (const file of Object.keys(corpusFiles) as CorpusFileName[]) {
    let text: string;
    try {
      text = await readFile(join(dataDir, file), "utf8");
    } catch (error) {
      errors.push({ file, path: "(file)", message: `cannot read: ${(error as Error).message}` });
      continue;
    }
    const parsed = parseDataFile(file, text);
    errors.push(...parsed.errors);
    if (parsed.records) data[KIND_OF[file]] = parsed.records;
  }
  let texts: Map<string, string>;
  try {
    texts = await readSourceTexts(dataDir);
  } catch (error) {
    errors.push({ file: "sources/", path: "(directory)", message: `cannot read: ${(error as Error).message}` });
    return { ok: false, errors };
  }
  if (errors.length > 0) return { ok: false, errors };
  const full = data as unknown as CorpusData;
  errors.push(...checkReferences(full), ...checkQuotes(full, texts), ...checkSummaryNumbers(full));
  for (const s of full.sources) {
    if (!texts.has(s.file))
      errors.push({ file: "sources.yaml", path: s.file, message: "no such file in data/sources/" });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, corpus: new Corpus(full, texts) };
}

export function formatErrors(errors: readonly CorpusError[]): string {
  return errors.map((e) => `${e.file} ${e.path}: ${e.message}`).join("\n");
}
