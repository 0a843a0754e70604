// End to end in webhook mode: the production program (`node dist/main.js`, built first) runs in its own process
// with TELEGRAM_WEBHOOK_URL set, against the local Bot API server (test/support/telegram-server.ts) here, over the
// real corpus and a SQLite store. This process posts Telegram updates to the bot's webhook (bench/webhook-load.ts)
// and times each from the POST (update received) to the Bot API server receiving the last message of its reply
// (reply sent).
//   1. baseline: the same messages through core.handle in this process (no platform layer), p50/p99;
//   2. grammY's throttler off (bench/webhook-unthrottled.mjs, the bench's own switch): capacity, always N in
//      flight (updates/s, p50/p99); then latency with updates due at a fixed rate, at most N in flight. Always N in
//      flight, the latency is N ÷ throughput (Little's law: 40 ms at 1,000/s), so p99 < 20 ms is read at the rate;
//   3. the throttler as shipped: how long until a `/province Sơn La` answer is complete (every message delivered)
//      on a quiet bot, while other users send 20 updates/s (below Telegram's 30 messages/s), and while they keep N
//      updates in flight (above it: every reply waits its turn in the throttler's queue).
// Goals (`--check`): ≥ 1,000 updates/s at 40 in flight; at 1,000 updates/s due, ≤ 40 in flight, p99 < 20 ms and
// the rate kept; no update unanswered.
//   npx tsx bench/webhook.ts [--scale 1] [--in-flight 40] [--rate 1000] [--seconds 10] [--cpu-prof] [--check]
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { openSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { Agent } from "node:http";
import { createServer } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { createCore } from "../src/app";
import { parseCommandText } from "../src/core/dispatch";
import { plainTextInvocation } from "../src/core/plain-text";
import { messageUpdate, startTelegramServer, type TelegramServer } from "../test/support/telegram-server";
import { benchDataDir, generate } from "./generate";
import { Checks, ms } from "./measure";
import { type LoadResult, postUpdate, quantile, Replies, runLoad, type Webhook } from "./webhook-load";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    "in-flight": { type: "string", default: "40" },
    seconds: { type: "string", default: "10" },
    rate: { type: "string", default: "1000" },
    "cpu-prof": { type: "boolean", default: false },
    check: { type: "boolean", default: false },
  },
});
const scale = Number(values.scale);
const inFlight = Number(values["in-flight"]);
const seconds = Number(values.seconds);
const rate = Number(values.rate);
if (!(scale >= 1) || !(inFlight >= 1) || !(seconds > 0) || !(rate > 0)) {
  throw new Error("--scale ≥ 1, --in-flight ≥ 1, --seconds > 0, --rate > 0");
}
const root = resolve(import.meta.dirname, "..");
const dataDir = scale === 1 ? join(root, "data") : await generate(scale, benchDataDir(scale));

/** The messages users send, in turn: commands, a plain question, a mistyped name. */
const LINES = [
  "/province son la",
  "/agreements 2022",
  "/search khau trang",
  "/timeline",
  "Sơn La tặng Xiêng Khoảng bao nhiêu tiền",
  "/province Luang Prabanng",
];
const PROVINCE = "/province Sơn La";
const SECRET = "bench_webhook-secret";

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolvePort(port));
    });
  });
}

