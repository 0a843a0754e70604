// Stopping the Discord adapter in two steps, as a graceful shutdown does: stopIntake() ignores new
// interactions and waits for the one being answered, while the client stays logged in so a digest can still be
// posted; stop() then disconnects. Real discord.js against the local Discord on 127.0.0.1.
import { setTimeout as sleep } from "node:timers/promises";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCore } from "../../../src/app";
import type { Command } from "../../../src/core/command";
import type { Reply } from "../../../src/core/reply";
import type { PlatformAdapter } from "../../../src/platforms/adapter";
import { createDiscordAdapter } from "../../../src/platforms/discord/adapter";
import { type DiscordServer, startDiscordServer } from "../../support/discord-server";

let releaseSlow = () => {};
const slowStarted: string[] = [];

const commands: Command[] = [
  {
    name: "slow",
    description: { vi: "Lệnh chậm", en: "Slow command" },
    args: [],
    async run(ctx): Promise<Reply> {
      slowStarted.push(ctx.caller.userId);
      await new Promise<void>((r) => {
        releaseSlow = r;
      });
      return { lang: "vi", title: "Đã xong", blocks: [], citations: [] };
    },
  },
  {
    name: "quick",
    description: { vi: "Lệnh nhanh", en: "Quick command" },
    args: [],
    run: (): Reply => ({ lang: "vi", title: "Nhanh", blocks: [], citations: [] }),
  },
];

let server: DiscordServer;
let adapter: PlatformAdapter;

beforeAll(async () => {
  server = await startDiscordServer({ heartbeatIntervalMs: 250 });
  const logger = pino({ level: "silent" });
  const core = await createCore({ today: "2026-11-24", commands, logger });
  adapter = createDiscordAdapter(
    {
      token: server.token,
      applicationId: server.applicationId,
      guildId: server.guildId,
      apiRoot: server.apiRoot,
      // The slow command is held past the deferral; it must not defer for this test's timing to stay simple.
      deferAfterMs: 60_000,
    },
    { commands: core.commands, handle: core.handle, corpus: () => core.holder.get(), pages: core.pages, logger },
  );
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  await server?.close();
});

const callbackPath = (h: { id: string; token: string }) => `/interactions/${h.id}/${h.token}/callback`;

describe("Discord adapter stopIntake, then stop", () => {
  it("answers the interaction in flight, ignores new ones, still posts a digest, then disconnects", async () => {
    expect(adapter.stopIntake).toBeTypeOf("function");
    const inFlight = server.chatInput("slow");
    for (let i = 0; i < 100 && slowStarted.length === 0; i++) await sleep(20);
    expect(slowStarted).toHaveLength(1);

    let intakeStopped = false;
    const stopping = adapter.stopIntake?.().then(() => {
      intakeStopped = true;
    });
    // A command sent after the intake stopped gets no answer at all (the old process is going away).
    const late = server.chatInput("quick");
    await sleep(300);
    expect(intakeStopped).toBe(false);
    expect(server.requests.some((r) => r.path === callbackPath(late))).toBe(false);

    releaseSlow();
    await stopping;
    const answered = await server.waitFor((r) => r.path === callbackPath(inFlight));
    expect(answered.status).toBeLessThan(300);
    expect(answered.body.data.embeds[0].title).toBe("Đã xong");
    expect(server.requests.some((r) => r.path === callbackPath(late))).toBe(false);

    // The client is still logged in: a digest being finished during the shutdown is posted.
    expect(adapter.connected()).toBe(true);
    await adapter.send(`discord:${server.guildId}:${server.channelId}`, {
      lang: "vi",
      title: "Bản tin cuối",
      blocks: [],
      citations: [],
    });
    const posted = await server.waitFor(
      (r) => r.method === "POST" && r.path === `/channels/${server.channelId}/messages`,
    );
    expect(posted.body.embeds[0].title).toBe("Bản tin cuối");

    await adapter.stop();
    expect(adapter.connected()).toBe(false);
    expect(server.requests.some((r) => r.path === callbackPath(late))).toBe(false);
  });
});
