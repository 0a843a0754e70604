// Preconditions declared on a command: dispatch checks them, refuses clearly, and writes one audit entry.
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/app";
import type { Caller, Command } from "../../src/core/command";
import { type AuditEntry, NO_STORE, type StateStore } from "../../src/core/services";

const ran: string[] = [];

const commands: Command[] = [
  {
    name: "tweak",
    description: { vi: "Đổi cài đặt nhóm", en: "Change a chat setting" },
    args: [{ name: "value", kind: "text", required: false, description: { vi: "Giá trị", en: "Value" } }],
    requires: ["store", "chatAdmin"],
    run(ctx, args) {
      ran.push(`tweak ${String(args.value)}`);
      ctx.note(`set to ${String(args.value)}`);
      return { title: "done", blocks: [], citations: [] };
    },
  },
  {
    name: "secret",
    description: { vi: "Bí mật", en: "Secret" },
    args: [],
    requires: ["admin"],
    run() {
      ran.push("secret");
      return { lang: "en", title: "admin answer", blocks: [], citations: [] };
    },
  },
  {
    name: "plain",
    description: { vi: "Thường", en: "Plain" },
    args: [],
    run: () => ({ title: "plain", blocks: [], citations: [] }),
  },
];

function auditStore(): StateStore & { entries: AuditEntry[] } {
  const entries: AuditEntry[] = [];
  return {
    ...NO_STORE,
    entries,
    appendAudit: async (entry) => {
      entries.push(entry);
    },
  };
}

const member: Caller = {
  userId: "telegram:2",
  chatId: "telegram:-100",
  platform: "telegram",
  isChatAdmin: false,
  chatKind: "group",
};

async function setup(store?: StateStore) {
  return createCore({
    today: "2026-11-24",
    commands,
    services: { isAdmin: (id) => id === "telegram:1", ...(store ? { store } : {}) },
  });
}

describe("dispatch and the preconditions a command declares", () => {
  it("refuses a chat member who is not an admin of the group, with one audit entry", async () => {
    const store = auditStore();
    const core = await setup(store);
    ran.length = 0;
    const reply = await core.handle({ command: "tweak", text: "on", lang: "en", caller: member });
    expect(reply.error?.code).toBe("not-chat-admin");
    expect(reply.blocks[0]).toMatchObject({ line: { text: expect.stringContaining("administrator rights") } });
    expect(ran).toEqual([]);
    expect(store.entries).toMatchObject([
      { who: "telegram:2", where: "telegram:-100", what: "/tweak on", result: "refused" },
    ]);
  });

  it("runs for a chat admin and audits once, with the detail the command noted", async () => {
    const store = auditStore();
    const core = await setup(store);
    const reply = await core.handle({
      command: "tweak",
      text: "on",
      lang: "vi",
      caller: { ...member, isChatAdmin: true },
    });
    expect(reply).toMatchObject({ title: "done", lang: "vi" });
    expect(store.entries).toMatchObject([{ what: "/tweak on", result: "ok", detail: "set to on" }]);
  });

  it("refuses a command that needs a store when the bot has none, before anything runs", async () => {
    const core = await setup();
    ran.length = 0;
    const reply = await core.handle({
      command: "tweak",
      text: "on",
      lang: "en",
      caller: { ...member, isChatAdmin: true },
    });
    expect(reply.error?.code).toBe("no-store");
    expect(ran).toEqual([]);
  });

  it("refuses a non-admin an admin command and audits the attempt; an admin's answer keeps its own language", async () => {
    const store = auditStore();
    const core = await setup(store);
    ran.length = 0;
    expect((await core.handle({ command: "secret", lang: "vi", caller: member })).error?.code).toBe("admin-only");
    expect(ran).toEqual([]);
    const answer = await core.handle({ command: "secret", lang: "vi", caller: { ...member, userId: "telegram:1" } });
    expect(answer).toMatchObject({ title: "admin answer", lang: "en" });
    expect(store.entries.map((e) => e.result)).toEqual(["refused", "ok"]);
  });

  it("does not audit a command without preconditions, and gives its reply the caller's language", async () => {
    const store = auditStore();
    const core = await setup(store);
    expect(await core.handle({ command: "plain", lang: "en", caller: member })).toMatchObject({ lang: "en" });
    expect(store.entries).toEqual([]);
  });
});
