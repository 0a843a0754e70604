// A load on two threads whose second thread dies: the load still succeeds, on this thread, and says so.
import { Worker } from "node:worker_threads";
import { describe, expect, it, vi } from "vitest";
import { DEFAULT_DATA_DIR } from "../../src/app";
import { loadCorpus } from "../../src/corpus/load";
import { answers } from "../support/corpus-answers";

// The real worker start replaced by a real thread that fails as it starts.
vi.mock("../../src/corpus/start-worker", () => ({
  startWorker: () => new Worker("throw new Error('the worker broke')", { eval: true }),
}));

describe("a load split over two threads when the second thread fails", () => {
  it("loads the same corpus on this thread and warns with the worker's error", async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on("warning", onWarning);
    try {
      const [one, two] = await Promise.all([
        loadCorpus(DEFAULT_DATA_DIR, { split: false }),
        loadCorpus(DEFAULT_DATA_DIR, { split: true }),
      ]);
      await new Promise((resolve) => setImmediate(resolve));
      expect(one.ok && two.ok).toBe(true);
      if (!one.ok || !two.ok) return;
      expect(two.split).toBe(false);
      expect(two.corpus.version).toBe(one.corpus.version);
      expect(two.corpus.search.documentCount).toBe(one.corpus.search.documentCount);
      expect(answers(two.corpus)).toEqual(answers(one.corpus));
      expect(warnings.some((w) => w.includes("the worker broke") && w.includes("loading on one thread"))).toBe(true);
    } finally {
      process.off("warning", onWarning);
    }
  });
});
