// A timeline chart as a Reply: the PNG as a photo attachment, and as text the same numbered key the picture
// shows, each item cited, so the caption or follow-up carries the proof. The rasteriser (a native module) is
// loaded on the first chart, so starting the bot or `npm run ask` does not pay for it.
import { Citer } from "../core/cite";
import type { CommandReply } from "../core/command";
import type { Corpus } from "../core/corpus";
import { words } from "../core/i18n";
import type { Block } from "../core/reply";
import { chartSvg } from "./chart";
import { type ChartScope, type TimelineChart, timelineChart } from "./chart-content";
import { readableFileName } from "./file-name";
import { CHART_FONT_FILES } from "./font";

/** Telegram's limit for a photo caption. */
export const CAPTION_MAX = 1024;

/** The text that goes with the picture: its key, item by item, with citations. */
function keyBlocks(chart: TimelineChart): Block[] {
  const L = chart.labels;
  const marks = chart.rows.flatMap((r) => r.marks.map((m) => ({ m, row: r.label }))).sort((a, b) => a.m.n - b.m.n);
  const bars = chart.rows.flatMap((r) => r.bars.map((b) => ({ b, row: r.label })));
  const blocks: Block[] = [];
  if (marks.length) {
    blocks.push({ kind: "heading", text: L.eventsKey });
    blocks.push({
      kind: "list",
      items: marks.map(({ m, row }) => ({
        text: `${m.n}${m.inferred ? "*" : ""}. ${m.dateText} — ${m.title} · ${row}`,
        cites: m.cites,
      })),
    });
  }
  if (bars.length) {
    blocks.push({ kind: "heading", text: L.agreementsKey });
    blocks.push({
      kind: "list",
      items: bars.map(({ b, row }) => ({ text: `${b.title} · ${row} · ${b.text}`, cites: b.cites })),
    });
  }
  if (chart.undated.length) {
    blocks.push({ kind: "heading", text: L.undatedKey });
    blocks.push({
      kind: "list",
      items: chart.undated.map((u) => ({ text: `${u.n}. ${u.title} · ${u.row}`, cites: u.cites })),
    });
  }
  return blocks;
}

/** The chart as PNG bytes. */
export async function renderChart(chart: TimelineChart) {
  const { svgToPng } = await import("./png");
  return svgToPng(chartSvg(chart).svg, CHART_FONT_FILES);
}

export async function chartReply(corpus: Corpus, scope: Omit<ChartScope, "citer">): Promise<CommandReply> {
  const citer = new Citer(corpus);
  const chart = timelineChart(corpus, { ...scope, citer });
  const png = await renderChart(chart);
  const w = words(scope.lang).pictures;
  const marks = chart.rows.reduce((n, r) => n + r.marks.length, 0);
  const bars = chart.rows.reduce((n, r) => n + r.bars.length, 0);
  const summary = w.chartSummary(marks, bars, chart.undated.length);
  const focus = scope.briefing?.province;
  const names = readableFileName(
    ["Hữu Nghị", w.chartFile, ...(focus ? [focus.name[scope.lang]] : [])],
    scope.today,
    "png",
  );
  return {
    title: chart.title,
    blocks: [{ kind: "text", line: { text: summary } }, ...keyBlocks(chart)],
    citations: citer.list,
    attachment: {
      kind: "photo",
      ...names,
      mime: "image/png",
      bytes: png.bytes,
      caption: `${chart.title}\n${summary}`.slice(0, CAPTION_MAX),
    },
  };
}
