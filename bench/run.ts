// `npm run bench [-- --check] [-- --scales 1,100,1000] [-- --only commands,load,parse]`: every benchmark, each in its own
// process, one after another; `--check` exits non-zero when a target is missed (CI does not run it: timings on a
// shared machine are noisy). The copies of data/ are generated under var/bench/ on first use.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    check: { type: "boolean", default: false },
    scales: { type: "string", default: "1,100,1000" },
    only: { type: "string" },
  },
});
const scales = values.scales.split(",").map(Number);
const only = values.only ? new Set(values.only.split(",")) : undefined;
const here = import.meta.dirname;

const runs: { name: string; file: string; args: string[] }[] = [
  ...scales.map((k) => ({ name: "commands", file: "commands.ts", args: ["--scale", String(k)] })),
  ...scales.map((k) => ({ name: "load", file: "load.ts", args: ["--scale", String(k)] })),
  // The YAML parsers on the same files (js-yaml, shipped, against `yaml`), at ×100.
  { name: "parse", file: "parse.ts", args: ["--scale", "100"] },
  { name: "reload", file: "reload.ts", args: ["--scale", String(scales.includes(100) ? 100 : (scales[0] ?? 1))] },
  // RSS once a reload is over (start from the snapshot, reload edited data, loader child process ended), at the largest scale.
  { name: "reload", file: "reload-memory.ts", args: ["--scale", String(Math.max(...scales))] },
  ...scales.map((k) => ({ name: "start", file: "start.ts", args: ["--scale", String(k)] })),
  { name: "fanout", file: "fanout.ts", args: [] },
  // End to end through the built bot in webhook mode against the local Bot API: updates/s and p50/p99 at 40 in
  // flight with the throttler off, and a /province answer's completion with the throttler as shipped.
  { name: "webhook", file: "webhook.ts", args: [] },
  // Pictures and documents over the real corpus (p50/p99 of the chart and of the briefing note).
  { name: "render", file: "render.ts", args: [] },
];

let failed = 0;
for (const run of runs) {
  if (only && !only.has(run.name)) continue;
  const title = `${run.file} ${run.args.join(" ")}`;
  console.log(`\n── ${title} ${"─".repeat(Math.max(0, 60 - title.length))}`);
  const args = ["--import", "tsx", join(here, run.file), ...run.args, ...(values.check ? ["--check"] : [])];
  const result = spawnSync(process.execPath, args, { stdio: "inherit" });
  if (result.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
