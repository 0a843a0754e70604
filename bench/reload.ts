// A reload of changed data at one scale (default ×100) while a stream of commands keeps arriving: the longest
// event-loop stall, command latency during the reload, and failed commands. Measured for the shipped reload
// (built in a child process, the new version restored here in slices) and, in the same run, for a reload done on
// the main thread.
//   npx tsx bench/reload.ts [--scale 100] [--check]
import { appendFile, cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createCore } from "../src/app";
import { CorpusHolder } from "../src/corpus/holder";
import { loadCorpus } from "../src/corpus/load";
import { consoleCaller } from "../src/platforms/console/caller";
import { benchDataDir, generate } from "./generate";
import { Checks, ms } from "./measure";

const { values } = parseArgs({
  options: { scale: { type: "string", default: "100" }, check: { type: "boolean", default: false } },
});
const scale = Number(values.scale);
const source = await generate(scale, benchDataDir(scale));
const work = await mkdtemp(join(tmpdir(), "huunghi-bench-reload-"));
const dataDir = join(work, "data");
await cp(source, dataDir, { recursive: true });
const checks = new Checks();
const LINES = ["/province son la", "/agreements 2022", "/anniversaries 30", "/search khau trang", "/help"];

async function measure(label: string, mainThread: boolean) {
  const core = await createCore({ dataDir, today: "2026-11-24" });
  const holder = mainThread
    ? new CorpusHolder(core.holder.get(), dataDir, (dir) => loadCorpus(dir, { isolate: false }))
    : core.holder;
  const before = holder.get().version;
  // Changed data: the reload parses and validates everything again.
  await appendFile(join(dataDir, "anniversaries.yaml"), `\n# edited ${label} ${Date.now()}\n`);
  let stall = 0;
  let last = performance.now();
  const gaps: [number, number][] = [];
  const ticker = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    if (now - last > 50) gaps.push([Math.round(last), Math.round(now - last)]);
    last = now;
  }, 1);
  let failed = 0;
  let answered = 0;
  const latencies: number[] = [];
  let streaming = true;
  const stream = (async () => {
    for (let i = 0; streaming; i++) {
      const started = performance.now();
      const line = LINES[i % LINES.length] as string;
      const [name = "", ...rest] = line.slice(1).split(" ");
      try {
        const reply = (await core.env.services.commands.find((c) => c.name === name))
          ? await core.handle({ command: name, text: rest.join(" "), lang: "vi", caller: consoleCaller })
          : undefined;
        if (!reply || reply.error?.code === "internal") failed++;
      } catch {
        failed++;
      }
      answered++;
      latencies.push(performance.now() - started);
      // About one command per millisecond, as a busy bot's updates arrive: not a tight loop that starves timers.
      await new Promise((r) => setTimeout(r, 1));
    }
  })();
  await new Promise((r) => setTimeout(r, 200));
  stall = 0;
  const started = performance.now();
  gaps.length = 0;
  const outcome = await holder.reload();
  const reloadMs = performance.now() - started;
  if (process.env.BENCH_GAPS) console.log(gaps.map(([at, gap]) => `+${Math.round(at - started)}ms:${gap}`).join(" "));
  streaming = false;
  await stream;
  clearInterval(ticker);
  latencies.sort((a, b) => a - b);
  const p99 = latencies[Math.floor(latencies.length * 0.99)] ?? 0;
  console.log(
    `${label.padEnd(38)} reload ${ms(reloadMs).padStart(9)}, longest event-loop stall ${ms(stall).padStart(9)}, ` +
      `${answered} commands (p99 ${ms(p99)}), ${failed} failed, new version ${outcome.ok && outcome.version !== before}`,
  );
  return { stall, failed, ok: outcome.ok };
}

async function control(): Promise<number> {
  // The same stream with no reload: what this machine's scheduling alone costs.
  const core = await createCore({ dataDir, today: "2026-11-24" });
  let stall = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
  }, 1);
  const until = performance.now() + 5000;
  for (let i = 0; performance.now() < until; i++) {
    const line = LINES[i % LINES.length] as string;
    const [name = "", ...rest] = line.slice(1).split(" ");
    await core.handle({ command: name, text: rest.join(" "), lang: "vi", caller: consoleCaller });
    await new Promise((r) => setTimeout(r, 1));
  }
  clearInterval(ticker);
  return stall;
}

try {
  console.log(`×${scale}: a reload of changed data under a stream of commands`);
  console.log(`no reload (control, 5 s of the same stream): longest event-loop stall ${ms(await control())}`);
  const worker = await measure("child process + sliced restore (shipped)", false);
  const inline = await measure("on the main thread (baseline)", true);
  console.log(`  stall ratio: ${(inline.stall / worker.stall).toFixed(1)}× shorter`);
  checks.expect("reload stall", worker.stall < 50, `${ms(worker.stall)} ≥ 50 ms`);
  checks.expect("failed commands during reload", worker.failed === 0 && worker.ok, `${worker.failed} failed`);
} finally {
  await rm(work, { recursive: true, force: true });
}
checks.report(values.check);
process.exit(process.exitCode ?? 0);
