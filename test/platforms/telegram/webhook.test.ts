// End to end, webhook mode: the adapter registers its webhook with the local Bot API server and serves
// updates over HTTP on 127.0.0.1; Telegram's secret header is required.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Json, messageUpdate, parseTelegramHtml } from "../../support/telegram-server";
import { type Harness, startHarness } from "./harness";

let h: Harness;
let nextUpdateId = 500_000;

beforeAll(async () => {
  h = await startHarness({ webhook: true });
});
afterAll(async () => {
  await h?.close();
});

async function post(update: Json, headers: Record<string, string>, path = "/tg-hook"): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${h.adapter.webhookPort()}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ update_id: nextUpdateId++, ...update }),
  });
  await res.arrayBuffer();
  return res.status;
}

const secret = { "x-telegram-bot-api-secret-token": "s3cret_Token-1" };

describe("Telegram adapter, webhook mode", () => {
  it("registers the webhook with its secret instead of polling", () => {
    const [hook] = h.server.calls("setWebhook");
    expect(hook?.params.url).toBe("https://bot.example.org/tg-hook");
    expect(hook?.params.secret_token).toBe("s3cret_Token-1");
    expect(hook?.params.allowed_updates).toContain("inline_query");
    expect(h.server.attempts.filter((c) => c.method === "getUpdates")).toHaveLength(0);
    expect(h.adapter.connected()).toBe(true);
  });

  it("handles an update posted with the right secret", async () => {
    const chatId = 9001;
    expect(await post(messageUpdate("/province son la", { chatId, from: { id: chatId } }), secret)).toBe(200);
    const [first] = await h.server.waitFor("sendMessage", { where: (c) => c.params.chat_id === chatId });
    expect(parseTelegramHtml(first?.params.text)).toContain("Sơn La");
  });

  it("refuses a wrong or missing secret with 401 and processes nothing", async () => {
    const chatId = 9002;
    const update = messageUpdate("/help", { chatId, from: { id: chatId } });
    expect(await post(update, { "x-telegram-bot-api-secret-token": "wrong" })).toBe(401);
    expect(await post(update, {})).toBe(401);
    expect(await post(update, secret, "/elsewhere")).toBe(404);
    // The same update with the right secret is answered exactly once: the refused ones never ran.
    expect(await post(messageUpdate("/help", { chatId, from: { id: chatId } }), secret)).toBe(200);
    await h.server.waitFor("sendMessage", { where: (c) => c.params.chat_id === chatId });
    expect(h.server.calls("sendMessage").filter((c) => c.params.chat_id === chatId)).toHaveLength(1);
  });

  it("stops listening on stop()", async () => {
    const port = h.adapter.webhookPort();
    await h.adapter.stop();
    expect(h.adapter.connected()).toBe(false);
    await expect(fetch(`http://127.0.0.1:${port}/tg-hook`, { method: "POST", body: "{}" })).rejects.toThrow();
  });
});
