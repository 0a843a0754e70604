// The real bot process on Telegram (the local Bot API server) with its store on a Redis that hangs mid-run
// (SIGSTOP: connections accepted, nothing answered). Lookups never wait on the store; subscription commands say
// the store is unavailable instead of the generic apology; readiness reports it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RedisServer, startRedis } from "../support/redis";
import { messageUpdate, startTelegramServer, type TelegramServer } from "../support/telegram-server";
import { type MainProcess, startMain } from "./process";
import { tempWorkspace } from "./support";

let redis: RedisServer;
let server: TelegramServer;
let main: MainProcess;
let ws: Awaited<ReturnType<typeof tempWorkspace>>;
let url = "";

beforeAll(async () => {
  [redis, server, ws] = await Promise.all([startRedis(), startTelegramServer(), tempWorkspace()]);
  main = startMain({
    TELEGRAM_BOT_TOKEN: server.token,
    TELEGRAM_API_ROOT: server.apiRoot,
    STORE_URL: redis.url,
    HTTP_PORT: "0",
    DATA_DIR: ws.data,
    DIGEST_ENABLED: "false",
    LOG_LEVEL: "info",
  });
  url = (await main.waitFor(/ops http server listening on (http:\/\/127\.0\.0\.1:\d+)/, "stdout"))[1] ?? "";
  await main.waitFor(/huunghi-bot started/, "stdout");
}, 60_000);

afterAll(async () => {
  redis?.resume();
  if (main && main.child.exitCode === null) main.child.kill("SIGKILL");
  await server?.close();
  await redis?.stop();
  await ws?.cleanup();
});

const answerTo = async (chatId: number) =>
  (await server.waitFor("sendMessage", { where: (c) => c.params.chat_id === chatId, timeoutMs: 15_000 }))[0]?.params
    .text as string;

describe("a hung Redis under the running bot", () => {
  it("still answers /province at once, tells /subscribe the store is unavailable, and fails /readyz", async () => {
    await server.pushUpdate(messageUpdate("/lang en", { chatId: 501, from: { id: 501 } }));
    expect(await answerTo(501)).toMatch(/English/);

    redis.hang();
    await server.pushUpdate(messageUpdate("/province Sơn La", { chatId: 502, from: { id: 501 } }));
    expect(await answerTo(502)).toMatch(/Son La|Sơn La/);
    await server.pushUpdate(messageUpdate("/province Sơn La", { chatId: 503, from: { id: 503 } }));
    expect(await answerTo(503)).toMatch(/Sơn La/);

    await server.pushUpdate(messageUpdate("/subscribe 07:30", { chatId: 504, from: { id: 501 } }));
    const refusal = await answerTo(504);
    expect(refusal).toMatch(/state store is unavailable/);
    expect(refusal).not.toMatch(/something went wrong/i);

    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(503);
    expect(JSON.stringify(await ready.json())).toMatch(/no answer within/);
  }, 60_000);
});
