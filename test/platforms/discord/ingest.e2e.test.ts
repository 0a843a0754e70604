// /ingest with a file attachment through the real discord.js client against the local Discord: the attachment
// option is registered, the file arrives resolved in the interaction, is fetched from its address (127.0.0.1) and
// becomes a draft in the inbox (a temp copy of data/); members and other file types are refused before any download.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCore } from "../../../src/app";
import type { PlatformAdapter } from "../../../src/platforms/adapter";
import { createDiscordAdapter } from "../../../src/platforms/discord/adapter";
import { PAGES } from "../../ingest/support";
import { tempWorkspace } from "../../ops/support";
import {
  type InteractionHandle,
  type Json,
  type RecordedRequest,
  startDiscordServer,
} from "../../support/discord-server";

const ADMIN = "500000000000000777";
const MEMBER = "500000000000000888";
let server: Awaited<ReturnType<typeof startDiscordServer>>;
let adapter: PlatformAdapter;
let ws: Awaited<ReturnType<typeof tempWorkspace>>;

beforeAll(async () => {
  ws = await tempWorkspace();
  server = await startDiscordServer({ heartbeatIntervalMs: 250 });
  const logger = pino({ level: "silent" });
  const core = await createCore({
    dataDir: ws.data,
    today: "2026-11-24",
    logger,
    services: { isAdmin: (id) => id === `discord:${ADMIN}` },
  });
  adapter = createDiscordAdapter(
    { token: server.token, applicationId: server.applicationId, guildId: server.guildId, apiRoot: server.apiRoot },
    { commands: core.commands, handle: core.handle, corpus: () => core.holder.get(), pages: core.pages, logger },
  );
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  await server?.close();
  await ws?.cleanup();
});

/** The request that answered the interaction with a message (callback, or the edit of a deferred reply). */
async function answered(h: InteractionHandle): Promise<RecordedRequest> {
  const first = await server.waitFor((r) => r.path === `/interactions/${h.id}/${h.token}/callback`);
  expect(first.status, JSON.stringify(first.error)).toBeLessThan(300);
  if (first.body.type === 4) return first;
  return server.waitFor(
    (r) => r.path.startsWith(`/webhooks/${server.applicationId}/${h.token}`) && r.method !== "DELETE" && r.status < 300,
  );
}
const shown = (r: RecordedRequest): string => JSON.stringify((r.body?.data ?? r.body).embeds);
const page = async (name: string) => new Uint8Array(await readFile(join(PAGES, name)));
const draftIdOf = (text: string) => /(\d{4}-\d{2}-\d{2}-[0-9a-f]{6})/.exec(text)?.[1];

describe("/ingest with an attachment on Discord", () => {
  it("registers an optional attachment option after the pasted text", () => {
    const ingest = [...server.commands.values()].flat().find((c: Json) => c.name === "ingest");
    expect(ingest.options.map((o: Json) => [o.name, o.type, o.required])).toEqual([
      ["text", 3, false],
      ["file", 11, false],
    ]);
    expect(ingest.options[1].name_localizations.vi).toBe("tệp");
  });

  it("an admin's attached .html becomes a draft in the inbox, answered privately", async () => {
    const id = server.userFile("news-variants.html", await page("news-variants.html"), "text/html; charset=utf-8");
    const h = server.chatInput("ingest", [{ name: "file", type: 11, value: id }], { userId: ADMIN });
    const r = await answered(h);
    const text = shown(r);
    const draft = draftIdOf(text);
    expect(draft, text).toBeDefined();
    expect(text).toContain("discord file news-variants.html");
    expect((r.body?.data ?? r.body).flags & 64).toBe(64);
    expect(server.downloads.filter((d) => d.status === 200)).toHaveLength(1);
    expect(await readFile(join(ws.data, "inbox", `${draft}.yaml`), "utf8")).toContain(
      "discord file news-variants.html",
    );
  });

  it("refuses a member, and a file that is not a page, before any download", async () => {
    const before = server.downloads.length;
    const id = server.userFile("other-province.txt", await page("other-province.txt"), "text/plain");
    const refused = await answered(
      server.chatInput("ingest", [{ name: "file", type: 11, value: id }], { userId: MEMBER }),
    );
    expect(shown(refused)).toContain("administrators only");

    const pdf = server.userFile("report.pdf", new Uint8Array([0x25, 0x50, 0x44, 0x46]), "application/pdf");
    const wrong = await answered(
      server.chatInput("ingest", [{ name: "file", type: 11, value: pdf }], { userId: ADMIN }),
    );
    expect(shown(wrong)).toContain("“report.pdf” is not a news page");
    expect(server.downloads.length).toBe(before);
  });

  it("the local CDN refuses an attachment address that is unsigned or wrongly signed", async () => {
    const id = server.userFile("a.txt", new TextEncoder().encode("xin chào"), "text/plain");
    const cdn = new URL(server.apiRoot).origin;
    const path = `${cdn}/attachments/${server.channelId}/${id}/a.txt`;
    expect((await fetch(path)).status).toBe(404);
    expect((await fetch(`${path}?hm=forged`)).status).toBe(404);
  });
});
