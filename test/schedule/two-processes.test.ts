// Two bot processes sharing one Redis (a real redis-server) post each digest once. A handshake over IPC (see
// fixtures/digest-worker.ts) makes them race for real whatever the machine's load: both are released at
// once, and each holds its first claim until the other has one, so both must take part.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
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

interface WorkerResult {
  owner: string;
  reports: TickReport[];
}

/** A worker process, its IPC messages, and its report once it exits. */
function startWorker(args: string[]) {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", WORKER, ...args], {
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  children.push(child);
  let out = "";
  let err = "";
  child.stdout?.on("data", (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    err += d.toString();
  });
  const exited = new Promise<WorkerResult>((resolve, reject) => {
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
  // A worker that dies early fails the waits below at once instead of leaving them hanging.
  const says = (word: string) =>
    Promise.race([
      new Promise<void>((resolve) => {
        const listen = (message: unknown) => {
          if (message !== word) return;
          child.off("message", listen);
          resolve();
        };
        child.on("message", listen);
      }),
      exited.then(() => Promise.reject(new Error(`worker exited before saying "${word}"`))),
    ]);
  return { child, says, exited };
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill();
});

describe("two bot processes with one Redis", () => {
  it("post each digest exactly once between them, also when both keep ticking", async () => {
    const seed = await openStore(redis.url);
    const ids = Array.from({ length: CHATS }, (_, i) => (i % 2 ? 20_000 + i : -2_000_000 - i));
    const createdAt = at("2027-07-15 07:00").toISOString();
    for (const id of ids) {
      await seed.setSubscription(sub(`telegram:${id}`, { lang: id > 0 ? "en" : "vi", createdAt }));
    }
    await seed.close();

    const ticks = ["2027-07-15 08:00", "2027-07-15 08:01", "2027-07-15 09:30"].map((t) => at(t).toISOString());
    const args = [redis.url, server.apiRoot, server.token, ...ticks];
    const workers = [startWorker(args), startWorker(args)];
    // Released together once both are set up; each holds its first claim until the other has one too.
    const ready = workers.map((w) => w.says("ready"));
    const claimed = workers.map((w) => w.says("claimed"));
    await Promise.all(ready);
    for (const w of workers) w.child.send("go");
    await Promise.all(claimed);
    for (const w of workers) w.child.send("both-claimed");
    const [a, b] = await Promise.all(workers.map((w) => w.exited));
    if (!a || !b) throw new Error("a worker gave no result");
    expect(a.owner).not.toBe(b.owner);

    const sentBy = (w: { reports: TickReport[] }) => w.reports.flatMap((r) => r.sent);
    // Both sent some, and together each chat exactly once.
    expect(sentBy(a).length).toBeGreaterThan(0);
    expect(sentBy(b).length).toBeGreaterThan(0);
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
