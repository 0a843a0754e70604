// Bot tokens and webhook secrets never reach the log output: not as fields, not inside error messages or
// request URLs, not URL-encoded; also not when the real bot process fails against a server that echoes them.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger, REDACTED, redactUrlPassword } from "../src/log";
import { exitWithin, startMain } from "./ops/process";
import { tempWorkspace } from "./ops/support";

const TELEGRAM_TOKEN = "7012345678:AAFakeTelegramTokenForRedactionTests_x9";
const DISCORD_TOKEN = "MTAxMjM0NTY3ODkwMTIzNDU2Nw.GfAkEx.FakeDiscordTokenForRedactionTestsOnly_1";
const WEBHOOK_SECRET = "webhook-secret-for-redaction-tests";

function capture(): { stream: Writable; text(): string } {
  let text = "";
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

describe("createLogger", () => {
  it("never writes a secret, wherever it appears in a log entry", () => {
    const out = capture();
    const log = createLogger({
      level: "trace",
      secrets: [TELEGRAM_TOKEN, DISCORD_TOKEN, WEBHOOK_SECRET],
      destination: out.stream,
    });
    log.info({ token: TELEGRAM_TOKEN }, "field");
    log.info({ config: { token: DISCORD_TOKEN, secret: WEBHOOK_SECRET } }, "nested fields");
    log.error(
      { err: new Error(`request to https://api.telegram.org/bot${TELEGRAM_TOKEN}/getMe failed`) },
      "an error message",
    );
    log.warn(`message text with Bot ${DISCORD_TOKEN} inside`);
    log.debug({ url: `https://example.org/?t=${encodeURIComponent(TELEGRAM_TOKEN)}` }, "url-encoded");
    log.info({ headers: { authorization: `Bot ${DISCORD_TOKEN}` } }, "authorization header");
    log.info({ list: [{ deep: { deeper: WEBHOOK_SECRET } }] }, "deep in an array");

    const text = out.text();
    expect(text.split("\n").filter(Boolean)).toHaveLength(7);
    for (const secret of [TELEGRAM_TOKEN, DISCORD_TOKEN, WEBHOOK_SECRET, encodeURIComponent(TELEGRAM_TOKEN)]) {
      expect(text).not.toContain(secret);
    }
    // The token's halves are not left behind either.
    expect(text).not.toContain("AAFakeTelegramTokenForRedactionTests_x9");
    expect(text.match(/\[REDACTED\]/g)?.length).toBeGreaterThanOrEqual(7);
    expect(text).toContain("/bot[REDACTED]/getMe");
  });

  it("scrubs secrets of 4 characters or more, but not shorter ones that would mangle every line", () => {
    const out = capture();
    const log = createLogger({ secrets: ["Qz7w", "ab"], destination: out.stream });
    log.info({ detail: "password Qz7w rejected" }, "about abc");
    expect(out.text()).not.toContain("Qz7w");
    expect(out.text()).toContain('"detail":"password [REDACTED] rejected"');
    expect(out.text()).toContain('"msg":"about abc"');
  });

  it("removes the password from any URL in a line (a store URL in an error), however short", () => {
    const out = capture();
    const log = createLogger({ destination: out.stream });
    log.error(
      { err: new Error("connect ECONNREFUSED redis://bot:pw@redis.internal:6379/2"), store: "rediss://:p@ss@h:6380" },
      "store failed at redis://bot:pw@redis.internal:6379/2",
    );
    const text = out.text();
    expect(text).not.toContain(":pw@");
    expect(text).not.toContain("p@ss");
    expect(text).toContain("redis://bot:***@redis.internal:6379/2");
    expect(text).toContain('"store":"rediss://:***@h:6380"');
    // Message, error message and stack: each occurrence is redacted.
    expect(text.match(/redis:\/\/bot:\*\*\*@/g)?.length).toBeGreaterThanOrEqual(3);
    expect(text).not.toMatch(/redis:\/\/bot:(?!\*\*\*@)/);
  });

  it("redactUrlPassword keeps URLs without a password as they are", () => {
    expect(redactUrlPassword("redis://user:secret@host:6379/0")).toBe("redis://user:***@host:6379/0");
    expect(redactUrlPassword("redis://host:6379")).toBe("redis://host:6379");
    expect(redactUrlPassword("sqlite://./bot.sqlite")).toBe("sqlite://./bot.sqlite");
    expect(redactUrlPassword("https://user@example.org/x")).toBe("https://user@example.org/x");
  });

  it("leaves ordinary text alone", () => {
    const out = capture();
    createLogger({ secrets: [TELEGRAM_TOKEN], destination: out.stream }).info({ province: "Sơn La" }, "ok");
    expect(out.text()).toContain('"province":"Sơn La"');
    expect(out.text()).not.toContain(REDACTED);
  });
});

/** A platform API double on 127.0.0.1 that refuses every call and echoes the credential it was given. */
async function echoingServer(
  answer: (url: string, authorization: string) => object,
): Promise<{ url: string; seen: string[]; server: Server }> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    const auth = req.headers.authorization ?? "";
    seen.push(`${req.method} ${req.url} ${auth}`);
    req.resume();
    res.writeHead(401, { "content-type": "application/json" });
    res.end(JSON.stringify(answer(req.url ?? "", auth)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

describe("the bot process with real tokens refused by the platform", () => {
  let ws: Awaited<ReturnType<typeof tempWorkspace>>;
  const servers: Server[] = [];

  beforeAll(async () => {
    ws = await tempWorkspace();
  });
  afterAll(async () => {
    for (const s of servers) s.close();
    await ws.cleanup();
  });

  it("logs the Telegram failure without the token or the webhook secret", async () => {
    const api = await echoingServer((url) => ({
      ok: false,
      error_code: 401,
      description: `Unauthorized: no bot for ${decodeURIComponent(url.split("/")[1] ?? "")}`,
    }));
    servers.push(api.server);
    const main = startMain({
      TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
      TELEGRAM_API_ROOT: api.url,
      TELEGRAM_WEBHOOK_URL: "https://bot.example.org/tg",
      TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
      TELEGRAM_WEBHOOK_HOST: "127.0.0.1",
      TELEGRAM_WEBHOOK_PORT: "0",
      STORE_URL: `sqlite://${join(ws.root, "tg.sqlite")}`,
      DATA_DIR: ws.data,
      LOG_LEVEL: "trace",
    });
    const { code } = await exitWithin(main, 20_000);
    const output = main.stdout() + main.stderr();

    expect(code).toBe(1);
    expect(api.seen.some((line) => line.includes(`/bot${TELEGRAM_TOKEN}/`))).toBe(true);
    expect(output).toContain("a platform failed to start");
    expect(output).toContain(`no bot for bot${REDACTED}`);
    expect(output).not.toContain(TELEGRAM_TOKEN);
    expect(output).not.toContain(WEBHOOK_SECRET);
  });

  it("logs the Discord failure without the token", async () => {
    const api = await echoingServer((_url, auth) => ({ message: `401: Unauthorized (${auth})`, code: 0 }));
    servers.push(api.server);
    const main = startMain({
      DISCORD_TOKEN,
      DISCORD_APPLICATION_ID: "101234567890123456",
      DISCORD_API_ROOT: api.url,
      STORE_URL: `sqlite://${join(ws.root, "dc.sqlite")}`,
      DATA_DIR: ws.data,
      LOG_LEVEL: "trace",
    });
    const { code } = await exitWithin(main, 20_000);
    const output = main.stdout() + main.stderr();

    expect(code).toBe(1);
    expect(api.seen.some((line) => line.endsWith(`Bot ${DISCORD_TOKEN}`))).toBe(true);
    expect(output).toContain("a platform failed to start");
    expect(output).toContain(`Unauthorized (Bot ${REDACTED})`);
    expect(output).not.toContain(DISCORD_TOKEN);
  });
});
