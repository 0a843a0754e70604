// `npm run bench`: runs every benchmark in bench/ in its own process, one after another, and prints their figures.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";

const here = dirname(new URL(import.meta.url).pathname);
const files = readdirSync(here)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts")
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n── ${file} ${"─".repeat(Math.max(0, 60 - file.length))}`);
  const result = spawnSync(process.execPath, ["--import", "tsx", join(here, file)], { stdio: "inherit" });
  if (result.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
