// CorpusHolder.reload: a /reload sent right after an edit, while an earlier reload is still running, must see
// the edit (not get the earlier reload's "Nothing changed"); callers arriving meanwhile share one more reload.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CorpusHolder } from "../../src/corpus/holder";
import { type LoadResult, loadCorpus } from "../../src/corpus/load";
import { editYaml, tempWorkspace } from "../ops/support";

let ws: Awaited<ReturnType<typeof tempWorkspace>>;

beforeEach(async () => {
  ws = await tempWorkspace();
});

afterEach(async () => {
  await ws.cleanup();
});

/** A loader whose first run has read data/ but is held back until `release()`; later runs pass straight through. */
function heldFirstLoad() {
  let release = () => {};
  const gate = new Promise<void>((r) => {
    release = r;
  });
  let readDone = () => {};
  const firstRead = new Promise<void>((r) => {
    readDone = r;
  });
  let calls = 0;
  const load = async (dir: string): Promise<LoadResult> => {
    calls += 1;
    const result = await loadCorpus(dir);
    if (calls === 1) {
      readDone();
      await gate;
    }
    return result;
  };
  return { load, firstRead, release, calls: () => calls };
}

describe("CorpusHolder.reload while a reload is running", () => {
  it("runs exactly one more reload after the running one, shared by every caller that arrived meanwhile", async () => {
    const initial = await CorpusHolder.load(ws.data);
    const held = heldFirstLoad();
    const holder = new CorpusHolder(initial.get(), ws.data, held.load);

    const early = holder.reload();
    await held.firstRead;
    // The edit lands after the running reload has read the files.
    let removedId = "";
    await editYaml(ws.data, "anniversaries.yaml", (list) => {
      removedId = list.pop().id;
    });
    const afterEdit = holder.reload();
    const alsoAfterEdit = holder.reload();
    expect(alsoAfterEdit).toBe(afterEdit);
    held.release();

    const [first, second, third] = await Promise.all([early, afterEdit, alsoAfterEdit]);
    expect(first).toMatchObject({ ok: true, diff: {} });
    expect(second.ok).toBe(true);
    expect(second.diff?.anniversaries?.removed).toEqual([removedId]);
    expect(third).toBe(second);
    expect(held.calls()).toBe(2);
    expect(holder.get().version).toBe(second.version);
    expect(holder.get().data.anniversaries.some((a) => a.id === removedId)).toBe(false);

    // Once idle, a reload runs at once again (and finds nothing new).
    const idle = await holder.reload();
    expect(idle).toMatchObject({ ok: true, diff: {} });
    expect(held.calls()).toBe(3);
  });

  it("still runs the queued reload when the running one failed", async () => {
    const initial = await CorpusHolder.load(ws.data);
    let calls = 0;
    const holder = new CorpusHolder(initial.get(), ws.data, async (dir) => {
      calls += 1;
      if (calls === 1) throw new Error("disk went away");
      return loadCorpus(dir);
    });
    const failing = holder.reload();
    const next = holder.reload();
    await expect(failing).rejects.toThrow("disk went away");
    await expect(next).resolves.toMatchObject({ ok: true });
    expect(calls).toBe(2);
  });
});
