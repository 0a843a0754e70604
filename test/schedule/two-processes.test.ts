// Two bot processes sharing one Redis (a real redis-server) post each digest once.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TickReport } from "../../src/schedule/scheduler";
import { openStore } from "../../src/store/open";
import { type RedisServer, startRedis } from "../support/redis";
import { startTelegramServer, type TelegramServer } from "../support/telegram-server";
import { at, sub } from "./helpers";

const WORKER = fileURLToPath(new URL("./fixtures/digest-worker.ts", import.meta.url));
const CHATS = 200;

let redis: RedisServer;
let server: TelegramServer;

beforeAll(async () => {
  [redis, server] = await Promise.all([startRedis(), startTelegramServer()]);
});
afterAll(async () => {
  await server?.close();
  await redis?.stop();
});

function runWorker(args: string[]): Promise<{ owner: string; reports: TickReport[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", WORKER, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      err += d.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`worker exited ${code}:\n${err}`));
      try {
        resolve(JSON.parse(out.trim().split("\n").pop() ?? ""));
      } catch (error) {
        reject(new Error(`worker printed no report: ${String(error)}\n${out}\n${err}`));
      }
    });
  });
}

describe("two bot processes with one Redis", () => {
  it("post each digest exactly once between them, also when both keep ticking", async () => {
    const seed = await openStore(redis.url);
    const ids = Array.from({ length: CHATS }, (_, i) => (i % 2 ? 20_000 + i : -2_000_000 - i));
    for (const id of ids) await seed.setSubscription(sub(`telegram:${id}`, { lang: id > 0 ? "en" : "vi" }));
    await seed.close();

    // Both start ticking at the same moment: the claims race for real.
    const startAt = String(Date.now() + 4_000);
    const ticks = ["2027-07-15 08:00", "2027-07-15 08:01", "2027-07-15 09:30"].map((t) => at(t).toISOString());
    const args = [redis.url, server.apiRoot, server.token, startAt, ...ticks];
    const [a, b] = await Promise.all([runWorker(args), runWorker(args)]);
    expect(a.owner).not.toBe(b.owner);

    const sentBy = (w: { reports: TickReport[] }) => w.reports.flatMap((r) => r.sent);
    const all = [...sentBy(a), ...sentBy(b)];
    expect(all).toHaveLength(CHATS);
    expect(new Set(all).size).toBe(CHATS);
    // Later ticks of either process found everything done.
    for (const w of [a, b]) for (const r of w.reports.slice(1)) expect(r.sent).toEqual([]);

    const delivered = server.calls("sendMessage").map((c) => String(c.params.chat_id));
    expect(delivered).toHaveLength(CHATS);
    expect(new Set(delivered)).toEqual(new Set(ids.map(String)));

    const check = await openStore(redis.url);
    for (const id of ids.slice(0, 20)) {
      expect(await check.getDelivery(`digest:telegram:${id}:2027-07-15`)).toMatchObject({ state: "sent" });
    }
    await check.close();
  }, 60_000);
});
