// data/ from bytes to validated records: each YAML file decoded, parsed and checked against the schema, the source
// texts decoded, then the checks across records (ids, references, quotes in their sources, numbers in summaries).
// Pure: the files are read elsewhere (load.ts), and a second thread can run the same steps on the same bytes.
import { isUtf8 } from "node:buffer";
import { load as parseYaml } from "js-yaml";
import { type CorpusData, type CorpusFileName, corpusFiles } from "../core/model";
import { byCodeUnits } from "../core/sort-steps";
import { checkSummaryNumbers } from "../core/summary-numbers";
import { type CorpusError, checkQuotes, checkReferences } from "../core/validate";

/** data/ as read: every YAML file and source file's bytes, and the files that could not be read. */
export interface RawFiles {
  yaml: Map<CorpusFileName, Buffer>;
  sources: Map<string, Buffer>;
  errors: CorpusError[];
}

/** The source files in name order (code units), the order their texts are kept and hashed in. */
export function sourcesInOrder(raw: RawFiles): [string, Buffer][] {
  return [...raw.sources].sort(([a], [b]) => byCodeUnits(a, b));
}

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

/**
 * Nodes a value would have with every alias written out: an alias bomb (aliases of aliases) is small as text and
 * as parsed (aliases share one object), but billions of nodes to whatever walks it, such as validation.
 */
function expandedSize(value: unknown, memo: Map<object, number>, limit: number): number {
  if (value === null || typeof value !== "object") return 1;
  const known = memo.get(value);
  if (known !== undefined) return known;
  let size = 1;
  for (const child of Array.isArray(value) ? value : Object.values(value)) {
    size += expandedSize(child, memo, limit);
    if (size > limit) break;
  }
  memo.set(value, size);
  return size;
}

/** Parses and validates one data file's text. Aliases are fine as long as writing them out stays small. */
function parseDataFile(file: CorpusFileName, text: string): { records?: unknown[]; errors: CorpusError[] } {
  let parsed: unknown;
  try {
    parsed = parseYaml(text, { filename: file, maxAliases: 10_000 });
  } catch (error) {
    const e = error as { reason?: string; message: string; mark?: { line: number; column: number } };
    return {
      errors: [
        {
          file,
          path: e.mark ? `line ${e.mark.line + 1}, column ${e.mark.column + 1}` : "(document)",
          message: e.reason ?? e.message.split("\n")[0] ?? e.message,
        },
      ],
    };
  }
  const limit = 10_000 + 4 * text.length;
  // Without a `*`, the text has no alias: every value is written out once, and there is nothing to expand (the
  // walk costs half a second on each loading thread at ×1000, and a Map entry per value).
  if (text.includes("*") && expandedSize(parsed, new Map<object, number>(), limit) > limit) {
    return {
      errors: [
        {
          file,
          path: "(document)",
          message: `YAML aliases (*name) expand to more than ${limit} values: refused as an alias bomb; write the values out`,
        },
      ],
    };
  }
  const result = corpusFiles[file].safeParse(parsed ?? []);
  if (!result.success) {
    return { errors: result.error.issues.map((i) => ({ file, path: formatPath(i.path), message: i.message })) };
  }
  return { records: result.data, errors: [] };
}

/** UTF-8 text, or an error naming the line of the first byte that is not UTF-8 (never served as U+FFFD). */
function decodeUtf8(file: string, bytes: Buffer): { text: string } | { error: CorpusError } {
  if (isUtf8(bytes)) return { text: bytes.toString("utf8") };
  const text = bytes.toString("utf8");
  const at = text.indexOf("\uFFFD");
  const line = at < 0 ? 1 : text.slice(0, at).split("\n").length;
  return { error: { file, path: `line ${line}`, message: "not valid UTF-8: save the file as UTF-8" } };
}

/** The records of every data file that parses, and the errors of those that do not (raw read errors first). */
export function parseRecords(raw: RawFiles): { data: Partial<CorpusData>; errors: CorpusError[] } {
  const errors: CorpusError[] = [...raw.errors];
  const data: Partial<Record<keyof CorpusData, unknown[]>> = {};
  for (const file of Object.keys(corpusFiles) as CorpusFileName[]) {
    const bytes = raw.yaml.get(file);
    if (!bytes) continue;
    const decoded = decodeUtf8(file, bytes);
    if ("error" in decoded) {
      errors.push(decoded.error);
      continue;
    }
    const parsed = parseDataFile(file, decoded.text);
    errors.push(...parsed.errors);
    if (parsed.records) data[KIND_OF[file]] = parsed.records;
  }
  return { data: data as Partial<CorpusData>, errors };
}

/** The source texts in name order, and the files that are not UTF-8. */
function decodeSources(raw: RawFiles): { texts: Map<string, string>; errors: CorpusError[] } {
  const texts = new Map<string, string>();
  const errors: CorpusError[] = [];
  for (const [name, bytes] of sourcesInOrder(raw)) {
    const decoded = decodeUtf8(`sources/${name}`, bytes);
    if ("error" in decoded) errors.push(decoded.error);
    else texts.set(name, decoded.text);
  }
  return { texts, errors };
}

/** The checks across records and source texts, once every file has parsed. */
function checkAcross(data: CorpusData, texts: ReadonlyMap<string, string>): CorpusError[] {
  const errors = [...checkReferences(data), ...checkQuotes(data, texts), ...checkSummaryNumbers(data)];
  for (const s of data.sources) {
    if (!texts.has(s.file))
      errors.push({ file: "sources.yaml", path: s.file, message: "no such file in data/sources/" });
  }
  return errors;
}

export type Validated =
  | { ok: true; data: CorpusData; texts: Map<string, string> }
  | { ok: false; errors: CorpusError[] };

/** Every check a load makes, in the order its errors are listed: what parses, then what holds across records. */
export function validate(raw: RawFiles, parsed = parseRecords(raw)): Validated {
  const sources = decodeSources(raw);
  const errors = [...parsed.errors, ...sources.errors];
  if (errors.length > 0) return { ok: false, errors };
  const data = parsed.data as CorpusData;
  const across = checkAcross(data, sources.texts);
  if (across.length > 0) return { ok: false, errors: across };
  return { ok: true, data, texts: sources.texts };
}
