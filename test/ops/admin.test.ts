// Who is an admin (ADMIN_IDS), refusals and admin actions in the audit log (real SQLite store), /audit, /status.
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { createStatus, nextDigestText } from "../../src/ops/status";
import { createScheduler } from "../../src/schedule/scheduler";
import { subscription } from "../store/contract";
import { ADMIN, ask, caller, editYaml, MEMBER, plain, sqliteStore, useOpsWorkspace } from "./support";

/** The group's daily 07:00 subscription, made by the admin. */
function groupAt0700() {
  return subscription("telegram:-1001234", { time: "07:00", createdBy: ADMIN, createdAt: "2026-11-24T00:00:00.000Z" });
}

const ops = useOpsWorkspace();

describe("admin commands", () => {
  it("refuse a non-admin, audit the attempt, and leave the corpus alone", async () => {
    const before = ops.core.holder.get().version;
    await editYaml(ops.ws.data, "anniversaries.yaml", (list) => {
      list.pop();
    });

    const reply = await ask(ops.core, "/reload", MEMBER);

    expect(reply.error?.code).toBe("admin-only");
    expect(ops.core.holder.get().version).toBe(before);
    const [entry] = await ops.store.listAudit(5);
    expect(entry).toMatchObject({ who: MEMBER, where: "telegram:-1001234", what: "/reload", result: "refused" });
    expect(Number.isNaN(Date.parse(entry?.at ?? ""))).toBe(false);
  });

  it("audit a successful admin action with its result", async () => {
    const reply = await ask(ops.core, "/reload", ADMIN);
    expect(reply.error).toBeUndefined();
    const [entry] = await ops.store.listAudit(1);
    expect(entry).toMatchObject({ who: ADMIN, what: "/reload", result: "ok" });
    expect(entry?.detail).toContain(ops.core.holder.get().version);
  });

  it("audit a refused reload (broken data) as failed", async () => {
    await editYaml(ops.ws.data, "provinces.yaml", (list) => {
      list[0].country = "TH";
    });
    await ask(ops.core, "/reload", ADMIN);
    const [entry] = await ops.store.listAudit(1);
    expect(entry).toMatchObject({ who: ADMIN, what: "/reload", result: "failed", detail: "reload-refused" });
  });

  it("/audit [n] shows the latest entries to admins only", async () => {
    // Entries are ordered by their millisecond time stamp: keep them apart.
    const tick = () => new Promise((r) => setTimeout(r, 5));
    await ask(ops.core, "/reload", MEMBER);
    await tick();
    await ask(ops.core, "/status", MEMBER);
    await tick();
    await ask(ops.core, "/reload", ADMIN);

    const two = plain(await ask(ops.core, "/audit 2", ADMIN));
    expect(two).toContain("Audit log — latest 2");
    // Times in the bot's zone, written as staff read dates everywhere else.
    expect(two).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2} GMT\+7 · telegram:111111/);
    expect(two).toMatch(/telegram:111111 @ telegram:-1001234 · \/reload → ok/);
    expect(two).toMatch(/telegram:222222 @ telegram:-1001234 · \/status → refused \(not an admin\)/);
    expect(two).not.toMatch(/telegram:222222 .* \/reload/);

    const vi = plain(await ask(ops.core, "/audit", ADMIN, "vi"));
    expect(vi).toContain("bị từ chối");

    const refused = await ask(ops.core, "/audit", MEMBER);
    expect(refused.error?.code).toBe("admin-only");
    expect(plain(refused)).not.toContain(ADMIN);
  });

  it("/status reports versions, counts, platforms, subscriptions and the next digest", async () => {
    const startedAt = Date.parse("2026-11-24T00:00:00Z");
    ops.core.env.services.status = createStatus({
      version: "9.9.9",
      startedAt,
      now: () => startedAt + 93_784_000,
      corpus: () => ops.core.holder.get(),
      platforms: () => [
        { name: "telegram", connected: true },
        { name: "discord", connected: false },
      ],
      store: ops.store,
      nextDigest: () => "2026-11-25 07:00 Asia/Ho_Chi_Minh",
    });
    await ops.store.setSubscription(groupAt0700());

    const text = plain(await ask(ops.core, "/status", ADMIN));

    const corpus = ops.core.holder.get();
    expect(text).toContain("Version: 9.9.9");
    expect(text).toContain(`Corpus version: ${corpus.version}`);
    expect(text).toContain("Uptime: 1 d 2 h 3 min");
    expect(text).toContain("telegram: connected, discord: disconnected");
    expect(text).toContain("Digest subscriptions: 1");
    expect(text).toContain("Next digest: 2026-11-25 07:00 Asia/Ho_Chi_Minh");
    expect(text).toContain(`Provinces: ${corpus.data.provinces.length}`);
    expect((await ask(ops.core, "/status", MEMBER)).error?.code).toBe("admin-only");
  });

  it("/status still answers when the store fails: subscriptions and next digest say the store is failing", async () => {
    // Wired as src/main.ts wires it: the next digest comes from the real scheduler, which reads the store.
    const failing = await sqliteStore(ops.ws.root);
    const scheduler = createScheduler({ store: failing, corpus: () => ops.core.holder.get(), senders: {} });
    ops.core.env.services.status = createStatus({
      startedAt: Date.now(),
      corpus: () => ops.core.holder.get(),
      platforms: () => [{ name: "telegram", connected: true }],
      store: failing,
      nextDigest: nextDigestText({ enabled: true, zone: "Asia/Ho_Chi_Minh", nextRun: () => scheduler.nextRun() }),
    });
    await failing.close();

    const reply = await ask(ops.core, "/status", ADMIN);
    const text = plain(reply);
    expect(reply.error).toBeUndefined();
    expect(text).toContain("Digest subscriptions: unknown: the store is failing (the state store is closed)");
    expect(text).toContain("Next digest: unknown: the store is failing (the state store is closed)");
    expect(text).toContain(`Corpus version: ${ops.core.holder.get().version}`);
    const vi = plain(await ask(ops.core, "/status", ADMIN, "vi"));
    expect(vi).toContain("không rõ: kho lưu trữ lỗi");
  });

  it("/status shows the next digest from the subscriptions in the store", async () => {
    const scheduler = createScheduler({ store: ops.store, corpus: () => ops.core.holder.get(), senders: {} });
    ops.core.env.services.status = createStatus({
      startedAt: Date.now(),
      corpus: () => ops.core.holder.get(),
      platforms: () => [],
      store: ops.store,
      nextDigest: nextDigestText({ enabled: true, zone: "Asia/Ho_Chi_Minh", nextRun: () => scheduler.nextRun() }),
    });
    expect(plain(await ask(ops.core, "/status", ADMIN))).toContain("Next digest: none scheduled");
    await ops.store.setSubscription(groupAt0700());
    expect(plain(await ask(ops.core, "/status", ADMIN))).toMatch(/Next digest: \d{2}\/\d{2}\/\d{4} 07:00 GMT\+7/);
  });

  it("a member's /subscribe in a group is refused clearly even when the audit entry cannot be written", async () => {
    const failing = await sqliteStore(ops.ws.root);
    await failing.close();
    const reported: string[] = [];
    ops.core.env.services.store = failing;
    ops.core.env.services.reportError = (error, what) => reported.push(`${what}: ${(error as Error).message}`);
    const member = { ...caller(MEMBER), isChatAdmin: false };

    const reply = await ops.core.handle({ command: "subscribe", text: "", lang: "en", caller: member });
    expect(reply.error?.code).toBe("not-chat-admin");
    expect(plain(reply)).toContain("Only administrators can change this group's digest subscription");
    expect(reported).toEqual(["could not audit a refused /subscribe: the state store is closed"]);

    const unsubscribe = await ops.core.handle({ command: "unsubscribe", text: "", lang: "vi", caller: member });
    expect(unsubscribe.error?.code).toBe("not-chat-admin");
    expect(reported).toHaveLength(2);
  });

  it("/help lists admin commands to admins only", async () => {
    expect(plain(await ask(ops.core, "/help", ADMIN))).toContain("/reload");
    expect(plain(await ask(ops.core, "/help", MEMBER))).not.toContain("/reload");
  });
});

describe("ADMIN_IDS", () => {
  it("takes platform-prefixed ids, and names each malformed entry", () => {
    const ok = loadConfig({ ADMIN_IDS: "telegram:123456, discord:987654321098765432" });
    expect(ok.ok && [...ok.config.adminIds]).toEqual(["telegram:123456", "discord:987654321098765432"]);
    const bad = loadConfig({ ADMIN_IDS: "123456,discord:abc,telegram:42" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors).toHaveLength(2);
      expect(bad.errors[0]).toContain('"123456"');
      expect(bad.errors[1]).toContain('"discord:abc"');
      // The message names every accepted form, the console's included.
      expect(bad.errors[0]).toMatch(/telegram:<.*discord:<.*console:<name>.*console:local/);
    }
    const consoleAdmin = loadConfig({ ADMIN_IDS: "console:local" });
    expect(consoleAdmin.ok && [...consoleAdmin.config.adminIds]).toEqual(["console:local"]);
  });
});
