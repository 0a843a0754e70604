// RSS once a reload is over, at one scale: the bot restored from its snapshot, data/ then edited and reloaded as
// `/reload` does (built in a child process, restored here in slices), the old version dropped and the child ended.
// Each in a fresh process, compiled as `npm start` runs the bot, RSS read after three collections (compiled.ts).
//   npx tsx bench/reload-memory.ts --scale 1000 [--check]
import { spawnSync } from "node:child_process";
import { appendFile, cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildCompiled, type Memory, settledMemory } from "./compiled";
import { Checks, mib, ms } from "./measure";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "100" },
    check: { type: "boolean", default: false },
    once: { type: "string" },
    cache: { type: "string" },
    reload: { type: "boolean", default: false },
  },
});

if (values.once) {
  // Child: a start (from the snapshot when there is one), then, with --reload, a reload of the edited data.
  const { CorpusHolder } = await import("../src/corpus/holder");
  const { loaderChildren } = await import("../src/corpus/child-load");
  const holder = await CorpusHolder.load(values.once, { cacheDir: values.cache });
  const loaded = await settledMemory();
  let reloadMs = 0;
  let reloaded = loaded;
  if (values.reload) {
    await appendFile(join(values.once, "anniversaries.yaml"), `\n# edited ${Date.now()}\n`);
    const started = performance.now();
    const outcome = await holder.reload();
    reloadMs = performance.now() - started;
    if (!outcome.ok) throw new Error(`reload failed: ${JSON.stringify(outcome).slice(0, 300)}`);
    // The child process that built the new version ends once it has replied.
    for (let waited = 0; loaderChildren() > 0 && waited < 300_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    reloaded = await settledMemory();
  }
  console.log(JSON.stringify({ loaded, reloaded, reloadMs, peak: process.resourceUsage().maxRSS * 1024 }));
  process.exit(0);
}

const { benchDataDir, generate } = await import("./generate");
const scale = Number(values.scale);
const compiled = buildCompiled(import.meta.filename);
const source = await generate(scale, benchDataDir(scale));
const work = await mkdtemp(join(tmpdir(), "huunghi-bench-reload-memory-"));
const dataDir = join(work, "data");
const cache = join(work, "cache");
await cp(source, dataDir, { recursive: true });
const checks = new Checks();

const memory = (m: Memory) => `RSS ${mib(m.rss)} (heap in use ${mib(m.heap)}, outside the heap ${mib(m.external)})`;

function once(reload: boolean): { loaded: Memory; reloaded: Memory; reloadMs: number; peak: number } {
  const args = ["--expose-gc", join(compiled, "reload-memory.js"), "--once", dataDir, "--cache", cache];
  if (reload) args.push("--reload");
  const child = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "{}");
}

try {
  once(false); // builds from the YAML and saves the snapshot the measured start restores
  const run = once(true);
  console.log(`×${scale}: a start from the snapshot, then a reload of edited data`);
  console.log(`  after the start:  ${memory(run.loaded)}`);
  console.log(`  after the reload: ${memory(run.reloaded)}`);
  console.log(`  reload ${ms(run.reloadMs)}, peak of the process ${mib(run.peak)}`);
  checks.expect("RSS after a reload", run.reloaded.rss < 400 * 2 ** 20, `${mib(run.reloaded.rss)} ≥ 400 MB`);
} finally {
  await rm(work, { recursive: true, force: true });
}
checks.report(values.check);
process.exit(process.exitCode ?? 0);
