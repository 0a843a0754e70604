// End to end: the real discord.js Client logs in to the local Discord (REST + gateway on 127.0.0.1),
// receives INTERACTION_CREATE dispatches and answers through interaction callbacks and webhook edits.
// The server refuses anything Discord would refuse (limits, late or double acknowledgements).

import { setTimeout as sleep } from "node:timers/promises";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands as realCommands } from "../../../commands/index";
import { createCore } from "../../../src/app";
import { type Caller, type Command, type CommandReply, isAdminOnly } from "../../../src/core/command";
import { UserError } from "../../../src/core/errors";
import type { Reply } from "../../../src/core/reply";
import { expandCiteNumbers } from "../../../src/core/source-list";
import { ChatGoneError, type PlatformAdapter } from "../../../src/platforms/adapter";
import { createDiscordAdapter } from "../../../src/platforms/discord/adapter";
import {
  type DiscordServer,
  type InteractionHandle,
  type Json,
  MANAGE_CHANNELS,
  MEMBER_PERMISSIONS,
  type RecordedRequest,
  startDiscordServer,
} from "../../support/discord-server";

const TODAY = "2026-11-24";
const SLOW_MS = 2500;
const EPHEMERAL = 64;
const seenCallers: Caller[] = [];
const ADMIN = "discord:900000000000000009";
let slowFinishedAt = 0;

/** Commands only these tests use: a caller spy named like the real subscribe, a slow one, a huge one, a buggy one. */
const testCommands: Command[] = [
  {
    name: "subscribe",
    description: { vi: "Thử quyền", en: "Permission probe" },
    args: [],
    // Like the real /subscribe: refused where the bot could not post its digests.
    postsLater: true,
    run(ctx): CommandReply {
      seenCallers.push(ctx.caller);
      return { title: `caller ${ctx.caller.isChatAdmin}`, blocks: [], citations: [] };
    },
  },
  {
    name: "slow",
    description: { vi: "Lệnh chậm", en: "Slow command" },
    args: [{ name: "fail", kind: "text", required: false, description: { vi: "Lỗi", en: "Fail" } }],
    async run(_ctx, args): Promise<CommandReply> {
      await sleep(SLOW_MS);
      slowFinishedAt = Date.now();
      if (args.fail) throw new UserError("slow-failure", { vi: "Thất bại chậm", en: "Slow failure" });
      return { title: "Đã xong", blocks: [{ kind: "text", line: { text: "kết quả chậm" } }], citations: [] };
    },
  },
  {
    name: "huge",
    description: { vi: "Trả lời rất dài", en: "Very long answer" },
    args: [],
    run(): CommandReply {
      return {
        title: "Dài ".repeat(200),
        blocks: [
          {
            kind: "list",
            items: Array.from({ length: 500 }, (_, i) => ({ text: `Dòng ${i} ${"chữ ".repeat(15)}`, cites: [1] })),
          },
        ],
        citations: Array.from({ length: 50 }, (_, i) => ({
          n: i + 1,
          source: `nguon-${i}.md`,
          title: `Nguồn ${i}`,
          quote: "trích ".repeat(200),
          factId: `f${i}`,
        })),
      };
    },
  },
  {
    name: "slowprivate",
    description: { vi: "Trả lời riêng chậm", en: "Slow private answer" },
    args: [],
    async run(): Promise<CommandReply> {
      await sleep(SLOW_MS);
      return {
        title: "Riêng tư",
        blocks: [{ kind: "text", line: { text: "chỉ bạn thấy" } }],
        citations: [],
        private: true,
      };
    },
  },
  {
    name: "slowadmin",
    description: { vi: "Lệnh quản trị chậm", en: "Slow admin command" },
    args: [],
    requires: ["admin"],
    async run(): Promise<CommandReply> {
      await sleep(SLOW_MS);
      return {
        title: "Trạng thái",
        blocks: [{ kind: "text", line: { text: "bí mật" } }],
        citations: [],
        private: true,
      };
    },
  },
  {
    name: "flaky",
    description: { vi: "Trang 2 lỗi", en: "Page 2 fails" },
    args: [],
    run(ctx): CommandReply {
      if (ctx.page > 1) throw new UserError("gone", { vi: "Trang này không còn", en: "This page is gone" });
      return { title: "Trang một", blocks: [], citations: [], paging: { page: 1, pageCount: 2 } };
    },
  },
  {
    name: "boom",
    description: { vi: "Lỗi nội bộ", en: "Internal error" },
    args: [],
    run(): CommandReply {
      throw new Error("bug in a command");
    },
  },
];
const testNames = new Set(testCommands.map((c) => c.name));
const commands = [...realCommands.filter((c) => !testNames.has(c.name)), ...testCommands];

