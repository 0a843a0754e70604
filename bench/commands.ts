// Command latency at one scale: each command through dispatch (as a chat would run it), p50/p99, beside a naive
// baseline measured in the same run, and the ratio. For the lookup commands the baseline is the same command through
// the same dispatch against a corpus whose lookups scan the records (bench/scan-corpus.ts: same rendering, same
// reply, checked); for a question and /search, a scan of the texts (bench/naive.ts).
//   npx tsx bench/commands.ts --scale 1000 [--check]
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createCore } from "../src/app";
import { parseCommandText } from "../src/core/dispatch";
import { plainTextInvocation } from "../src/core/plain-text";
import { CorpusHolder } from "../src/corpus/holder";
import { consoleCaller } from "../src/platforms/console/caller";
import { benchDataDir, generate } from "./generate";
import { Checks, mib, ms, time } from "./measure";
import { NaiveScan } from "./naive";
import { scanningCorpus } from "./scan-corpus";

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
const scanCore = await createCore({
  holder: new CorpusHolder(scanningCorpus(corpus), dir, async () => ({ ok: false, errors: [] })),
  today: TODAY,
});

async function run(line: string, on = core) {
  const parsed = parseCommandText(line);
  const inv = parsed
    ? { command: parsed.name, text: parsed.text }
    : plainTextInvocation(on.commands, on.holder.get(), line);
  const reply = await on.handle({ ...inv, lang: "vi", caller: consoleCaller });
  return reply;
}
/** The same command against the scanning corpus. */
const scanned = (line: string) => () => run(line, scanCore);

const QUESTION = "Sơn La tặng Xiêng Khoảng bao nhiêu tiền";
const cases: { label: string; line: string; naive: () => unknown; target: number; sameReply?: boolean }[] = [
  {
    label: "/province son la",
    line: "/province son la",
    naive: scanned("/province son la"),
    target: 1,
    sameReply: true,
  },
  {
    label: "/agreements 2022",
    line: "/agreements 2022",
    naive: scanned("/agreements 2022"),
    target: 1,
    sameReply: true,
  },
  {
    label: "/anniversaries 30",
    line: "/anniversaries 30",
    naive: scanned("/anniversaries 30"),
    target: 1,
    sameReply: true,
  },
  {
    label: "mistyped /province Luang Prabanng",
    line: "/province Luang Prabanng",
    naive: scanned("/province Luang Prabanng"),
    target: 5,
    sameReply: true,
  },
  { label: "question without a slash", line: QUESTION, naive: () => naive.question(QUESTION), target: 10 },
  { label: "/search khau trang", line: "/search khau trang", naive: () => naive.search("khau trang"), target: 10 },
  // As staff type it: with diacritics, hits holding the words exactly as typed come first (marked-words.ts).
  { label: "/search khẩu trang", line: "/search khẩu trang", naive: () => naive.search("khẩu trang"), target: 10 },
];

const checks = new Checks();
const budgetMs = scale >= 1000 ? 3000 : 1500;
const warmupMs = 250;
console.log(
  `${"command".padEnd(36)} ${"p50".padStart(10)} ${"p99".padStart(10)}   naive p50   naive p99   ratio (p50)`,
);
for (const c of cases) {
  const reply = await run(c.line);
  if (c.sameReply && JSON.stringify(await c.naive()) !== JSON.stringify(reply)) {
    checks.expect(`${c.label} baseline`, false, "the scanning corpus gave another reply: the comparison is void");
  }
  // Both sides warm up for the same time first, so each p50/p99 is the steady state of compiled code.
  const t = await time(() => run(c.line), { budgetMs, warmupMs });
  const n = await time(c.naive, { budgetMs, warmupMs });
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
