import { appendFile, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { afterEach, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load";
import { frame, unframe } from "../../src/corpus/snapshot-file";
import { answers } from "../support/corpus-answers";
import { copyOfData, removeTempDirs, tempDir } from "../support/temp-dirs";

afterEach(removeTempDirs);

describe("loading data/", () => {
  it("refuses a YAML alias bomb as a data error naming the file, without expanding it", async () => {
    const dir = await copyOfData();
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(", ")}]`);
    }
    await appendFile(join(dir, "people.yaml"), `\n- id: bomb\n  ${levels.join("\n  ")}\n`);
    const result = await loadCorpus(dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ file: "people.yaml" });
    expect(result.errors[0]?.message).toContain("alias bomb");
  });

  it("accepts a few ordinary aliases", async () => {
    const dir = await copyOfData();
    const path = join(dir, "places.yaml");
    const text = await readFile(path, "utf8");
    // The first place's sources, anchored and reused by a new place.
    await writeFile(
      path,
      text.replace(/\n(- id: [^\n]+\n(?: {2}[^\n]*\n)*?) {2}sources:\n/, "\n$1  sources: &first\n"),
    );
    const anchored = await readFile(path, "utf8");
    expect(anchored).toContain("&first");
    const firstProvince = /province: ([a-z-]+)/.exec(anchored)?.[1];
    await appendFile(
      path,
      `\n- id: alias-test\n  name: { vi: "Thử", en: "Test" }\n  kind: site\n  province: ${firstProvince}\n  sources: *first\n`,
    );
    const result = await loadCorpus(dir);
    expect(result.ok && result.corpus.place("alias-test")?.sources.length).toBeGreaterThan(0);
  });

  it("refuses invalid UTF-8 in a data file or a source, naming the file and line, instead of serving U+FFFD", async () => {
    const dir = await copyOfData();
    const places = await readFile(join(dir, "places.yaml"));
    // Latin-1 "é" (0xE9) on the third line: not UTF-8.
    const lines = places.toString("utf8").split("\n");
    const third = Buffer.concat([
      Buffer.from(`${lines.slice(0, 2).join("\n")}\n# caf`),
      Buffer.from([0xe9]),
      Buffer.from("\n"),
    ]);
    await writeFile(join(dir, "places.yaml"), Buffer.concat([third, Buffer.from(lines.slice(2).join("\n"))]));
    const [source] = (await readdir(join(dir, "sources"))).sort();
    await appendFile(join(dir, "sources", source as string), Buffer.from([0x0a, 0xc3, 0x28, 0x0a]));
    const result = await loadCorpus(dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual({
      file: "places.yaml",
      path: "line 3",
      message: "not valid UTF-8: save the file as UTF-8",
    });
    expect(result.errors.some((e) => e.file === `sources/${source}` && /UTF-8/.test(e.message))).toBe(true);
  });

  it("names a data file that is missing or cannot be read, and reads every other file's bytes as they are", async () => {
    const dir = await copyOfData();
    await rm(join(dir, "figures.yaml"));
    await rm(join(dir, "people.yaml"));
    await mkdir(join(dir, "people.yaml"));
    const result = await loadCorpus(dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => `${e.file} ${e.path}`)).toEqual(["people.yaml (file)", "figures.yaml (file)"]);
    expect(result.errors.map((e) => e.message).join("\n")).toMatch(/cannot read: EISDIR[\s\S]*cannot read: ENOENT/);
  });

  it("reads the files into one block and gives each its own bytes (sources of every size, empty ones too)", async () => {
    const dir = await copyOfData();
    const sources = join(dir, "sources");
    const extra = { "zz-empty.md": "", "zz-one.md": "x", "zz-long.md": "Sơn La ".repeat(100_000) };
    for (const [name, text] of Object.entries(extra)) await writeFile(join(sources, name), text);
    const loaded = await loadCorpus(dir);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const texts = new Map(loaded.corpus.texts);
    for (const name of await readdir(sources)) {
      expect(texts.get(name), name).toBe(await readFile(join(sources, name), "utf8"));
    }
  });

  it("keeps a validated snapshot by content hash, and reads it on the next load of the same data", async () => {
    const dir = await copyOfData();
    const cacheDir = await tempDir("huunghi-cache-");
    const first = await loadCorpus(dir, { cacheDir });
    expect(first.ok && first.restored).toBe(false);
    expect((await readdir(cacheDir)).filter((f) => f.endsWith(".v8"))).toHaveLength(1);
    const second = await loadCorpus(dir, { cacheDir });
    expect(second.ok && second.restored).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.corpus.version).toBe(first.corpus.version);
    expect(second.corpus.data).toEqual(first.corpus.data);
    expect([...second.corpus.texts]).toEqual([...first.corpus.texts]);
  });

  it("parses again when any data file changes, and never serves a snapshot of data that is now invalid", async () => {
    const dir = await copyOfData();
    const cacheDir = await tempDir("huunghi-cache-");
    const first = await loadCorpus(dir, { cacheDir });
    // A changed source text changes the hash, so its quotes are checked again.
    const path = join(dir, "figures.yaml");
    await writeFile(path, (await readFile(path, "utf8")).replace("200 triệu VNĐ phục vụ", "300 triệu VNĐ phục vụ"));
    const broken = await loadCorpus(dir, { cacheDir });
    expect(broken.ok).toBe(false);
    await writeFile(path, (await readFile(path, "utf8")).replace("300 triệu VNĐ phục vụ", "200 triệu VNĐ phục vụ"));
    const back = await loadCorpus(dir, { cacheDir });
    expect(back.ok && back.restored).toBe(true);
    expect(back.ok && first.ok && back.corpus.version === first.corpus.version).toBe(true);
  });

  it("finds the snapshot by the files' content, read in chunks: a change past the first megabyte is seen", async () => {
    const dir = await copyOfData();
    const cacheDir = await tempDir("huunghi-cache-");
    const [name] = (await readdir(join(dir, "sources"))).sort();
    const path = join(dir, "sources", name as string);
    // Longer than the 1 MB buffer the hash reads through, with a letter to change at 1.5 MB.
    await appendFile(path, `\n${"a".repeat(2_500_000)}\n`);
    const first = await loadCorpus(dir, { cacheDir });
    expect(first.ok && first.restored).toBe(false);
    const second = await loadCorpus(dir, { cacheDir });
    expect(second.ok && second.restored).toBe(true);
    const bytes = await readFile(path);
    bytes[bytes.length - 1_000_000] = "b".charCodeAt(0);
    await writeFile(path, bytes);
    const changed = await loadCorpus(dir, { cacheDir });
    expect(changed.ok && changed.restored).toBe(false);
    expect(changed.ok && first.ok && changed.corpus.version !== first.corpus.version).toBe(true);
  });

  it("falls back to the YAML when the snapshot is corrupt", async () => {
    const dir = await copyOfData();
    const cacheDir = await tempDir("huunghi-cache-");
    await loadCorpus(dir, { cacheDir });
    const [file] = await readdir(cacheDir);
    await writeFile(join(cacheDir, file as string), "not a snapshot");
    const again = await loadCorpus(dir, { cacheDir });
    expect(again.ok).toBe(true);
    expect(again.ok && again.restored).toBe(false);
  });

  it("refuses a snapshot with any byte changed on disk, and parses the YAML instead", async () => {
    const dir = await copyOfData();
    const cacheDir = await tempDir("huunghi-cache-");
    const built = await loadCorpus(dir, { cacheDir });
    const [file] = (await readdir(cacheDir)).filter((f) => f.endsWith(".v8"));
    const path = join(cacheDir, file as string);
    const good = await readFile(path);
    // A flipped bit in the texts, in the packed values, and in the header.
    for (const at of [good.length - 100, Math.floor(good.length / 2), 9, 5]) {
      const bad = Buffer.from(good);
      bad[at] = (bad[at] as number) ^ 0x10;
      await writeFile(path, bad);
      const again = await loadCorpus(dir, { cacheDir });
      expect(again.ok && again.restored).toBe(false);
      if (again.ok && built.ok) expect(answers(again.corpus)).toEqual(answers(built.corpus));
      // The load saved a good snapshot again.
      expect(await readFile(path)).toEqual(good);
    }
  });

  it("restores the built corpus, indexes and all, from the snapshot: it answers as a fresh build does", async () => {
    const dir = await copyOfData();
    const cacheDir = await tempDir("huunghi-cache-");
    const built = await loadCorpus(dir, { cacheDir });
    const restored = await loadCorpus(dir, { cacheDir });
    expect(built.ok && !built.restored).toBe(true);
    expect(restored.ok && restored.restored).toBe(true);
    if (!built.ok || !restored.ok) return;
    expect(restored.corpus.version).toBe(built.corpus.version);
    expect(restored.corpus.data).toEqual(built.corpus.data);
    // The texts come back compressed, and read the same.
    const compressed = (texts: unknown) => (texts as { compressed: boolean }).compressed;
    expect(compressed(built.corpus.texts)).toBe(false);
    expect(compressed(restored.corpus.texts)).toBe(true);
    expect([...restored.corpus.texts]).toEqual([...built.corpus.texts]);
    expect(answers(restored.corpus)).toEqual(answers(built.corpus));
    // Sentences are kept, the other documents made from the records again: the same documents in the same order.
    expect(restored.corpus.search.docs).toEqual(built.corpus.search.docs);
    // So are the facts the question index ranks, the alias keys and their order.
    expect(restored.corpus.questions.facts).toEqual(built.corpus.questions.facts);
    expect([...restored.corpus.provinceAlias]).toEqual([...built.corpus.provinceAlias]);
    // The indexes came from the file: the records they point to are the restored records themselves.
    const sonLa = restored.corpus.data.provinces.find((p) => p.id === "son-la");
    expect(restored.corpus.province("son-la")).toBe(sonLa);
  });

  it("does not restore a snapshot saved by other indexing code or another version of the bot", async () => {
    const dir = await copyOfData();
    const cacheDir = await tempDir("huunghi-cache-");
    await loadCorpus(dir, { cacheDir });
    const [file] = (await readdir(cacheDir)).filter((f) => f.endsWith(".v8"));
    const path = join(cacheDir, file as string);
    const [head, ...rest] = unframe(await readFile(path)) as Buffer[];
    const saved = deserialize(head as Buffer) as { key: string };
    await writeFile(path, frame([serialize({ ...saved, key: "saved-by-other-code" }), ...rest]));
    const again = await loadCorpus(dir, { cacheDir });
    expect(again.ok && again.restored).toBe(false);
  });
});