let server: DiscordServer;
let adapter: PlatformAdapter;
const logged: Json[] = [];

beforeAll(async () => {
  server = await startDiscordServer({ heartbeatIntervalMs: 250 });
  const logger = pino({ level: "debug" }, { write: (line: string) => logged.push(JSON.parse(line)) });
  const core = await createCore({ today: TODAY, commands, logger, services: { isAdmin: (id) => id === ADMIN } });
  adapter = createDiscordAdapter(
    { token: server.token, applicationId: server.applicationId, guildId: server.guildId, apiRoot: server.apiRoot },
    {
      commands: core.commands,
      handle: core.handle,
      corpus: () => core.holder.get(),
      pages: core.pages,
      logger,
      userLang: async (userId) => (userId === "discord:700000000000000007" ? "vi" : undefined),
    },
  );
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  await server?.close();
});

/** The first response to an interaction (its callback). */
function callback(h: InteractionHandle): Promise<RecordedRequest> {
  return server.waitFor((r) => r.path === `/interactions/${h.id}/${h.token}/callback`);
}

/** The message the user ends up seeing: the callback's message, or the edit of a deferred reply. */
async function answer(h: InteractionHandle): Promise<Json> {
  const first = await callback(h);
  expect(first.status, JSON.stringify(first.error)).toBeLessThan(300);
  if (first.body.type === 4 || first.body.type === 7) return first.body.data;
  const edit = await server.waitFor(
    (r) => r.path.startsWith(`/webhooks/${server.applicationId}/${h.token}`) && r.method !== "DELETE",
  );
  expect(edit.status, JSON.stringify(edit.error)).toBeLessThan(300);
  return edit.body;
}

const text = (message: Json): string =>
  (message.embeds ?? [])
    .map((e: Json) =>
      [e.title, e.description, ...(e.fields ?? []).flatMap((f: Json) => [f.name, f.value]), e.footer?.text].join("\n"),
    )
    .join("\n");

