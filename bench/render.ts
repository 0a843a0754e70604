// Pictures and documents benchmark: the timeline chart (content → SVG → PNG) and the briefing note (.docx with
// the chart embedded) for the real corpus, p50/p99 per render, against /province as text in the same run.
// Prints figures; asserts nothing.
import { availableParallelism, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { createCore } from "../src/app";
import { buildBriefing } from "../src/core/briefing";
import { Citer } from "../src/core/cite";
import type { Caller } from "../src/core/command";
import { briefReply } from "../src/render/brief-reply";
import { chartSvg } from "../src/render/chart";
import { timelineChart } from "../src/render/chart-content";
import { CHART_FONT_FILES } from "../src/render/font";
import { svgToPng } from "../src/render/png";

const TODAY = "2026-11-29";
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")} on ${availableParallelism()} cores`,
);
const caller: Caller = {
  userId: "bench",
  chatId: "bench",
  platform: "console",
  isChatAdmin: true,
  chatKind: "private",
};
const core = await createCore({ today: TODAY });
const corpus = core.holder.get();
const sonLa = corpus.province("son-la");
if (!sonLa) throw new Error("son-la missing");

async function measure(label: string, runs: number, f: () => unknown): Promise<number> {
  for (let i = 0; i < 5; i++) await f(); // warm-up
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    await f();
    const used = process.cpuUsage(cpuStart);
    times.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  // Wall time is what a user waits; CPU time is the work itself, which a machine shared with other jobs
  // (its load average is printed first) does not inflate.
  const at = (list: number[], q: number) =>
    [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(q * list.length))] ?? 0;
  const ms = (v: number) => v.toFixed(1).padStart(7);
  console.log(
    `${label.padEnd(46)} wall p50 ${ms(at(times, 0.5))} p99 ${ms(at(times, 0.99))} ms · cpu p50 ${ms(at(cpu, 0.5))} p99 ${ms(at(cpu, 0.99))} ms`,
  );
  return at(times, 0.5);
}

const baseline = await measure("/province son la as text (baseline)", 200, () =>
  core.handle({ command: "province", text: "son la", lang: "vi", caller }),
);
const content = await measure("chart content, whole corpus", 200, () =>
  timelineChart(corpus, { lang: "vi", today: TODAY, citer: new Citer(corpus) }),
);
const chart = timelineChart(corpus, { lang: "vi", today: TODAY, citer: new Citer(corpus) });
const svg = await measure("chart SVG, whole corpus", 200, () => chartSvg(chart));
const png = await measure("chart PNG (resvg), whole corpus", 40, () => svgToPng(chartSvg(chart).svg, CHART_FONT_FILES));
const full = await measure("/timeline chart end to end", 40, () =>
  core.handle({ command: "timeline", text: "chart", lang: "vi", caller }),
);
const doc = await measure("/brief son la (.docx with chart) end to end", 40, () =>
  briefReply(corpus, buildBriefing(corpus, sonLa, TODAY), "vi"),
);
console.log(
  `ratios to the text baseline (p50): content ${(content / baseline).toFixed(1)}×, SVG ${(svg / baseline).toFixed(1)}×, PNG ${(png / baseline).toFixed(0)}×, chart reply ${(full / baseline).toFixed(0)}×, document ${(doc / baseline).toFixed(0)}×`,
);
