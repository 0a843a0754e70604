import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openStore, sqlitePath } from "../../src/store/open";
import { type StoreHarness, storeContract, subscription } from "./contract";

storeContract("SQLite file", async (): Promise<StoreHarness> => {
  const dir = await mkdtemp(join(tmpdir(), "huunghi-store-"));
  const clock = { now: 0 };
  let n = 0;
  let current = "";
  return {
    clock,
    async open() {
      current = `sqlite://${join(dir, `db-${n++}`, "bot.sqlite")}`;
      return openStore(current, { now: () => clock.now });
    },
    openSibling: () => openStore(current, { now: () => clock.now }),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});

describe("openStore with sqlite:// URLs", () => {
  it("resolves relative paths against the working directory and keeps absolute ones", () => {
    expect(sqlitePath("sqlite://var/bot.sqlite", "/srv/app")).toBe("/srv/app/var/bot.sqlite");
    expect(sqlitePath("sqlite:///data/bot.sqlite", "/srv/app")).toBe("/data/bot.sqlite");
    expect(() => sqlitePath("sqlite://")).toThrow(/names no file/);
  });

  it("creates the file and its directory on first run", async () => {
    const dir = await mkdtemp(join(tmpdir(), "huunghi-store-"));
    try {
      const store = await openStore("sqlite://nested/deeper/bot.sqlite", { cwd: dir });
      await store.setSubscription(subscription("telegram:-1"));
      await store.close();
      expect((await stat(join(dir, "nested/deeper/bot.sqlite"))).size).toBeGreaterThan(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("fails loudly when the file is not a database, and for unknown schemes", async () => {
    const dir = await mkdtemp(join(tmpdir(), "huunghi-store-"));
    try {
      await writeFile(join(dir, "junk.sqlite"), "this is not a database file, just text ".repeat(100));
      await expect(openStore(`sqlite://${join(dir, "junk.sqlite")}`)).rejects.toThrow();
      await expect(openStore("mongodb://localhost/x")).rejects.toThrow(/sqlite:\/\/… or redis:\/\//);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("corrupt records", () => {
  it("are errors naming the key; a listing can report and skip them", async () => {
    const dir = await mkdtemp(join(tmpdir(), "huunghi-store-"));
    try {
      const url = `sqlite://${join(dir, "bot.sqlite")}`;
      const store = await openStore(url);
      await store.setSubscription(subscription("telegram:-1"));
      await store.backend.keyv.set("sub:telegram:-2", { chatId: "telegram:-2", time: "noon" });
      await expect(store.getSubscription("telegram:-2")).rejects.toThrow(/corrupt record at sub:telegram:-2/);
      await expect(store.listSubscriptions()).rejects.toThrow(/corrupt record/);
      await store.close();

      const reported: string[] = [];
      const tolerant = await openStore(url, { onCorrupt: (e) => reported.push(e.key) });
      expect((await tolerant.listSubscriptions()).map((s) => s.chatId)).toEqual(["telegram:-1"]);
      expect(reported).toEqual(["sub:telegram:-2"]);
      await tolerant.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