describe("Discord adapter with the real discord.js client", () => {
  it("logs in over the gateway: IDENTIFY with the token, plain JSON v10, heartbeats acknowledged", async () => {
    expect(adapter.connected()).toBe(true);
    expect(server.identifies[0]?.token).toBe(server.token);
    expect(server.gatewayQueries[0]?.get("v")).toBe("10");
    expect(server.gatewayQueries[0]?.get("encoding")).toBe("json");
    expect(server.gatewayQueries[0]?.has("compress")).toBe(false);
    for (let i = 0; i < 40 && server.heartbeats === 0; i++) await sleep(50);
    expect(server.heartbeats).toBeGreaterThan(0);
  });

  it("registers the slash commands in the guild with localizations and typed options", () => {
    const registered = server.commands.get(server.guildId) ?? [];
    expect(server.commands.has("global")).toBe(false);
    for (const c of commands) {
      const json = registered.find((r) => r.name === c.name);
      expect(json, c.name).toBeDefined();
      expect(json.description_localizations.vi).toBe(c.description.vi.slice(0, 100));
      expect(json.description_localizations["en-US"]).toBe(c.description.en.slice(0, 100));
      expect(json.default_member_permissions !== undefined).toBe(isAdminOnly(c));
    }
    const province = registered.find((r) => r.name === "province");
    expect(province.options[0]).toMatchObject({ type: 3, autocomplete: true, required: true });
    const agreements = registered.find((r) => r.name === "agreements");
    expect(agreements.options.find((o: Json) => o.name === "year")).toMatchObject({
      type: 4,
      min_value: 1900,
      max_value: 2100,
    });
  });

  it("answers /province in Vietnamese for a Vietnamese locale, with cited sources", async () => {
    const h = server.chatInput("province", [{ name: "name", type: 3, value: "son la" }], { locale: "vi" });
    const message = await answer(h);
    expect(message.flags ?? 0).toBe(0);
    expect(message.embeds[0].title).toContain("Sơn La");
    const fields = message.embeds.flatMap((e: Json) => e.fields ?? []);
    expect(fields[0].name).toBe("Nguồn");
    // Each source once, with the numbers cited from it.
    expect(fields[0].value).toMatch(/^\*\*\[1[,\d–\s]*\]\*\* /);
    // The verbatim quotes are one click away.
    expect(JSON.stringify(message.components)).toContain("📑 Trích dẫn");
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });

  it("answers in English for other locales, and follows a stored /lang choice over the locale", async () => {
    const en = await answer(
      server.chatInput("province", [{ name: "name", type: 3, value: "Sơn La" }], { locale: "fr" }),
    );
    expect(en.embeds.flatMap((e: Json) => e.fields ?? [])[0].name).toBe("Sources");
    const stored = await answer(
      server.chatInput("province", [{ name: "name", type: 3, value: "Sơn La" }], {
        locale: "en-US",
        userId: "700000000000000007",
      }),
    );
    expect(stored.embeds.flatMap((e: Json) => e.fields ?? [])[0].name).toBe("Nguồn");
  });

  it("answers /agreements 2022 with the 2022–2024 agreements", async () => {
    const message = await answer(
      server.chatInput("agreements", [{ name: "year", type: 4, value: 2022 }], { locale: "vi" }),
    );
    const all = text(message);
    expect(all).toContain("2022 – 2024");
    expect(all).toContain("Xiêng Khoảng");
    expect(all).toContain("Luông Pha Bang");
  });

  it("answers every public command with an embed, and refuses admin commands privately", async () => {
    const samples: Record<string, { name: string; type: 3 | 4; value: string | number }[]> = {
      help: [],
      province: [{ name: "name", type: 3, value: "Luang Prabang" }],
      agreements: [],
      timeline: [{ name: "province", type: 3, value: "Sơn La" }],
      anniversaries: [{ name: "days", type: 4, value: 366 }],
      search: [{ name: "words", type: 3, value: "học bổng" }],
    };
    for (const c of realCommands) {
      const options = samples[c.name] ?? [];
      if (!isAdminOnly(c) && !(c.name in samples)) continue;
      const message = await answer(server.chatInput(c.name, options, { locale: "vi" }));
      expect(message.embeds.length, c.name).toBeGreaterThan(0);
      expect(message.embeds[0].title.length, c.name).toBeGreaterThan(0);
      if (isAdminOnly(c)) {
        expect(message.flags & EPHEMERAL, c.name).toBe(EPHEMERAL);
        expect(text(message)).toContain("quản trị");
      } else {
        expect(message.flags ?? 0, c.name).toBe(0);
        expect(message.embeds[0].color, c.name).toBe(0x1e5aa8);
      }
    }
  });

  it("autocompletes “son” with Sơn La first", async () => {
    const h = server.autocomplete("province", [{ name: "name", type: 3, value: "son", focused: true }], {
      locale: "vi",
    });
    const r = await callback(h);
    expect(r.status).toBe(204);
    expect(r.body.type).toBe(8);
    expect(r.body.data.choices[0]).toMatchObject({ value: "Sơn La" });
    expect(r.body.data.choices.length).toBeLessThanOrEqual(25);
  });

  it("turns pages with buttons that edit the same message", async () => {
    const h = server.chatInput("timeline", [], { locale: "en-US" });
    const first = await answer(h);
    expect(first.embeds.at(-1).footer.text).toMatch(/^Page 1\/\d+/);
    const [prev, , next] = first.components[0].components;
    expect(prev.disabled).toBe(true);
    expect(next.custom_id).toMatch(/^pg:[\w-]+:2$/);
    const original = [...server.messages.values()].find((m) => m.interaction_metadata?.id === h.id);
    expect(original).toBeDefined();

    const click = server.button(next.custom_id, original.id, { locale: "en-US" });
    const r = await callback(click);
    expect(r.status).toBe(204);
    expect(r.body.type).toBe(7); // UPDATE_MESSAGE: the same message, not a new one
    expect(r.body.data.embeds.at(-1).footer.text).toMatch(/^Page 2\//);
    expect(text(r.body.data)).not.toBe(text(first));
    expect(server.messages.get(original.id).embeds).toEqual(r.body.data.embeds);
    expect(r.body.data.components[0].components[0]).toMatchObject({
      custom_id: next.custom_id.replace(/2$/, "1"),
      disabled: false,
    });
  });

  it("answers a page that fails privately, leaving the shared message as it was", async () => {
    const h = server.chatInput("flaky", [], { locale: "en-US" });
    const first = await answer(h);
    const original = [...server.messages.values()].find((m) => m.interaction_metadata?.id === h.id);
    const next = first.components[0].components[2];
    const r = await callback(server.button(next.custom_id, original.id, { locale: "en-US" }));
    expect(r.status).toBe(204);
    expect(r.body.type).toBe(4);
    expect(r.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(text(r.body.data)).toContain("This page is gone");
    expect(server.messages.get(original.id).embeds).toEqual(first.embeds);
  });

  it("offers “did you mean” buttons on a private error; a click answers publicly", async () => {
    const h = server.chatInput("province", [{ name: "name", type: 3, value: "son lá x" }], { locale: "vi" });
    const error = await answer(h);
    expect(error.flags & EPHEMERAL).toBe(EPHEMERAL);
    const [suggestion] = error.components[0].components;
    expect(suggestion.label).toBe("→ /province Sơn La");
    const ephemeral = [...server.messages.values()].find((m) => m.interaction_metadata?.id === h.id);
    const r = await callback(server.button(suggestion.custom_id, ephemeral.id, { locale: "vi" }));
    expect(r.status).toBe(204);
    expect(r.body.type).toBe(4);
    expect(r.body.data.flags ?? 0).toBe(0);
    expect(r.body.data.embeds[0].title).toContain("Sơn La");
  });

  it("answers an expired or unknown page button privately and politely", async () => {
    const h = server.chatInput("help", [], { locale: "vi" });
    await answer(h);
    const msg = [...server.messages.values()].find((m) => m.interaction_metadata?.id === h.id);
    for (const [id, expected] of [
      ["pg:nosuchtoken:2", "hết hạn"],
      ["something-else", "không còn dùng"],
    ]) {
      const r = await callback(server.button(id as string, msg.id, { locale: "vi" }));
      expect(r.body.type).toBe(4);
      expect(r.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(r.body.data.content).toContain(expected);
    }
  });

  it("keeps a very long answer within every Discord limit", async () => {
    const r = await callback(server.chatInput("huge", [], { locale: "vi" }));
    // The server refuses (400) any message over a limit, so 204 means every limit held.
    expect(r.status, JSON.stringify(r.error)).toBe(204);
    const embeds = r.body.data.embeds;
    expect(embeds[0].title.length).toBeLessThanOrEqual(256);
    // Nothing is shortened away: the answer is cut into parts turned with buttons, each listing its sources.
    expect(text(r.body.data)).not.toContain("đã rút gọn");
    expect(text(r.body.data)).not.toContain("nguồn khác không hiển thị hết");
    const footer: string = embeds.at(-1).footer.text;
    const pageCount = Number(/Trang 1\/(\d+)/.exec(footer)?.[1]);
    expect(pageCount).toBeGreaterThan(1);
    const next = r.body.data.components[0].components.find((b: Json) => /Trang sau/.test(b.label));
    expect(next.disabled).toBe(false);
    const posted = [...server.messages.values()].find((m) =>
      (m.components ?? []).some((row: Json) => row.components.some((b: Json) => b.custom_id === next.custom_id)),
    );
    const click = server.button(next.custom_id, posted.id, { locale: "vi" });
    const turned = await callback(click);
    expect(turned.status, JSON.stringify(turned.error)).toBe(204);
    expect(turned.body.type).toBe(7);
    expect(turned.body.data.embeds.at(-1).footer.text).toContain(`Trang 2/${pageCount}`);
  });

  it("lists every source an answer part cites (Sơn La: no [n] without its source)", async () => {
    const r = await answer(
      server.chatInput("province", [{ name: "name", type: 3, value: "Sơn La" }], { locale: "vi" }),
    );
    const embeds: Json[] = r.embeds;
    const body = embeds.map((e) => e.description ?? "").join("\n");
    const sources = embeds.flatMap((e) => (e.fields ?? []).map((f: Json) => f.value)).join("\n");
    const cited = new Set([...body.matchAll(/\[(\d+)\]/g)].map((m) => m[1]));
    const listed = new Set<string | undefined>(
      [...sources.matchAll(/^\*\*(\[[\d,–\s]+\])\*\*/gm)].flatMap((m) => expandCiteNumbers(m[1] ?? "").map(String)),
    );
    expect(cited.size).toBeGreaterThan(0);
    for (const n of cited) expect(listed.has(n), `[${n}] is cited but not listed`).toBe(true);
  });

  it("defers a slow command within 3 seconds, then edits the reply; a slow failure is shown privately", async () => {
    const ok = server.chatInput("slow", [], { locale: "vi" });
    const failing = server.chatInput("slow", [{ name: "fail", type: 3, value: "yes" }], { locale: "vi" });
    const deferred = await callback(ok);
    // Accepted by the server, which refuses a first response later than 3 s (10062 Unknown interaction).
    expect(deferred.status).toBe(204);
    expect(deferred.body.type).toBe(5);
    const edit = await server.waitFor((r) => r.method === "PATCH" && r.path.includes(ok.token));
    expect(edit.status, JSON.stringify([edit.path, edit.error])).toBe(200);
    expect(deferred.at).toBeLessThan(edit.at);
    expect(deferred.at).toBeLessThanOrEqual(slowFinishedAt);
    expect(edit.body.embeds[0].title).toBe("Đã xong");

    expect((await callback(failing)).body.type).toBe(5);
    // Discord turns the first follow-up of a public deferral into that public message: the error must end up
    // in a message that still exists, not in one deleted right after.
    await server.waitFor((r) => r.path.includes(failing.token) && r.method !== "GET" && r.status < 300);
    await sleep(100);
    const seen = [...server.messages.values()].filter((m) => text(m).includes("Thất bại chậm"));
    expect(seen).toHaveLength(1);
    expect(server.requestsFor(failing).filter((r) => r.method === "DELETE")).toEqual([]);
  });

  it("a slow private answer reaches its reader privately; a slow admin command is deferred privately", async () => {
    const slowPrivate = server.chatInput("slowprivate", [], { locale: "vi" });
    expect((await callback(slowPrivate)).body.type).toBe(5);
    const followUp = await server.waitFor(
      (r) => r.method === "POST" && r.path === `/webhooks/${server.applicationId}/${slowPrivate.token}`,
    );
    expect(followUp.status).toBe(200);
    // The answer exists as an ephemeral message; the public deferred message only says it was sent privately.
    const answerMessages = [...server.messages.values()].filter((m) => text(m).includes("chỉ bạn thấy"));
    expect(answerMessages).toHaveLength(1);
    expect(answerMessages[0].flags & EPHEMERAL).toBe(EPHEMERAL);

    const admin = server.chatInput("slowadmin", [], { locale: "vi", userId: ADMIN.slice("discord:".length) });
    const deferral = await callback(admin);
    expect(deferral.body.type).toBe(5);
    expect(deferral.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    await server.waitFor((r) => r.method === "PATCH" && r.path.includes(admin.token));
    const secret = [...server.messages.values()].filter((m) => text(m).includes("bí mật"));
    expect(secret).toHaveLength(1);
    expect(secret[0].flags & EPHEMERAL).toBe(EPHEMERAL);
  });

  it("refuses /subscribe where the bot cannot post, naming the missing permissions", async () => {
    const VIEW = 1n << 10n;
    const SEND = 1n << 11n;
    const EMBED = 1n << 14n;
    const refused = await callback(server.chatInput("subscribe", [], { appPermissions: VIEW | SEND }));
    expect(refused.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(refused.body.data.content).toContain("Embed Links");
    expect(refused.body.data.content).not.toContain("Send Messages");
    const inThread = await callback(
      server.chatInput("subscribe", [], {
        appPermissions: VIEW | SEND | EMBED,
        channelType: 11,
        channelId: "990000000000000001",
      }),
    );
    expect(JSON.stringify(inThread.body)).toContain("Send Messages in Threads");
    const before = seenCallers.length;
    const allowed = await callback(server.chatInput("subscribe", [], { appPermissions: VIEW | SEND | EMBED }));
    expect(allowed.status).toBe(204);
    expect(seenCallers.length).toBe(before + 1);
    // A command that does not post later is answered where the bot could not post a digest.
    const answered = await answer(
      server.chatInput("province", [{ name: "name", type: 3, value: "Sơn La" }], {
        appPermissions: VIEW | SEND,
      }),
    );
    expect(text(answered)).toContain("Sơn La");
    expect(text(answered)).not.toContain("Embed Links");
  });

  it("answers hostile arguments safely and privately, and keeps running", async () => {
    const hostile = "<@&1> @everyone **đậm** `code` [link](https://evil.example) ||x||";
    const unknown = await answer(
      server.chatInput("province", [{ name: "name", type: 3, value: hostile }], { locale: "vi" }),
    );
    expect(unknown.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(unknown.allowed_mentions).toEqual({ parse: [] });
    const shown = text(unknown);
    expect(shown).not.toMatch(/(^|[^\\])<@&1>/);
    expect(shown).not.toMatch(/(^|[^\\])\*\*đậm/);
    expect(shown).not.toMatch(/(^|[^\\])\[link\]/);

    const tooLong = await answer(
      server.chatInput("search", [{ name: "words", type: 3, value: "x".repeat(5000) }], { locale: "en-US" }),
    );
    expect(tooLong.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(text(tooLong)).toContain("too long");

    const outOfRange = await answer(
      server.chatInput("agreements", [{ name: "year", type: 4, value: 99999 }], { locale: "en-US" }),
    );
    expect(outOfRange.flags & EPHEMERAL).toBe(EPHEMERAL);

    const unknownCommand = await answer(server.chatInput("drop-table", [], { locale: "en-US" }));
    expect(unknownCommand.flags & EPHEMERAL).toBe(EPHEMERAL);

    const bug = await answer(server.chatInput("boom", [], { locale: "en-US" }));
    expect(bug.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(logged.some((l) => l.msg === "command failed" || JSON.stringify(l).includes("bug in a command"))).toBe(true);

    const after = await answer(
      server.chatInput("province", [{ name: "name", type: 3, value: "Sơn La" }], { locale: "vi" }),
    );
    expect(after.embeds[0].title).toContain("Sơn La");
    expect(adapter.connected()).toBe(true);
  });

  it("resumes after the gateway connection drops, and keeps answering", async () => {
    server.dropGateway();
    for (let i = 0; i < 100 && server.resumes === 0; i++) await sleep(50);
    expect(server.resumes).toBe(1);
    for (let i = 0; i < 100 && !adapter.connected(); i++) await sleep(50);
    const message = await answer(
      server.chatInput("province", [{ name: "name", type: 3, value: "Bò Kẹo" }], { locale: "vi" }),
    );
    expect(message.embeds[0].title).toContain("Bò Kẹo");
  });

  it("gives the core platform ids, and Manage Channels as chat admin for subscribe", async () => {
    seenCallers.length = 0;
    await answer(server.chatInput("subscribe", [], { userId: "600000000000000006", permissions: MEMBER_PERMISSIONS }));
    await answer(server.chatInput("subscribe", [], { permissions: MEMBER_PERMISSIONS | MANAGE_CHANNELS }));
    await answer(server.chatInput("subscribe", [], { inGuild: false, channelId: "800000000000000008" }));
    const [member, manager, dm] = seenCallers;
    expect(member).toMatchObject({
      userId: "discord:600000000000000006",
      chatId: `discord:${server.guildId}:${server.channelId}`,
      platform: "discord",
      isChatAdmin: false,
      chatKind: "group",
      adminRight: "manageChannels",
    });
    expect(manager?.isChatAdmin).toBe(true);
    expect(dm).toMatchObject({ chatId: "discord:dm:800000000000000008", isChatAdmin: true, chatKind: "private" });
  });

  it("posts digests into a channel, and reports deleted channels as ChatGoneError", async () => {
    const chatId = `discord:${server.guildId}:${server.channelId}`;
    const digest: Reply = {
      lang: "vi",
      title: "Bản tin hằng tuần",
      blocks: [{ kind: "text", line: { text: "Nội dung @everyone" } }],
      citations: [],
    };
    await adapter.send(chatId, digest);
    const posted = await server.waitFor(
      (r) => r.method === "POST" && r.path === `/channels/${server.channelId}/messages`,
    );
    expect(posted.status).toBe(200);
    expect(posted.body.embeds[0].title).toBe("Bản tin hằng tuần");
    expect(posted.body.allowed_mentions).toEqual({ parse: [] });

    // Missing Access (View Channel taken away) keeps the subscription: a failure to retry, never a silent drop.
    server.failChannel(server.channelId, 403, 50001);
    const access = await adapter.send(chatId, digest).catch((error: unknown) => error);
    expect(access).toBeInstanceOf(Error);
    expect(access).not.toBeInstanceOf(ChatGoneError);
    expect(logged.some((l) => l.code === 50001 && /subscription is kept/.test(l.msg))).toBe(true);
    server.failChannel(server.channelId, 404, 10003);
    await expect(adapter.send(chatId, digest)).rejects.toBeInstanceOf(ChatGoneError);
    server.failChannel(server.channelId, 403, 0);
    await expect(adapter.send(chatId, digest)).rejects.toBeInstanceOf(ChatGoneError);
    await expect(adapter.send("telegram:123", digest)).rejects.not.toBeInstanceOf(ChatGoneError);
  });

  it("keeps a channel where only a permission is missing (50013): a failure to retry, not a gone chat", async () => {
    const chatId = `discord:${server.guildId}:${server.channelId}`;
    const digest: Reply = {
      lang: "vi",
      title: "Bản tin sau khi cấp lại quyền",
      blocks: [{ kind: "text", line: { text: "Nội dung" } }],
      citations: [],
    };
    server.failChannel(server.channelId, 403, 50013);
    const refused = await adapter.send(chatId, digest).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Error);
    expect(refused).not.toBeInstanceOf(ChatGoneError);
    expect(String(refused)).toContain("Missing Permissions");
    // Once the permission is back, the same channel gets the digest.
    await adapter.send(chatId, digest);
    const posted = await server.waitFor(
      (r) =>
        r.method === "POST" &&
        r.path === `/channels/${server.channelId}/messages` &&
        r.status === 200 &&
        r.body.embeds[0].title === digest.title,
    );
    expect(posted.body.allowed_mentions).toEqual({ parse: [] });
  });
});
