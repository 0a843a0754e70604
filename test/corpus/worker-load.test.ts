import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_DATA_DIR } from "../../src/app";
import { loadCorpus } from "../../src/corpus/load";
import { loadCorpusInWorker, loaderThreads } from "../../src/corpus/worker-load";
import { answers } from "../support/corpus-answers";

const dirs: string[] = [];
async function temp(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}
async function copyOfData(): Promise<string> {
  const dir = await temp("huunghi-data-");
  await cp(DEFAULT_DATA_DIR, dir, { recursive: true });
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe("a load in the worker thread", () => {
  it("builds the corpus a direct load builds, and leaves a snapshot the next start restores", async () => {
    const dir = await copyOfData();
    const cacheDir = await temp("huunghi-cache-");
    const loaded = await loadCorpusInWorker(dir, { cacheDir });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    // The worker saves once it has handed the records over.
    await vi.waitFor(async () => expect((await readdir(cacheDir)).filter((f) => f.endsWith(".v8"))).toHaveLength(1), {
      timeout: 30_000,
      interval: 100,
    });
    const next = await loadCorpus(dir, { cacheDir });
    expect(next.ok && next.restored).toBe(true);
    if (!next.ok) return;
    expect(next.corpus.version).toBe(loaded.corpus.version);
    expect(answers(next.corpus)).toEqual(answers(loaded.corpus));
  });

  it("ends its thread once the load and its snapshot are done, and a later load starts another", async () => {
    const dir = await copyOfData();
    const cacheDir = await temp("huunghi-cache-");
    const first = await loadCorpusInWorker(dir, { cacheDir });
    expect(first.ok).toBe(true);
    await vi.waitFor(() => expect(loaderThreads()).toBe(0), { timeout: 30_000, interval: 50 });
    expect((await readdir(cacheDir)).filter((f) => f.endsWith(".v8"))).toHaveLength(1);
    const again = await loadCorpusInWorker(dir, { cacheDir });
    expect(again.ok).toBe(true);
    if (!again.ok || !first.ok) return;
    expect(again.corpus.version).toBe(first.corpus.version);
    expect(answers(again.corpus)).toEqual(answers(first.corpus));
    await vi.waitFor(() => expect(loaderThreads()).toBe(0), { timeout: 30_000, interval: 50 });
  });

  it("ends its thread after a load that fails, with the errors given", async () => {
    const dir = await copyOfData();
    await rm(join(dir, "events.yaml"));
    const failed = await loadCorpusInWorker(dir);
    expect(failed.ok).toBe(false);
    await vi.waitFor(() => expect(loaderThreads()).toBe(0), { timeout: 30_000, interval: 50 });
  });
});
