// Benchmarks that measure memory run compiled, as `npm start` runs the bot: a bench file is built with the bot's own
// build (scripts/build.mjs) into var/bench/dist/ and its measuring part runs there, without tsx (about 35 MB of RSS
// of its own). Memory is read after three collections: memory outside the heap (typed arrays' buffers, a file's
// bytes) is given back by a sweeper after a collection, and counted as freed only a collection later.
import { spawnSync } from "node:child_process";
import { join, relative } from "node:path";

/** Builds `benchFile` (its `import.meta.filename`) into var/bench/dist/, and gives that directory. */
export function buildCompiled(benchFile: string): string {
  const root = join(import.meta.dirname, "..");
  const compiled = join(root, "var", "bench", "dist");
  const build = spawnSync(
    process.execPath,
    ["scripts/build.mjs", "--outdir", compiled, "--entry", relative(root, benchFile)],
    { cwd: root, encoding: "utf8" },
  );
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  return compiled;
}

export interface Memory {
  rss: number;
  heap: number;
  external: number;
}

/** RSS, heap in use and memory outside the heap, after three collections 200 ms apart (needs --expose-gc). */
export async function settledMemory(): Promise<Memory> {
  for (let round = 0; round < 3; round++) {
    globalThis.gc?.();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const { rss, heapUsed, external } = process.memoryUsage();
  return { rss, heap: heapUsed, external };
}
