// --watch-data: a burst of writes in data/ (sources included) becomes one reload; editor temp files do not count;
// reloads triggered while one runs collapse into one more run.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isDataFile, watchData } from "../../src/ops/data-watch";
import { serialTrigger } from "../../src/ops/reload";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "huunghi-watch-"));
  await mkdir(join(dir, "sources"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const until = async (check: () => boolean, ms = 3000) => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 10));
  }
};
const quiet = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("watchData", () => {
  it("debounces a burst of changes into one reload, also for files in sources/", async () => {
    let calls = 0;
    const watch = watchData(dir, () => calls++, { debounceMs: 200 });
    try {
      await quiet(50);
      for (let i = 0; i < 5; i++) await writeFile(join(dir, "provinces.yaml"), `# edit ${i}\n[]\n`);
      await writeFile(join(dir, "sources", "new.txt"), "text");
      await until(() => calls === 1);
      await quiet(250);
      expect(calls).toBe(1);

      await writeFile(join(dir, "sources", "new.txt"), "more text");
      await until(() => calls === 2);
    } finally {
      watch.close();
    }
  });

  it("ignores editor swap, backup and hidden files", async () => {
    let calls = 0;
    const watch = watchData(dir, () => calls++, { debounceMs: 50 });
    try {
      await quiet(50);
      await writeFile(join(dir, ".provinces.yaml.swp"), "x");
      await writeFile(join(dir, "provinces.yaml~"), "x");
      await quiet(300);
      expect(calls).toBe(0);
    } finally {
      watch.close();
    }
    expect(isDataFile("events.yaml")).toBe(true);
    expect(isDataFile("sources/000_abc.txt")).toBe(true);
    expect(isDataFile("4913")).toBe(false);
  });
});

describe("serialTrigger", () => {
  it("runs one task at a time and collapses triggers made meanwhile into one more run", async () => {
    let runs = 0;
    let running = 0;
    let maxRunning = 0;
    const trigger = serialTrigger(async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await quiet(30);
      runs++;
      running--;
    });
    void trigger();
    void trigger();
    void trigger();
    await trigger.idle();
    expect(runs).toBe(2);
    expect(maxRunning).toBe(1);
  });
});
