// Core benchmark: corpus load (validation + quote check + indexes), name resolution, and commands answered per
// second through dispatch, measured in this run. Prints figures; asserts nothing.
import { performance } from "node:perf_hooks";
import { createCore, DEFAULT_DATA_DIR } from "../src/app";
import type { Caller } from "../src/core/command";
import { parseCommandText } from "../src/core/dispatch";
import { resolveProvince } from "../src/core/resolve";
import { loadCorpus } from "../src/corpus/load";

const caller: Caller = {
  userId: "bench",
  chatId: "bench",
  platform: "console",
  isChatAdmin: true,
  chatKind: "private",
};

async function timeIt(label: string, runs: number, f: () => unknown | Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(20, runs); i++) await f(); // warm-up
  const start = performance.now();
  for (let i = 0; i < runs; i++) await f();
  const ms = performance.now() - start;
  const perSecond = (runs / ms) * 1000;
  console.log(
    `${label.padEnd(44)} ${(ms / runs).toFixed(3).padStart(9)} ms/op ${perSecond.toFixed(0).padStart(9)} op/s`,
  );
  return perSecond;
}

const heapBefore = process.memoryUsage().heapUsed;
await timeIt("load + validate + index corpus (data/)", 20, () => loadCorpus(DEFAULT_DATA_DIR));
const core = await createCore({ today: "2026-11-24" });
const corpus = core.holder.get();
const heapAfter = process.memoryUsage().heapUsed;
console.log(
  `heap growth after loading (incl. warm-up garbage): ${((heapAfter - heapBefore) / 1024 / 1024).toFixed(1)} MiB`,
);

await timeIt("resolve 'xieng khouang' (alias hit)", 20_000, () => resolveProvince(corpus, "xieng khouang"));
await timeIt("resolve 'Luang Prabanng' (typo → suggestions)", 2_000, () => resolveProvince(corpus, "Luang Prabanng"));
const baseline = await timeIt("dispatch /help (baseline)", 5_000, () => run("/help"));
for (const line of ["/province son la", "/agreements 2022", "/timeline", "/anniversaries 365", "/search khau trang"]) {
  const rate = await timeIt(`dispatch ${line}`, 2_000, () => run(line));
  console.log(`${"".padEnd(44)} ${(rate / baseline).toFixed(2)}× the /help rate`);
}

function run(line: string) {
  const p = parseCommandText(line);
  if (!p) throw new Error(line);
  return core.handle({ command: p.name, text: p.text, lang: "vi", caller });
}
