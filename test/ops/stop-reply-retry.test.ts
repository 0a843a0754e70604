// A graceful stop while a reply waits to be retried after a 429: the real bot process (long polling through the
// runner) gets SIGTERM during the retry_after, and the reply still goes out before it exits (the update was
// already confirmed to Telegram by the runner's next poll, so dropping the reply would lose it for good).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messageUpdate, startTelegramServer, type TelegramServer } from "../support/telegram-server";
import { exitWithin, type MainProcess, startMain } from "./process";
import { tempWorkspace } from "./support";

let server: TelegramServer;
let main: MainProcess;
let ws: Awaited<ReturnType<typeof tempWorkspace>>;

beforeAll(async () => {
  [server, ws] = await Promise.all([startTelegramServer(), tempWorkspace()]);
});
afterAll(async () => {
  if (main && main.child.exitCode === null) main.child.kill("SIGKILL");
  await server?.close();
  await ws?.cleanup();
});

describe("SIGTERM while a reply waits for its retry", () => {
  it("sends the reply within the stop's bound, then exits 0", async () => {
    main = startMain({
      TELEGRAM_BOT_TOKEN: server.token,
      TELEGRAM_API_ROOT: server.apiRoot,
      STORE_URL: `sqlite://${ws.root}/bot.sqlite`,
      DATA_DIR: ws.data,
      DIGEST_ENABLED: "false",
      SHUTDOWN_TIMEOUT_SECONDS: "15",
      LOG_LEVEL: "info",
    });
    await main.waitFor(/huunghi-bot started/, "stdout", 60_000);
    server.failNext("sendMessage", { status: 429, retry_after: 4, chat_id: 777 });
    await server.pushUpdate(messageUpdate("/province Sơn La", { chatId: 777, from: { id: 777 } }));
    await server.waitForArrival("sendMessage", { where: (c) => c.params.chat_id === 777, timeoutMs: 30_000 });
    main.child.kill("SIGTERM");
    const exit = await exitWithin(main, 20_000);
    const replies = server.calls("sendMessage").filter((c) => c.params.chat_id === 777);
    expect(replies.length).toBeGreaterThan(0);
    expect(replies[0]?.params.text).toMatch(/Sơn La/);
    expect(exit.code).toBe(0);
  }, 90_000);
});
