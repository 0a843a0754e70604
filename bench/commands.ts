// Command latency at one scale: each command through dispatch (as a chat would run it), p50/p99, beside a naive
// linear scan of the same data measured in the same run, and the ratio.
//   npx tsx bench/commands.ts --scale 1000 [--check]
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createCore } from "../src/app";
import { parseCommandText } from "../src/core/dispatch";
import { plainTextInvocation } from "../src/core/plain-text";
import { consoleCaller } from "../src/platforms/console/caller";
import { benchDataDir, generate } from "./generate";
import { Checks, mib, ms, time } from "./measure";
import { NaiveScan } from "./naive";

const { values } = parseArgs({
  options: { scale: { type: "string", default: "1" }, check: { type: "boolean", default: false } },
});
const scale = Number(values.scale);
const TODAY = "2026-11-24";
const dir = await generate(scale, benchDataDir(scale));

const loadStarted = performance.now();
// The snapshot cache makes a second run start fast; the load bench measures loading on its own.
const core = await createCore({ dataDir: dir, today: TODAY, cacheDir: join(dir, "..", "cache") });
const loadMs = performance.now() - loadStarted;
const corpus = core.holder.get();
const records = Object.values(corpus.counts()).reduce((a, b) => a + b, 0);
console.log(
  `×${scale}: ${records} records, loaded in ${ms(loadMs)} (see load.ts for load figures), RSS ${mib(process.memoryUsage().rss)}`,
);
const naive = new NaiveScan(corpus);

async function run(line: string) {
  const parsed = parseCommandText(line);
  const inv = parsed
    ? { command: parsed.name, text: parsed.text }
    : plainTextInvocation(core.commands, core.holder.get(), line);
  const reply = await core.handle({ ...inv, lang: "vi", caller: consoleCaller });
  return reply;
}

const QUESTION = "Sơn La tặng Xiêng Khoảng bao nhiêu tiền";
const cases: { label: string; line: string; naive: () => unknown; target: number }[] = [
  { label: "/province son la", line: "/province son la", naive: () => naive.province("son la"), target: 1 },
  { label: "/agreements 2022", line: "/agreements 2022", naive: () => naive.agreements(2022), target: 1 },
  {
    label: "/anniversaries 30",
    line: "/anniversaries 30",
    naive: () => naive.anniversaries(TODAY, 30),
    target: 1,
  },
  {
    label: "mistyped /province Luang Prabanng",
    line: "/province Luang Prabanng",
    naive: () => naive.suggest("Luang Prabanng"),
    target: 5,
  },
  { label: "question without a slash", line: QUESTION, naive: () => naive.question(QUESTION), target: 10 },
  { label: "/search khau trang", line: "/search khau trang", naive: () => naive.search("khau trang"), target: 10 },
];

const checks = new Checks();
const budgetMs = scale >= 1000 ? 3000 : 1500;
console.log(
  `${"command".padEnd(36)} ${"p50".padStart(10)} ${"p99".padStart(10)}   naive p50   naive p99   ratio (p50)`,
);
for (const c of cases) {
  const reply = await run(c.line);
  const t = await time(() => run(c.line), { budgetMs });
  const n = await time(c.naive, { budgetMs });
  const ratio = n.p50 / t.p50;
  console.log(
    `${c.label.padEnd(36)} ${ms(t.p50).padStart(10)} ${ms(t.p99).padStart(10)}  ${ms(n.p50).padStart(10)}  ${ms(n.p99).padStart(10)}   ${ratio.toFixed(2)}×  (${t.runs} runs${reply.error ? `, ${reply.error.code}` : ""})`,
  );
  if (scale >= 1000) {
    checks.expect(c.label, t.p99 < c.target, `p99 ${ms(t.p99)} ≥ ${c.target} ms`);
    checks.expect(`${c.label} vs naive`, ratio >= 20, `${ratio.toFixed(2)}× < 20×`);
  }
}
console.log(`RSS after the run: ${mib(process.memoryUsage().rss)}`);
checks.report(values.check);