interface RunningBot {
  hook: Webhook;
  /** CPU time the bot process has used so far (ms). */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts `node dist/main.js` in webhook mode against `server`; resolves once it registered its webhook. */
async function startBot(server: TelegramServer, work: string, throttled: boolean): Promise<RunningBot> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/tg-hook`;
  const { DISCORD_TOKEN: _d, HTTP_PORT: _h, ...inherited } = process.env;
  const env = {
    ...inherited,
    TELEGRAM_BOT_TOKEN: server.token,
    TELEGRAM_API_ROOT: server.apiRoot,
    TELEGRAM_WEBHOOK_URL: url,
    TELEGRAM_WEBHOOK_PORT: String(port),
    TELEGRAM_WEBHOOK_HOST: "127.0.0.1",
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    DATA_DIR: dataDir,
    CORPUS_CACHE_DIR: join(root, "var", "bench", "cache"),
    STORE_URL: `sqlite://${join(work, `bot-${throttled ? "throttled" : "capacity"}.sqlite`)}`,
    LOG_LEVEL: "info",
  };
  const log = join(work, `bot-${throttled ? "throttled" : "capacity"}.log`);
  const out = openSync(log, "w");
  const args = [
    ...(throttled ? [] : ["--import", join(import.meta.dirname, "webhook-unthrottled.mjs")]),
    ...(values["cpu-prof"] && !throttled ? ["--cpu-prof", "--cpu-prof-dir", join(root, "var", "prof")] : []),
    join(root, "dist", "main.js"),
  ];
  const child: ChildProcess = spawn(process.execPath, args, { env, stdio: ["ignore", out, out] });
  const exited = new Promise<number | null>((r) => child.once("exit", r));
  running.add(child);
  void exited.then(() => running.delete(child));
  const registered = server.waitFor("setWebhook", { where: (c) => c.params.url === url, timeoutMs: 120_000 });
  const early = exited.then(async (code) => {
    throw new Error(`the bot exited (${code}) before it took updates:\n${(await readFile(log, "utf8")).slice(-3000)}`);
  });
  await Promise.race([registered, early]);
  early.catch(() => {});
  return {
    hook: { url, secret: SECRET },
    async cpuMs() {
      // /proc/<pid>/stat: utime and stime, the 14th and 15th fields, in clock ticks (100 a second).
      const stat = await readFile(`/proc/${child.pid}/stat`, "utf8").catch(() => "");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return (Number(fields[11]) + Number(fields[12])) * 10;
    },
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Baseline: the same messages through core.handle here, one after another (no HTTP, no grammY, no rendering). */
async function inProcess(): Promise<{ p50: number; p99: number; perSecond: number }> {
  const core = await createCore({ dataDir, cacheDir: join(root, "var", "bench", "cache") });
  const run = (line: string, i: number) => {
    const parsed = parseCommandText(line);
    const inv = parsed
      ? { command: parsed.name, text: parsed.text }
      : plainTextInvocation(core.commands, core.holder.get(), line);
    return core.handle({
      ...inv,
      lang: i % 2 ? "en" : "vi",
      caller: {
        userId: `telegram:${i}`,
        chatId: `telegram:${i}`,
        platform: "telegram",
        isChatAdmin: true,
        chatKind: "private",
      },
    });
  };
  for (let i = 0; i < LINES.length * 20; i++) await run(LINES[i % LINES.length] ?? "", i);
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; performance.now() - started < 2000 || samples.length < LINES.length * 20; i++) {
    const t0 = performance.now();
    await run(LINES[i % LINES.length] ?? "", i);
    samples.push(performance.now() - t0);
  }
  const total = performance.now() - started;
  samples.sort((a, b) => a - b);
  return { p50: quantile(samples, 0.5), p99: quantile(samples, 0.99), perSecond: samples.length / (total / 1000) };
}

/**
 * Sends `/province Sơn La` from a user of its own; resolves with the time until its answer is complete: the
 * webhook answered (grammY answers once the handler is done, its sends included) and, when `parts` is given,
 * that many messages arrived (the webhook may answer first when a reply waits longer than its 8-s timeout).
 */
async function provinceAnswer(
  replies: Replies,
  hook: Webhook,
  userId: number,
  parts?: number,
): Promise<{ ms: number; parts: number }> {
  const pending = replies.expect(userId);
  try {
    const status = await postUpdate(oneShot, hook, {
      update_id: 900_000_000 + userId,
      ...messageUpdate(PROVINCE, { chatId: userId, from: { id: userId, language_code: "vi" } }),
    });
    if (status !== 200) throw new Error(`the webhook answered ${status}`);
    if (parts !== undefined) await replies.whenParts(pending, parts);
  } finally {
    replies.done(pending);
  }
  if (pending.lastAt === undefined) throw new Error(`no reply to ${PROVINCE}`);
  return { ms: pending.lastAt - pending.sentAt, parts: pending.parts };
}

