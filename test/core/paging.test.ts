// Page tokens: every token reaches the store, those issued close together in one write.
import { describe, expect, it, vi } from "vitest";
import { type PagedInvocation, type PageEntry, type PageStore, PageTokens } from "../../src/core/paging";

function recordingStore(options: { batches: boolean; failing?: boolean }) {
  const saved = new Map<string, PagedInvocation>();
  const calls: string[] = [];
  const store: PageStore = {
    async savePage(token, invocation) {
      calls.push("savePage");
      if (options.failing) throw new Error("store down");
      saved.set(token, invocation);
    },
    async loadPage(token) {
      return saved.get(token);
    },
  };
  if (options.batches) {
    store.savePages = async (entries: readonly PageEntry[]) => {
      calls.push(`savePages(${entries.length})`);
      if (options.failing) throw new Error("store down");
      for (const e of entries) saved.set(e.token, e.invocation);
    };
  }
  return { store, saved, calls };
}

const inv = (text: string): PagedInvocation => ({ command: "timeline", text, lang: "vi" });

describe("PageTokens", () => {
  it("writes tokens issued close together in one store call, unasked, a moment later", async () => {
    const { store, saved, calls } = recordingStore({ batches: true });
    const pages = new PageTokens(100, store);
    const tokens = [pages.issue(inv("a")), pages.issue(inv("b"))];
    await Promise.resolve();
    pages.issue(inv("c"));
    await vi.waitFor(() => expect(calls).toEqual(["savePages(3)"]));
    expect(tokens.map((t) => saved.get(t)?.text)).toEqual(["a", "b"]);
  });

  it("flushed() writes what is waiting at once, and later tokens go in the next write", async () => {
    const { store, saved, calls } = recordingStore({ batches: true });
    const pages = new PageTokens(100, store);
    const first = [pages.issue(inv("a")), pages.issue(inv("b")), pages.issue(inv("c"))];
    await pages.flushed();
    const later = pages.issue(inv("d"));
    await pages.flushed();
    expect(calls).toEqual(["savePages(3)", "savePages(1)"]);
    expect([...first, later].map((t) => saved.get(t)?.text)).toEqual(["a", "b", "c", "d"]);
    // A process sharing the store (a restart, another replica) finds them.
    const sibling = new PageTokens(100, store);
    expect(await sibling.get(later)).toEqual(inv("d"));
  });

  it("writes one token at a time to a store without batches", async () => {
    const { store, saved, calls } = recordingStore({ batches: false });
    const pages = new PageTokens(100, store);
    const tokens = [pages.issue(inv("a")), pages.issue(inv("b"))];
    await pages.flushed();
    expect(calls).toEqual(["savePage", "savePage"]);
    expect(tokens.map((t) => saved.get(t)?.text)).toEqual(["a", "b"]);
  });

  it("reports a failed write and keeps the tokens working on this process", async () => {
    const { store } = recordingStore({ batches: true, failing: true });
    const errors: unknown[] = [];
    const pages = new PageTokens(100, store, (error) => errors.push(error));
    const token = pages.issue(inv("a"));
    await pages.flushed();
    expect(errors).toHaveLength(1);
    expect(await pages.get(token)).toEqual(inv("a"));
  });

  it("issues distinct tokens of callback-data size", () => {
    const pages = new PageTokens(5_000);
    const tokens = Array.from({ length: 2_000 }, (_, i) => pages.issue(inv(String(i))));
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9_-]{8}$/);
  });
});
