// Corpus load at one scale, each case in a fresh process: from the YAML (read + parse + validate + quote check +
// index, no snapshot; from 24 MB of YAML built in a child process that saves a snapshot, then restored) and from
// the cached snapshot (read + restore the built indexes). Prints wall time, RSS once loaded (after three
// collections) and the peak RSS of the process (a child's build is its own). The loads run compiled, as
// `npm start` runs the bot (compiled.ts).
//   npx tsx bench/load.ts --scale 1000 [--check]
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildCompiled, type Memory, settledMemory } from "./compiled";
import { Checks, mib, ms } from "./measure";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    check: { type: "boolean", default: false },
    once: { type: "string" },
    cache: { type: "string" },
  },
});

if (values.once) {
  // Child: one load, then the figures as JSON on stdout.
  const { loadCorpus } = await import("../src/corpus/load");
  const started = performance.now();
  const result = await loadCorpus(values.once, values.cache ? { cacheDir: values.cache } : {});
  const loadMs = performance.now() - started;
  if (!result.ok) throw new Error(`load failed: ${JSON.stringify(result.errors.slice(0, 3))}`);
  console.log(
    JSON.stringify({
      loadMs,
      ...(await settledMemory()),
      peak: process.resourceUsage().maxRSS * 1024,
      records: Object.values(result.corpus.counts()).reduce((a, b) => a + b, 0),
    }),
  );
  process.exit(0);
}

// Only here, not in the child: the generator loads the `yaml` library, about 10 MB the bot's load does not have.
const { benchDataDir, generate } = await import("./generate");
const scale = Number(values.scale);
const compiled = buildCompiled(import.meta.filename);
const dir = await generate(scale, benchDataDir(scale));
const cache = await mkdtemp(join(tmpdir(), "huunghi-bench-cache-"));
const checks = new Checks();

function once(withCache: boolean): Memory & { loadMs: number; peak: number; records: number } {
  const args = ["--expose-gc", join(compiled, "load.js"), "--once", dir];
  if (withCache) args.push("--cache", cache);
  const child = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "{}");
}

try {
  const yaml = once(false);
  once(true); // writes the snapshot
  const snapshot = once(true);
  console.log(`×${scale} (${yaml.records} records)`);
  console.log(
    `  from YAML (parse, validate, quote check, index; built in a child from 24 MB): ${ms(yaml.loadMs)}, RSS loaded ${mib(yaml.rss)} (heap ${mib(yaml.heap)}, outside it ${mib(yaml.external)}), peak ${mib(yaml.peak)}`,
  );
  console.log(
    `  from the cached snapshot (read, restore):                                     ${ms(snapshot.loadMs)}, RSS loaded ${mib(snapshot.rss)} (heap ${mib(snapshot.heap)}, outside it ${mib(snapshot.external)}), peak ${mib(snapshot.peak)}`,
  );
  if (scale >= 1000) {
    checks.expect("load from YAML", yaml.loadMs < 20_000, `${ms(yaml.loadMs)} ≥ 20 s`);
    checks.expect("load from snapshot", snapshot.loadMs < 3_000, `${ms(snapshot.loadMs)} ≥ 3 s`);
    checks.expect("RSS loaded", snapshot.rss < 400 * 2 ** 20, `${mib(snapshot.rss)} ≥ 400 MB`);
  }
} finally {
  await rm(cache, { recursive: true, force: true });
}
checks.report(values.check);
