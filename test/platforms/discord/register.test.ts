// `npm run discord:register` as a real process against the local Discord REST server.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../../commands/index";
import { type DiscordServer, startDiscordServer } from "../../support/discord-server";

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, "../../..");
const SCRIPT = join(ROOT, "src/discord-register.ts");
/** tsx's loader by absolute URL: the process runs in an empty directory without node_modules. */
const TSX = pathToFileURL(join(ROOT, "node_modules/tsx/dist/loader.mjs")).href;

let server: DiscordServer;
let cwd: string;
beforeAll(async () => {
  server = await startDiscordServer();
  // An empty working directory: no .env from the developer's checkout leaks into the test.
  cwd = await mkdtemp(join(tmpdir(), "discord-register-"));
});
afterAll(async () => {
  await server?.close();
  await rm(cwd, { recursive: true, force: true });
});

async function register(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", TSX, SCRIPT], {
      cwd,
      env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "warn", ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("npm run discord:register", () => {
  it("bulk-overwrites the commands in the guild when DISCORD_GUILD_ID is set", async () => {
    const out = await register({
      DISCORD_TOKEN: server.token,
      DISCORD_APPLICATION_ID: server.applicationId,
      DISCORD_GUILD_ID: server.guildId,
      DISCORD_API_ROOT: server.apiRoot,
    });
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain(`Registered ${commands.length} slash commands for guild ${server.guildId}`);
    expect(server.commands.get(server.guildId)?.map((c) => c.name)).toEqual(commands.map((c) => c.name));
    const put = server.requests.find((r) => r.method === "PUT");
    expect(put?.path).toBe(`/applications/${server.applicationId}/guilds/${server.guildId}/commands`);
  });

  it("registers globally without a guild id", async () => {
    const out = await register({
      DISCORD_TOKEN: server.token,
      DISCORD_APPLICATION_ID: server.applicationId,
      DISCORD_API_ROOT: server.apiRoot,
    });
    expect(out.code, out.stderr).toBe(0);
    expect(server.commands.get("global")?.length).toBe(commands.length);
  });

  it("fails with a clear exit code on a rejected token or missing settings", async () => {
    const wrong = await register({
      DISCORD_TOKEN: `${"A".repeat(24)}.Gabcde.${"B".repeat(27)}`,
      DISCORD_APPLICATION_ID: server.applicationId,
      DISCORD_API_ROOT: server.apiRoot,
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stdout + wrong.stderr).toContain("registration failed");
    expect(wrong.stdout + wrong.stderr).not.toContain("B".repeat(27));
    const missing = await register({});
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("DISCORD_TOKEN");
  });
});
