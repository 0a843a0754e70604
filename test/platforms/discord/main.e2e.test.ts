// `npm start` with only DISCORD_* set runs the Discord bot: the real entry point as a process, against the
// local Discord. Proves the wiring (config → adapter → core) and a clean stop on SIGTERM.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DiscordServer, startDiscordServer } from "../../support/discord-server";

const ROOT = resolve(import.meta.dirname, "../../..");
const TSX = pathToFileURL(join(ROOT, "node_modules/tsx/dist/loader.mjs")).href;

let server: DiscordServer;
let child: ChildProcess;
let cwd: string;
let output = "";

beforeAll(async () => {
  server = await startDiscordServer();
  cwd = await mkdtemp(join(tmpdir(), "discord-main-"));
  child = spawn(process.execPath, ["--import", TSX, join(ROOT, "src/main.ts")], {
    cwd,
    env: {
      PATH: process.env.PATH ?? "",
      DISCORD_TOKEN: server.token,
      DISCORD_APPLICATION_ID: server.applicationId,
      DISCORD_GUILD_ID: server.guildId,
      DISCORD_API_ROOT: server.apiRoot,
      STORE_URL: "sqlite://:memory:",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  // Fail at once, with the bot's own output, if the process exits instead of connecting.
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`bot exited with ${code}:\n${output}`))),
  );
  await Promise.race([server.ready(20_000), exited]);
  exited.catch(() => undefined);
});

afterAll(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  await server?.close();
  await rm(cwd, { recursive: true, force: true });
});

describe("npm start with DISCORD_TOKEN and DISCORD_APPLICATION_ID", () => {
  it("registers the commands, answers a slash command, and stops cleanly on SIGTERM", async () => {
    expect(server.commands.get(server.guildId)?.some((c) => c.name === "province")).toBe(true);
    const h = server.chatInput("province", [{ name: "name", type: 3, value: "son la" }], { locale: "vi" });
    const r = await server.waitFor((req) => req.path === `/interactions/${h.id}/${h.token}/callback`);
    expect(r.status).toBe(204);
    expect(r.body.data.embeds[0].title).toContain("Sơn La");

    child.kill("SIGTERM");
    const code = await new Promise<number | null>((done) => child.on("exit", (c) => done(c)));
    expect(code).toBe(0);
    expect(output).toContain("discord: connected");
    expect(output).not.toContain(server.token);
  });
});
