import { readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loaderChildren } from "../../src/corpus/child-load";
import { loadCorpus, loadCorpusInChild } from "../../src/corpus/load";
import { answers } from "../support/corpus-answers";
import { copyOfData, removeTempDirs, tempDir } from "../support/temp-dirs";

afterEach(removeTempDirs);

describe("a load built in a child process", () => {
  it("gives the corpus a load here builds, restored from the snapshot the child saved, which the next start uses", async () => {
    const dir = await copyOfData();
    const cacheDir = await tempDir("huunghi-cache-");
    const here = await loadCorpus(dir, { isolate: false });
    const loaded = await loadCorpusInChild(dir, { cacheDir });
    expect(loaded.ok && here.ok).toBe(true);
    if (!loaded.ok || !here.ok) return;
    expect(loaded).toMatchObject({ isolated: true, restored: false });
    expect(loaded.corpus.version).toBe(here.corpus.version);
    expect(answers(loaded.corpus)).toEqual(answers(here.corpus));
    expect((await readdir(cacheDir)).filter((f) => f.endsWith(".v8"))).toHaveLength(1);
    const next = await loadCorpus(dir, { cacheDir });
    expect(next.ok && next.restored).toBe(true);
    // Unchanged data: the child finds the snapshot instead of building.
    const again = await loadCorpusInChild(dir, { cacheDir });
    expect(again.ok && again.restored).toBe(true);
  });

  it("leaves no snapshot behind without a cache directory, and its process ends", async () => {
    const dir = await copyOfData();
    // Its temporary directory goes under TMPDIR (os.tmpdir reads it at each call): one of this test's own.
    const ownTmp = await tempDir("huunghi-tmp-");
    const before = process.env.TMPDIR;
    process.env.TMPDIR = ownTmp;
    try {
      const loaded = await loadCorpusInChild(dir);
      expect(loaded.ok).toBe(true);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
    // (tsx, running the child from the sources, keeps a cache of its own there.)
    expect((await readdir(ownTmp)).filter((f) => f.startsWith("huunghi-"))).toEqual([]);
    await vi.waitFor(() => expect(loaderChildren()).toBe(0), { timeout: 30_000, interval: 50 });
  });

  it("gives the errors of data it refuses, as a load here does, and its process ends", async () => {
    const dir = await copyOfData();
    await rm(join(dir, "events.yaml"));
    const here = await loadCorpus(dir, { isolate: false });
    const failed = await loadCorpusInChild(dir);
    expect(failed.ok).toBe(false);
    expect(failed).toEqual(here);
    await vi.waitFor(() => expect(loaderChildren()).toBe(0), { timeout: 30_000, interval: 50 });
  });

  it("still loads when the snapshot cannot be saved in the cache directory", async () => {
    const dir = await copyOfData();
    const blocked = join(await tempDir("huunghi-cache-"), "a-file");
    await writeFile(blocked, "not a directory");
    const loaded = await loadCorpusInChild(dir, { cacheDir: blocked });
    expect(loaded.ok && loaded.isolated).toBe(true);
  });

  it("is where `loadCorpus` builds when told to; a small corpus is built here by default", async () => {
    const dir = await copyOfData();
    const isolated = await loadCorpus(dir, { isolate: true });
    const here = await loadCorpus(dir);
    expect(isolated.ok && isolated.isolated).toBe(true);
    expect(here.ok && here.isolated).toBeFalsy();
  });
});
