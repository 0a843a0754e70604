// Deterministic corpus generator for the benchmarks: copies every record kind k times.
// Copy i (1 … k−1) gets new ids, new names (the folded name's letters through a per-copy substitution, plus a
// code word, so no copy is a near-miss of a real name) and its years shifted by 100 + 4i (past today, a multiple
// of four so 29 February stays valid): targeted queries (`/province son la`, `/agreements 2022`, `/anniversaries`,
// a mistyped name) keep the result size they have at ×1. Free text and source texts are copied verbatim, so the
// search vocabulary grows as a real corpus would (the same words, many more documents).
//   npx tsx bench/generate.ts 100 [out-dir]
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parse, stringify } from "yaml";
import { fold } from "../src/core/normalize";

const FILES = [
  "sources.yaml",
  "provinces.yaml",
  "places.yaml",
  "people.yaml",
  "events.yaml",
  "agreements.yaml",
  "figures.yaml",
  "anniversaries.yaml",
] as const;

type Json = Record<string, unknown>;

/** A small seeded PRNG (mulberry32): the same k gives the same corpus on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function code(i: number): string {
  let s = "";
  let n = i;
  for (let d = 0; d < 3; d++) {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26);
  }
  return `q${s}`;
}

class Copy {
  readonly suffix: string;
  readonly shift: number;
  private readonly letters: string;
  constructor(readonly i: number) {
    this.suffix = `-${code(i)}`;
    this.shift = 100 + 4 * i;
    const alphabet = [..."abcdefghijklmnopqrstuvwxyz"];
    const random = prng(i * 7919 + 17);
    for (let j = alphabet.length - 1; j > 0; j--) {
      const k = Math.floor(random() * (j + 1));
      [alphabet[j], alphabet[k]] = [alphabet[k] as string, alphabet[j] as string];
    }
    this.letters = alphabet.join("");
  }
  id(id: string): string {
    return `${id}${this.suffix}`;
  }
  file(file: string): string {
    return `${code(this.i)}_${file}`;
  }
  name(name: string): string {
    const renamed = fold(name).replace(/[a-z]/g, (c) => this.letters[c.charCodeAt(0) - 97] as string);
    return `${renamed.replace(/\b[a-z]/g, (c) => c.toUpperCase())} ${code(this.i)}`;
  }
  localizedName(n: { vi: string; en: string }): { vi: string; en: string } {
    return { vi: this.name(n.vi), en: this.name(n.en) };
  }
  year(value: string): string {
    return `${Number(value.slice(0, 4)) + this.shift}${value.slice(4)}`;
  }
  date<T extends Json>(d: T): T {
    const out: Json = { ...d };
    if (typeof d.value === "string") out.value = this.year(d.value);
    if (typeof d.until === "string") out.until = this.year(d.until);
    return out as T;
  }
  cites(list: Json[] | undefined): Json[] | undefined {
    return list?.map((c) => ({ ...c, source: this.file(c.source as string) }));
  }
}

function copyRecord(file: (typeof FILES)[number], r: Json, c: Copy): Json {
  const kind = file.replace(".yaml", "");
  const ids = (list: unknown) => (list as string[] | undefined)?.map((x) => c.id(x));
  const id = (x: unknown) => (typeof x === "string" ? c.id(x) : x);
  const out: Json = { ...r };
  if ("id" in r) out.id = c.id(r.id as string);
  if ("sources" in r) out.sources = c.cites(r.sources as Json[]);
  switch (kind) {
    case "sources":
      out.file = c.file(r.file as string);
      out.title = `${r.title} (${code(c.i)})`;
      break;
    case "provinces":
      out.name = c.localizedName(r.name as { vi: string; en: string });
      out.aliases = (r.aliases as string[]).map((a) => c.name(a));
      break;
    case "places":
      out.name = c.localizedName(r.name as { vi: string; en: string });
      out.aliases = ((r.aliases as string[] | undefined) ?? []).map((a) => c.name(a));
      out.province = c.id(r.province as string);
      break;
    case "people":
      out.name = c.name(r.name as string);
      if (r.province) out.province = c.id(r.province as string);
      out.roles = (r.roles as Json[]).map((role) => ({
        ...role,
        at: c.id(role.at as string),
        sources: c.cites(role.sources as Json[]),
      }));
      break;
    case "events":
      out.date = c.date(r.date as Json);
      for (const k of ["provinces", "places", "people", "agreements"]) if (k in r) out[k] = ids(r[k]);
      break;
    case "agreements": {
      out.signed = c.date(r.signed as Json);
      const period = r.period as { from: number; to: number } | undefined;
      if (period) out.period = { from: period.from + c.shift, to: period.to + c.shift };
      out.parties = ids(r.parties);
      if ("signatories" in r) out.signatories = ids(r.signatories);
      if ("event" in r) out.event = id(r.event);
      if ("renewedBy" in r) out.renewedBy = id(r.renewedBy);
      if ("clauses" in r)
        out.clauses = (r.clauses as Json[]).map((x) => ({ ...x, sources: c.cites(x.sources as Json[]) }));
      if ("commitments" in r)
        out.commitments = (r.commitments as Json[]).map((x) => ({
          ...x,
          by: c.id(x.by as string),
          to: c.id(x.to as string),
          sources: c.cites(x.sources as Json[]),
        }));
      break;
    }
    case "figures":
      out.date = c.date(r.date as Json);
      out.from = c.id(r.from as string);
      out.to = c.id(r.to as string);
      if ("event" in r) out.event = id(r.event);
      break;
    case "anniversaries":
      out.date = c.year(r.date as string);
      out.name = c.localizedName(r.name as { vi: string; en: string });
      break;
  }
  return out;
}

/** Writes data/ × k into `out` (skipped when a finished copy for the same k is there). Returns `out`. */
export async function generate(
  k: number,
  out: string,
  from = resolve(import.meta.dirname, "..", "data"),
): Promise<string> {
  const marker = join(out, ".generated");
  // A copy of older data is made again: the marker names the k and a hash of the data it was made from.
  const hash = createHash("sha256");
  for (const file of FILES) hash.update(await readFile(join(from, file)));
  for (const name of (await readdir(join(from, "sources"))).sort())
    hash.update(await readFile(join(from, "sources", name)));
  const expected = `k=${k} data=${hash.digest("hex").slice(0, 16)}`;
  if ((await readFile(marker, "utf8").catch(() => "")) === expected) return out;
  await rm(out, { recursive: true, force: true });
  await mkdir(join(out, "sources"), { recursive: true });
  const copies = Array.from({ length: k }, (_, i) => new Copy(i));
  for (const file of FILES) {
    const records = parse(await readFile(join(from, file), "utf8")) as Json[];
    const all = copies.flatMap((c) => (c.i === 0 ? records : records.map((r) => copyRecord(file, r, c))));
    await writeFile(join(out, file), stringify(all, { lineWidth: 0, aliasDuplicateObjects: false }));
  }
  for (const name of await readdir(join(from, "sources"))) {
    if (!(await stat(join(from, "sources", name))).isFile()) continue;
    const text = await readFile(join(from, "sources", name));
    for (const c of copies) await writeFile(join(out, "sources", c.i === 0 ? name : c.file(name)), text);
  }
  await writeFile(marker, expected);
  return out;
}

export function benchDataDir(k: number): string {
  return resolve(import.meta.dirname, "..", "var", "bench", `x${k}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const k = Number(process.argv[2] ?? "100");
  if (!Number.isInteger(k) || k < 1) throw new Error("usage: npx tsx bench/generate.ts <k> [out-dir]");
  const out = resolve(process.argv[3] ?? benchDataDir(k));
  const started = performance.now();
  await generate(k, out);
  console.log(`corpus ×${k} in ${out} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
