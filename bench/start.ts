// Cold start: `npm start` (the built bot, console mode: no platform configured) from spawn to "started", with its
// idle RSS once started; and one `npm run ask` from spawn to exit. Each with and without a cached corpus snapshot,
// at one scale (DATA_DIR points at the generated copy).
//   npx tsx bench/start.ts [--scale 1] [--check]
import { spawn, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { benchDataDir, generate } from "./generate";
import { Checks, mib, ms } from "./measure";

const { values } = parseArgs({
  options: { scale: { type: "string", default: "1" }, check: { type: "boolean", default: false } },
});
const scale = Number(values.scale);
const root = resolve(import.meta.dirname, "..");
const dataDir = await generate(scale, benchDataDir(scale));
const cache = await mkdtemp(join(tmpdir(), "huunghi-bench-start-"));
const { TELEGRAM_BOT_TOKEN: _t, DISCORD_TOKEN: _d, ...inherited } = process.env;
const env = {
  ...inherited,
  DATA_DIR: dataDir,
  CORPUS_CACHE_DIR: cache,
  STORE_URL: `sqlite://${join(cache, "bot.sqlite")}`,
  LOG_LEVEL: "info",
};
const checks = new Checks();

async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

/** Spawns the built bot and waits for its "started" line; returns the time and the RSS a second later. */
async function startBot(): Promise<{ readyMs: number; rss: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, "dist", "main.js")], { env, stdio: ["pipe", "pipe", "pipe"] });
  let output = "";
  const ready = await new Promise<number>((resolveReady, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("huunghi-bot started")) resolveReady(performance.now() - started);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) =>
      reject(new Error(`the bot exited (${code}) before it started:\n${output.slice(-2000)}`)),
    );
  });
  await new Promise((r) => setTimeout(r, 1000));
  const rss = await rssOf(child.pid ?? 0);
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  return { readyMs: ready, rss };
}

function ask(): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, ["--import", "tsx", join(root, "src", "ask.ts"), "/province son la"], {
    env,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return performance.now() - started;
}

try {
  const build = spawnSync("npm", ["run", "--silent", "build"], { cwd: root, encoding: "utf8" });
  if (build.status !== 0) throw new Error(build.stderr);
  console.log(`×${scale}: cold start (console mode; no platform configured, so neither grammY nor discord.js loads)`);
  const first = await startBot();
  const second = await startBot();
  console.log(
    `  npm start (node dist/main.js) to ready, no snapshot: ${ms(first.readyMs)}, idle RSS ${mib(first.rss)}`,
  );
  console.log(`  npm start to ready, snapshot cached:              ${ms(second.readyMs)}, idle RSS ${mib(second.rss)}`);
  // `ask` runs the sources through tsx: its indexing code is transpiled apart from dist/'s, so it keeps a snapshot of
  // its own (the key includes that code): the first run builds it, the second restores it.
  const askFirst = ask();
  const askMs = ask();
  console.log(`  one npm run ask "/province son la" (tsx), no snapshot of its own: ${ms(askFirst)}`);
  console.log(`  one npm run ask "/province son la" (tsx), snapshot cached:        ${ms(askMs)}`);
  if (scale >= 1000) checks.expect("start from snapshot", second.readyMs < 3000 + 2000, `${ms(second.readyMs)}`);
} finally {
  await rm(cache, { recursive: true, force: true });
}
checks.report(values.check);