const oneShot = new Agent({ keepAlive: false });
/** Bot processes started and not yet stopped (stopped on the way out whatever happens). */
const running = new Set<ChildProcess>();
/** Where the Bot API server reports the calls it recorded: the current phase's replies. */
let replies = new Replies();
const checks = new Checks();
const work = await mkdtemp(join(tmpdir(), "huunghi-bench-webhook-"));
const server = await startTelegramServer({ onCall: (call) => replies.onCall(call) });
const load = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`;
try {
  const build = spawnSync("npm", ["run", "--silent", "build"], { cwd: root, encoding: "utf8" });
  if (build.status !== 0) throw new Error(build.stderr);
  console.log(`×${scale}, ${inFlight} updates in flight, ${seconds} s per run (${load()})`);
  console.log(`messages in turn: ${LINES.join(" · ")}`);

  const base = await inProcess();
  console.log(
    `baseline, core.handle in process (no HTTP, grammY, rendering)  p50 ${ms(base.p50)}  p99 ${ms(base.p99)}  ${base.perSecond.toFixed(0)} /s one at a time`,
  );

  // The throttler off: capacity (closed loop), then latency at a fixed rate (open loop).
  {
    const bot = await startBot(server, work, false);
    replies = new Replies();
    const common = { hook: bot.hook, replies, inFlight, lines: LINES, durationMs: seconds * 1000 };
    const cpuBefore = await bot.cpuMs();
    const ownBefore = process.cpuUsage();
    const capacity = await runLoad({ ...common, warmupMs: 3000 });
    const cpuPerUpdate = ((await bot.cpuMs()) - cpuBefore) / capacity.total;
    const own = process.cpuUsage(ownBefore);
    const ownPerUpdate = (own.user + own.system) / 1000 / capacity.total;
    const paced = await runLoad({ ...common, rate, warmupMs: 1000 });
    // And at half the capacity measured, when that is below the goal's rate: the latency of a bot not saturated.
    const half = Math.floor(capacity.perSecond / 2);
    const halfPaced = half < rate && half > 0 ? await runLoad({ ...common, rate: half, warmupMs: 1000 }) : undefined;
    // The same /province probe as with the throttler below, for comparison.
    const unthrottled: number[] = [];
    for (let i = 0; i < 5; i++) unthrottled.push((await provinceAnswer(replies, bot.hook, 7_000_000 + i)).ms);
    unthrottled.sort((a, b) => a - b);
    await bot.stop();
    const strays = replies.strays;
    console.log(`webhook, throttler off (${load()}):`);
    const line = (label: string, r: LoadResult) => {
      const p50 = quantile(r.latencies, 0.5);
      console.log(
        `  ${label.padEnd(40)} ${r.perSecond.toFixed(0).padStart(5)} updates/s  p50 ${ms(p50).padStart(9)}  p99 ${ms(quantile(r.latencies, 0.99)).padStart(9)}  (×${(p50 / base.p50).toFixed(0)} the baseline p50; ${r.completed} updates, ${r.failed} failed${r.late ? `, ${r.late} held back: ${inFlight} were in flight` : ""})`,
      );
    };
    console.log(`  (always ${inFlight} in flight, the latency is ${inFlight} ÷ the throughput: Little's law)`);
    line(`capacity: always ${inFlight} in flight`, capacity);
    line(`${rate} updates/s due, ≤ ${inFlight} in flight`, paced);
    if (halfPaced) line(`${half} updates/s due (half the capacity)`, halfPaced);
    console.log(
      `  update received → reply sent (the last message of the reply reaching the Bot API server); ${(capacity.parts / Math.max(1, capacity.completed)).toFixed(2)} messages a reply; ${strays} stray replies`,
    );
    console.log(
      `  "${PROVINCE}" complete on the quiet bot: p50 ${ms(quantile(unthrottled, 0.5))}, max ${ms(unthrottled.at(-1) ?? Number.NaN)} (${unthrottled.length} runs)`,
    );
    console.log(
      `  update received → webhook answered, at capacity: p50 ${ms(quantile(capacity.answered, 0.5))}  p99 ${ms(quantile(capacity.answered, 0.99))}`,
    );
    console.log(
      `  capacity ÷ core.handle one at a time in this process: ${(capacity.perSecond / base.perSecond).toFixed(2)}×`,
    );
    console.log(
      `  CPU per update at capacity: the bot ${ms(cpuPerUpdate)} (${(1000 / cpuPerUpdate).toFixed(0)} updates/s for each core it gets), this process (Bot API server, load generator) ${ms(ownPerUpdate)}; ${cpus().length} cores`,
    );
    // Always N in flight, latency is N ÷ throughput (Little's law): the p99 goal is read at the goal's rate.
    checks.expect("updates/s, throttler off", capacity.perSecond >= 1000, `${capacity.perSecond.toFixed(0)} < 1,000`);
    const p99 = quantile(paced.latencies, 0.99);
    checks.expect(`p99 at ${rate}/s, ≤ ${inFlight} in flight`, p99 < 20, `${ms(p99)} ≥ 20 ms`);
    checks.expect(
      `${rate} updates/s kept up`,
      paced.perSecond >= 0.95 * rate,
      `${paced.perSecond.toFixed(0)} updates/s answered`,
    );
    checks.expect(
      "every update answered",
      capacity.failed + paced.failed + (halfPaced?.failed ?? 0) === 0 && strays === 0,
      `${capacity.failed + paced.failed + (halfPaced?.failed ?? 0)} failed, ${strays} stray replies`,
    );
  }

  // The throttler as shipped: a /province answer, quiet and under load.
  {
    const bot = await startBot(server, work, true);
    replies = new Replies();
    // Each from a user of its own, so one's per-chat pacing does not hold the next. The first warms up.
    const first = await provinceAnswer(replies, bot.hook, 7_000_001);
    const quiet: number[] = [];
    for (let i = 0; i < 5; i++) quiet.push((await provinceAnswer(replies, bot.hook, 7_000_100 + i, first.parts)).ms);
    quiet.sort((a, b) => a - b);
    console.log(`throttler as shipped (${load()}):`);
    console.log(
      `  "${PROVINCE}" complete (${first.parts} message${first.parts === 1 ? "" : "s"}) on a quiet bot: p50 ${ms(quantile(quiet, 0.5))}, max ${ms(quiet.at(-1) ?? Number.NaN)} (${quiet.length} runs)`,
    );
    // Under load: other users send 20 updates a second (below Telegram's 30 messages a second, which the throttler
    // keeps to), then keep `inFlight` updates in flight (more than the throttler lets out: replies queue).
    const loads = [
      { label: "while others send 20 updates/s", rate: 20, firstUserId: 2_000_000 },
      { label: `while ${inFlight} other updates are in flight`, rate: undefined, firstUserId: 3_000_000 },
    ];
    for (const [n, background] of loads.entries()) {
      const stopLoad = new AbortController();
      const others = runLoad({
        hook: bot.hook,
        replies,
        inFlight,
        lines: LINES,
        signal: stopLoad.signal,
        firstUserId: background.firstUserId,
        usersPerSlot: 1_000,
        ...(background.rate ? { rate: background.rate } : {}),
      });
      await new Promise((r) => setTimeout(r, 3000));
      const loaded: number[] = [];
      for (let i = 0; i < 3; i++) {
        loaded.push((await provinceAnswer(replies, bot.hook, 7_000_200 + 10 * n + i, first.parts)).ms);
      }
      stopLoad.abort();
      const othersRun = await others;
      loaded.sort((a, b) => a - b);
      console.log(
        `  "${PROVINCE}" complete ${background.label}: p50 ${ms(quantile(loaded, 0.5))}, max ${ms(loaded.at(-1) ?? Number.NaN)} (${loaded.length} runs; the others got ${othersRun.perSecond.toFixed(0)} updates/s, p50 ${ms(quantile(othersRun.latencies, 0.5))})`,
      );
    }
    await bot.stop();
  }
} finally {
  for (const child of running) child.kill("SIGTERM");
  await server.close();
  await rm(work, { recursive: true, force: true });
}
checks.report(values.check);
