import { execFile } from "node:child_process";
import { copyFile, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
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

describe("upgrading", () => {
  it("reads a database written by 0.1.0 (@keyv/sqlite over node-sqlite3) as it is", async () => {
    const dir = await mkdtemp(join(tmpdir(), "huunghi-store-"));
    try {
      const file = join(dir, "bot.sqlite");
      await copyFile(fileURLToPath(new URL("./fixtures/v0.1.0.sqlite", import.meta.url)), file);
      const now = Date.parse("2027-07-18T01:00:30Z");
      const store = await openStore(`sqlite://${file}`, { now: () => now });
      expect((await store.listSubscriptions()).map((s) => s.chatId).sort()).toEqual([
        "discord:g1:c2",
        "telegram:-1001",
      ]);
      expect(await store.getSubscription("discord:g1:c2")).toMatchObject({ cadence: "weekly", weekday: 1, lang: "en" });
      expect(await store.getUserLang("telegram:5")).toBe("en");
      expect(await store.getDelivery("digest:telegram:-1001:2027-07-17")).toMatchObject({ state: "sent" });
      // The claim written by 0.1.0 is still held (its lease has not run out): nobody else may take it.
      expect(await store.claimDelivery("digest:discord:g1:c2:2027-W28", "host-b", 60_000)).toBe("held-by-other");
      expect(await store.claimDelivery("digest:telegram:-1001:2027-07-17", "host-b", 60_000)).toBe("already-sent");
      expect((await store.listAudit(10)).map((a) => a.what)).toEqual(["/reload"]);
      await store.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("several processes on one file", () => {
  it("claim each delivery exactly once between them (real SQLite file locks)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "huunghi-store-"));
    try {
      const url = `sqlite://${join(dir, "bot.sqlite")}`;
      // Create the file first, so the racers do not also race to create the table.
      await (await openStore(url)).close();
      const child = fileURLToPath(new URL("./claim-race-child.ts", import.meta.url));
      const run = (owner: string) =>
        new Promise<string[]>((resolvePromise, reject) => {
          execFile(
            process.execPath,
            ["--import", "tsx", child, url, owner, "300"],
            { timeout: 60_000 },
            (error, stdout, stderr) =>
              error ? reject(new Error(`${error.message}\n${stderr}`)) : resolvePromise(JSON.parse(stdout)),
          );
        });
      const results = await Promise.all(["a", "b", "c"].map(run));
      const all = results.flat();
      expect(all.length).toBe(300);
      expect(new Set(all).size).toBe(300);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
