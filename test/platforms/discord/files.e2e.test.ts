// Charts and briefing notes on Discord through the real discord.js client: the PNG uploaded with the answer
// and shown as its embed's image, the .docx as an attachment, the action buttons under /province; the local
// Discord refuses uploads as Discord does.
import { unzipSync } from "fflate";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCore } from "../../../src/app";
import type { PlatformAdapter } from "../../../src/platforms/adapter";
import { createDiscordAdapter } from "../../../src/platforms/discord/adapter";
import { decodePng } from "../../render/png-decode";
import {
  type InteractionHandle,
  type Json,
  type RecordedRequest,
  startDiscordServer,
} from "../../support/discord-server";

const TODAY = "2026-11-24";
let server: Awaited<ReturnType<typeof startDiscordServer>>;
let adapter: PlatformAdapter;

beforeAll(async () => {
  server = await startDiscordServer({ heartbeatIntervalMs: 250 });
  const logger = pino({ level: "silent" });
  const core = await createCore({ today: TODAY, logger });
  adapter = createDiscordAdapter(
    { token: server.token, applicationId: server.applicationId, guildId: server.guildId, apiRoot: server.apiRoot },
    { commands: core.commands, handle: core.handle, corpus: () => core.holder.get(), pages: core.pages, logger },
  );
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  await server?.close();
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
const data = (r: RecordedRequest): Json => r.body?.data ?? r.body;

describe("files on Discord", () => {
  it("/timeline with view=chart uploads the PNG and shows it as the embed's image", async () => {
    const h = server.chatInput("timeline", [{ name: "view", type: 3, value: "chart" }], { locale: "vi" });
    const r = await answered(h);
    const [file] = r.files ?? [];
    expect(file?.filename).toBe("Huu-Nghi_Bieu-Do_24-11-2026.png");
    expect(decodePng(file?.bytes ?? new Uint8Array()).width).toBe(1200);
    const message = data(r);
    expect(message.embeds[0].image.url).toBe(`attachment://${file?.filename}`);
    expect(message.attachments[0]).toMatchObject({ filename: file?.filename, content_type: "image/png" });
    expect(message.embeds[0].title).toContain("Dòng thời gian hợp tác");
  });

  it("/province offers chart and download buttons; a click sends the file as a new message", async () => {
    const h = server.chatInput("province", [{ name: "name", type: 3, value: "son la" }], { locale: "en-US" });
    const first = data(await answered(h));
    const buttons = first.components.flatMap((row: Json) => row.components) as Json[];
    const download = buttons.find((b) => b.label === "📄 Download");
    expect(buttons.find((b) => b.label === "📊 Chart")).toBeDefined();
    const original = [...server.messages.values()].find((m) => m.interaction_metadata?.id === h.id);
    const click = server.button(download.custom_id, original.id, { locale: "en-US" });
    const r = await answered(click);
    const [file] = r.files ?? [];
    expect(file?.filename).toBe("Hữu Nghị – Sơn La – 24-11-2026.docx");
    expect(Object.keys(unzipSync(new Uint8Array(file?.bytes ?? [])))).toContain("word/footnotes.xml");
    expect(data(r).embeds[0].title).toBe("Cooperation briefing note — Sơn La");
    // The briefing the button was under is unchanged.
    expect(server.messages.get(original.id).embeds).toEqual(first.embeds);
  });
});

describe("the local Discord refuses uploads as Discord does", () => {
  async function post(form: FormData): Promise<{ status: number; body: Json }> {
    const channel = "111111111111111111";
    const res = await fetch(`${server.apiRoot}/api/v10/channels/${channel}/messages`, {
      method: "POST",
      headers: { authorization: `Bot ${server.token}` },
      body: form,
    });
    return { status: res.status, body: await res.json() };
  }

  it("a file over 10 MiB", async () => {
    const form = new FormData();
    form.set("payload_json", JSON.stringify({ attachments: [{ id: 0, filename: "big.bin" }] }));
    form.set("files[0]", new Blob([new Uint8Array(10 * 1024 * 1024 + 1)]), "big.bin");
    expect((await post(form)).status).toBe(413);
  });

  it("a file that no attachment describes, or a description over 1,024 characters", async () => {
    const form = new FormData();
    form.set("payload_json", JSON.stringify({ content: "x" }));
    form.set("files[0]", new Blob(["a"]), "a.txt");
    const r = await post(form);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe(50035);
    const long = new FormData();
    long.set("payload_json", JSON.stringify({ attachments: [{ id: 0, description: "d".repeat(1025) }] }));
    long.set("files[0]", new Blob(["a"]), "a.txt");
    expect((await post(long)).status).toBe(400);
  });
});
