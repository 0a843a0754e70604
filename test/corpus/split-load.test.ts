import { appendFile, cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_DATA_DIR } from "../../src/app";
import { buildSnapshotFile, loadCorpus } from "../../src/corpus/load";
import { answers } from "../support/corpus-answers";

const dirs: string[] = [];
async function copyOfData(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "huunghi-data-"));
  dirs.push(dir);
  await cp(DEFAULT_DATA_DIR, dir, { recursive: true });
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** The same data loaded on one thread and on two. */
async function bothWays(dir: string) {
  return Promise.all([loadCorpus(dir, { split: false }), loadCorpus(dir, { split: true })]);
}

describe("a load from YAML split over two threads", () => {
  it("saves, with the texts its second thread compressed, the snapshot a load on one thread saves", async () => {
    const dir = await copyOfData();
    const [one, two] = [
      await mkdtemp(join(tmpdir(), "huunghi-cache-")),
      await mkdtemp(join(tmpdir(), "huunghi-cache-")),
    ];
    dirs.push(one, two);
    const saved = [
      await buildSnapshotFile(dir, { cacheDir: one, split: false }),
      await buildSnapshotFile(dir, { cacheDir: two, split: true }),
    ];
    expect(saved.map((s) => s.ok)).toEqual([true, true]);
    const [a, b] = await Promise.all([loadCorpus(dir, { cacheDir: one }), loadCorpus(dir, { cacheDir: two })]);
    expect(a.ok && a.restored && b.ok && b.restored).toBe(true);
    if (!a.ok || !b.ok) return;
    expect([...b.corpus.texts]).toEqual([...a.corpus.texts]);
    expect(b.corpus.texts.size).toBeGreaterThan(0);
    expect(answers(b.corpus)).toEqual(answers(a.corpus));
  });

  it("builds the corpus a load on one thread builds: the same records, version, texts and answers", async () => {
    const [one, two] = await bothWays(await copyOfData());
    expect(one.ok && two.ok).toBe(true);
    if (!one.ok || !two.ok) return;
    expect([one.split, two.split]).toEqual([false, true]);
    expect(two.corpus.version).toBe(one.corpus.version);
    expect(two.corpus.data).toEqual(one.corpus.data);
    expect([...two.corpus.texts]).toEqual([...one.corpus.texts]);
    expect(two.corpus.search.documentCount).toBe(one.corpus.search.documentCount);
    expect(two.corpus.search.termCount).toBe(one.corpus.search.termCount);
    expect(answers(two.corpus)).toEqual(answers(one.corpus));
  });

  it("reports the checks across records as a load on one thread does, and keeps nothing", async () => {
    const dir = await copyOfData();
    const path = join(dir, "events.yaml");
    const text = await readFile(path, "utf8");
    // A quote no source says, and a reference to a province that does not exist.
    const broken = text
      .replace(/(\n {6}quote: )"[^\n]+"/, '$1"Câu này không có trong bài báo nào cả"')
      .replace(/(\n {2}provinces: \[)[a-z-]+/, "$1atlantis");
    expect(broken.match(/atlantis|không có trong bài báo/g)).toHaveLength(2);
    await writeFile(path, broken);
    const [one, two] = await bothWays(dir);
    expect(one.ok).toBe(false);
    expect(two).toEqual(one);
  });

  it("reports files that do not parse or are not UTF-8 as a load on one thread does", async () => {
    const dir = await copyOfData();
    await appendFile(join(dir, "figures.yaml"), "\n- id: [unclosed\n");
    const [source] = (await readdir(join(dir, "sources"))).sort();
    await appendFile(join(dir, "sources", source as string), Buffer.from([0x0a, 0xc3, 0x28, 0x0a]));
    const [one, two] = await bothWays(dir);
    expect(one.ok).toBe(false);
    if (one.ok) return;
    expect(one.errors.map((e) => e.file)).toEqual(expect.arrayContaining(["figures.yaml", `sources/${source}`]));
    expect(two).toEqual(one);
  });
});
