// Measured: a third platform touches only its own folder (test/platforms/fake/: an in-memory Matrix-like
// homeserver and its adapter, built on the adapter interface and the shared pipeline) and one line of
// composition (`platforms.register(…)` below). Nothing in src/ names it: the core, the store and the scheduler
// take it by its adapter's name.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Core, createCore } from "../../src/app";
import { PageTokens } from "../../src/core/paging";
import type { StateStore } from "../../src/core/services";
import type { AdapterDeps } from "../../src/platforms/adapter";
import { PlatformRegistry } from "../../src/platforms/registry";
import { createScheduler, type Scheduler } from "../../src/schedule/scheduler";
import { at, type TempStore, tempSqlite } from "../schedule/helpers";
import { createMatrixAdapter } from "./fake/adapter";
import { Homeserver } from "./fake/homeserver";

const ROOT = join(import.meta.dirname, "..", "..");
let temp: TempStore;
let store: StateStore;
let core: Core;
let scheduler: Scheduler;
let pages: PageTokens;
const server = new Homeserver();
const platforms = new PlatformRegistry();

beforeAll(async () => {
  temp = await tempSqlite();
  store = await temp.open();
  core = await createCore({ today: "2027-07-15", services: { store } });
  scheduler = createScheduler({
    store,
    corpus: () => core.holder.get(),
    senders: platforms.senders,
    queues: platforms.queues,
    queue: { perChatMs: 0, perGroupPerMinute: 60_000, perSecond: 1_000 },
  });
  pages = new PageTokens(1_000, store);
  const deps: AdapterDeps = {
    commands: core.commands,
    handle: core.handle,
    corpus: () => core.holder.get(),
    pages,
    logger: pino({ level: "silent" }),
    userLang: async (userId) => (await store.getUserLang(userId)) ?? undefined,
  };
  server.createRoom("!lobby", "group", ["@hoa"]);
  // The one line of composition that adds the platform:
  platforms.register(createMatrixAdapter(server, deps));
  await Promise.all(platforms.adapters.map((a) => a.start()));
});

afterAll(async () => {
  await scheduler.stop();
  await Promise.all(platforms.adapters.map((a) => a.stop()));
  await pages.flushed();
  await store.close();
  await temp.remove();
});

describe("a third platform through the adapter interface and the shared pipeline", () => {
  it("is registered under its own name, connected, and nothing in src/ names it", async () => {
    expect(platforms.status()).toEqual([{ name: "matrix", connected: true }]);
    expect(await filesMentioning(/matrix/i, join(ROOT, "src"))).toEqual([]);
  });

  it("answers a command in the room it was asked in", async () => {
    const [answer, ...more] = await server.say("@ana", "!lobby", "/province Sơn La");
    expect(more).toEqual([]);
    expect(answer?.room).toBe("!lobby");
    expect(answer?.text).toMatch(/^Sơn La/);
    expect(answer?.text).toMatch(/Nguồn:/);
    // A cited answer offers its quotes; pressing it shows them in place.
    await server.press("@ana", answer ?? fail(), "Trích dẫn");
    expect(answer?.edits).toBe(1);
    expect(answer?.text).toMatch(/Trích dẫn/);
  });

  it("turns pages in place with the page buttons", async () => {
    const [first] = await server.say("@ana", "!lobby", "/timeline");
    const page1 = first?.text ?? "";
    expect(page1).toMatch(/Trang 1\/(\d+)/);
    await server.press("@ana", first ?? fail(), "›");
    expect(first?.edits).toBe(1);
    expect(first?.text).toMatch(/Trang 2\/\d+/);
    expect(first?.text).not.toBe(page1);
    await server.press("@ana", first ?? fail(), "‹");
    expect(first?.text).toBe(page1);
  });

  it('runs a "did you mean" suggestion from its button', async () => {
    const [error] = await server.say("@ana", "!lobby", "/provnce son la", "en");
    expect(error?.text).toMatch(/There is no \/provnce/);
    await server.press("@ana", error ?? fail(), "/province son la");
    expect(error?.text).toMatch(/^Sơn La/);
  });

  it("refuses a chat-admin command to a member who does not administer the room, asking the homeserver", async () => {
    server.adminChecks.length = 0;
    const [refused] = await server.say("@ana", "!lobby", "/subscribe 08:00");
    expect(refused?.text).toMatch(/Chỉ quản trị viên mới thay đổi được đăng ký bản tin của nhóm này/);
    expect(server.adminChecks).toEqual([{ room: "!lobby", user: "@ana" }]);
    expect(await store.getSubscription("matrix:!lobby")).toBeUndefined();
    expect((await store.listAudit(1))[0]).toMatchObject({
      who: "matrix:@ana",
      where: "matrix:!lobby",
      result: "refused",
    });
    // Reading commands never ask.
    await server.say("@ana", "!lobby", "/help");
    expect(server.adminChecks).toHaveLength(1);
  });

  it("delivers the digest of a room its admin subscribed, through its adapter, once", async () => {
    const [accepted] = await server.say("@hoa", "!lobby", "/subscribe 08:00 en");
    expect(accepted?.text).toMatch(/Đã đăng ký nhận bản tin/);
    expect(await store.getSubscription("matrix:!lobby")).toMatchObject({ platform: "matrix", lang: "en" });
    const before = server.posted.length;
    const report = await scheduler.tick(at("2027-07-15 08:00"));
    expect(report.sent).toEqual(["digest:matrix:!lobby:2027-07-15"]);
    const digests = server.posted.slice(before);
    expect(digests.map((m) => m.room)).toEqual(["!lobby"]);
    expect(digests[0]?.text).toMatch(/^Hữu Nghị briefing — 15\/07\/2027/);
    await scheduler.tick(at("2027-07-15 08:01"));
    expect(server.posted.slice(before)).toHaveLength(1);
    // Its queue paces its rooms by its own rule: the lobby is a group.
    expect(platforms.queues.matrix?.isGroup?.("matrix:!lobby")).toBe(true);
  });

  it("reports a room it was removed from as gone, and the subscription ends", async () => {
    server.removeBot("!lobby");
    const report = await scheduler.tick(at("2027-07-16 08:00"));
    expect(report.gone).toEqual(["digest:matrix:!lobby:2027-07-16"]);
    expect(await store.getSubscription("matrix:!lobby")).toBeUndefined();
  });
});

function fail(): never {
  throw new Error("the bot did not answer");
}

/** Files under `dir` whose text matches `pattern`. */
async function filesMentioning(pattern: RegExp, dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (pattern.test(await readFile(path, "utf8"))) found.push(path);
  }
  return found;
}
