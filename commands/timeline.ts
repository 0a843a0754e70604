import { buildBriefing } from "../src/core/briefing";
import { Citer } from "../src/core/cite";
import type { Command, CommandReply } from "../src/core/command";
import { formatFactDate } from "../src/core/format";
import { type Lang, pick, t, words } from "../src/core/i18n";
import type { CorpusEvent } from "../src/core/model";
import { paginate } from "../src/core/paginate";
import { requireProvince } from "../src/core/province-arg";
import { chartAction, chartArg } from "../src/render/actions";
import { chartReply } from "../src/render/chart-reply";

/** Events per page: one short line each, so a page is one message. */
const PAGE = 10;

/** A first page names each page's years up to this many pages; past it, the whole list's years only. */
const SPANS_LISTED = 12;

/** "2019 – 2022", "2024, không rõ ngày": the years a page's events span. */
function spanOf(events: readonly CorpusEvent[], lang: Lang): string {
  const years = events.flatMap((e) => (e.date.value ? [Number(e.date.value.slice(0, 4))] : []));
  const parts: string[] = [];
  if (years.length) {
    const from = Math.min(...years);
    const to = Math.max(...years);
    parts.push(from === to ? `${from}` : `${from} – ${to}`);
  }
  if (years.length < events.length) parts.push(t("unknownDate", lang));
  return parts.join(", ");
}

/** An event overlaps the years [from, to] if its known span does; undated events match no year filter. */
function overlaps(e: CorpusEvent, from: number, to: number): boolean {
  if (!e.date.value) return false;
  const start = Number(e.date.value.slice(0, 4));
  const end = e.date.until ? Number(e.date.until.slice(0, 4)) : start;
  return start <= to && end >= from;
}

export const timeline: Command = {
  name: "timeline",
  localName: { vi: "dòng-thời-gian" },
  description: { vi: "Dòng thời gian các sự kiện", en: "Timeline of events" },
  help: {
    vi: "Các sự kiện theo thứ tự thời gian, ghi đúng mức độ chính xác của ngày (16/08/2022, 12/2021, 2021, không rõ ngày); năm được suy ra có ghi chú. Lọc theo tỉnh và/hoặc năm hay khoảng năm (2019-2022). Danh sách dài được chia trang. Thêm “biểu đồ” (chart) để nhận hình.",
    en: "Events in date order, with the date only as precise as the source (16/08/2022, 12/2021, 2021, date not stated); inferred years are marked. Filter by province and/or a year or range (2019-2022). Long lists come in pages. Add “chart” for a picture.",
  },
  args: [
    {
      name: "province",
      localName: { vi: "tỉnh" },
      kind: "province",
      required: false,
      description: { vi: "Tên tỉnh", en: "Province name" },
    },
    {
      name: "years",
      localName: { vi: "năm" },
      kind: "period",
      required: false,
      min: 1900,
      max: 2100,
      description: { vi: "Năm hoặc khoảng năm (2019-2022)", en: "Year or range (2019-2022)" },
    },
    chartArg,
  ],
  examples: ["/timeline", "/timeline Sơn La", "/timeline luang prabang 2019-2022", "/timeline 2022", "/timeline chart"],
  run(ctx, args): CommandReply | Promise<CommandReply> {
    const { corpus, lang } = ctx;
    const w = words(lang);
    const titleParts = [words(lang).timelineCommand.title];
    const province =
      typeof args.province === "string" ? requireProvince(corpus, args.province, "timeline", lang).province : undefined;
    if (province) titleParts.push(pick(province.name, lang));
    const years = args.years;
    const period = years && typeof years === "object" ? years : undefined;
    if (args.view === "chart") {
      return chartReply(corpus, {
        lang,
        today: ctx.today,
        ...(province ? { briefing: buildBriefing(corpus, province, ctx.today) } : {}),
        ...(period ? { years: period } : {}),
      });
    }
    // The same filters, as a picture.
    const asked = [
      "/timeline",
      ...(province ? [province.name.vi] : []),
      ...(period ? [period.from === period.to ? `${period.from}` : `${period.from}-${period.to}`] : []),
    ].join(" ");
    if (period) titleParts.push(period.from === period.to ? `${period.from}` : `${period.from}–${period.to}`);
    const title = titleParts.join(" — ");
    // Sorted once per corpus version; a period's events are taken from that order (the sort keeps ties in file
    // order, so filtering the sorted list gives what sorting the filtered list gives).
    const ordered = period
      ? corpus.eventsInDateOrder(province?.id).filter((e) => overlaps(e, period.from, period.to))
      : corpus.eventsInDateOrder(province?.id);
    if (ordered.length === 0) {
      return {
        title,
        blocks: [{ kind: "text", line: { text: t("nothingFound", lang) } }],
        citations: [],
        error: { code: "no-results" },
      };
    }
    // One line per event (date — title [n]); the details are one /source or Quotes tap away.
    const { items, paging } = paginate(ordered, ctx.page, PAGE);
    const citer = new Citer(corpus);
    const blocks: CommandReply["blocks"] = [];
    // The first page says what the whole list spans, and which years each page covers (when they fit a line).
    if (paging && paging.page === 1) {
      const detail =
        paging.pageCount > SPANS_LISTED
          ? spanOf(ordered, lang)
          : Array.from({ length: paging.pageCount }, (_, i) =>
              w.timeline.pageSpan(i + 1, spanOf(ordered.slice(i * PAGE, (i + 1) * PAGE), lang)),
            ).join("; ");
      blocks.push({ kind: "text", line: { text: w.timeline.pages(ordered.length, paging.pageCount, detail) } });
    }
    blocks.push({
      kind: "list",
      items: items.map((e) => ({
        text: `${formatFactDate(e.date, lang)} — ${pick(e.title, lang)}`,
        cites: citer.cite(e.id, e.sources.slice(0, 1)),
      })),
    });
    const reply: CommandReply = { title, blocks, citations: citer.list, actions: [chartAction(asked, lang)] };
    if (paging) reply.paging = paging;
    return reply;
  },
};
