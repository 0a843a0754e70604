// What the timeline picture shows, as data: rows of dated marks and agreement bars, undated events apart,
// upcoming anniversaries. Every string is already in the reader's language, so chart.ts only lays it out.
// Pure: built from a corpus snapshot and "today"; nothing here knows SVG, fonts or a platform.
import { nextOccurrence } from "../core/anniversaries";
import type { Briefing } from "../core/briefing";
import type { Citer } from "../core/cite";
import type { Period } from "../core/command";
import type { Corpus } from "../core/corpus";
import { oldestFirst } from "../core/describe";
import { formatFactDate, formatIsoDay } from "../core/format";
import { type Catalogue, type Lang, pick, words } from "../core/i18n";
import type { Agreement, CorpusEvent, FactDate, Province } from "../core/model";
import { type AgreementStatus, agreementStatus } from "../core/status";

/** The words on the picture, in the reader's language (the catalogue's `chart` section). */
export type ChartLabels = Catalogue["chart"];

/** An event placed on the time axis: a point (a known day) or a span (a month, a year, a range of years). */
export interface ChartMark {
  /** Its number on the chart and in the key, oldest first. */
  n: number;
  /** First day it may have happened (YYYY-MM-DD). */
  start: string;
  /** Last day, for spans; absent for a known day. */
  end?: string;
  /** The year is not printed in the source but inferred (drawn hollow, marked *). */
  inferred: boolean;
  dateText: string;
  title: string;
  cites: number[];
}

export interface ChartBar {
  title: string;
  /** Period covered, first and last day (YYYY-MM-DD). */
  start: string;
  end: string;
  state: "in-force" | "ended" | "not-yet";
  /** "2022–2024 · hết hạn 31/12/2024". */
  text: string;
  cites: number[];
}

export interface ChartRow {
  label: string;
  marks: ChartMark[];
  bars: ChartBar[];
}

export interface ChartUndated {
  n: number;
  title: string;
  /** The row (partner) it belongs to. */
  row: string;
  cites: number[];
}

export interface ChartAnniversary {
  /** Letter on the chart: A, B, C… */
  key: string;
  date: string;
  text: string;
  round: boolean;
}

export interface TimelineChart {
  lang: Lang;
  title: string;
  subtitle: string;
  today: string;
  /** Axis, whole years inclusive. */
  fromYear: number;
  toYear: number;
  rows: ChartRow[];
  undated: ChartUndated[];
  anniversaries: ChartAnniversary[];
  labels: ChartLabels;
}

export interface ChartScope {
  lang: Lang;
  today: string;
  /** One province's briefing (core/briefing.ts): its partners as rows. The whole corpus, one row per group, when absent. */
  briefing?: Briefing;
  years?: Period;
  /** Numbers the facts' citations; without it the chart carries no [n] (the briefing note footnotes instead). */
  citer?: Citer;
  /** How many upcoming anniversaries to show besides the round milestones within a year (default 3). */
  anniversaries?: number;
}

const lastDayOf = (year: number, month: number): string =>
  `${year}-${String(month).padStart(2, "0")}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, "0")}`;

/** The first and last day a date as precise as the source can mean: "2021" is the whole of 2021. */
export function spanOf(date: FactDate): { start: string; end?: string } | undefined {
  if (!date.value || date.precision === "unknown") return undefined;
  const [y, m, d] = date.value.split("-").map(Number);
  if (y === undefined) return undefined;
  const start = d !== undefined && m !== undefined ? date.value : `${y}-${String(m ?? 1).padStart(2, "0")}-01`;
  const endOf = (value: string): string => {
    const [ey, em, ed] = value.split("-").map(Number);
    if (ed !== undefined) return value;
    return lastDayOf(ey ?? y, em ?? 12);
  };
  const end = date.until ? endOf(date.until) : d === undefined ? endOf(date.value) : undefined;
  return end ? { start, end } : { start };
}

function overlapsYears(start: string, end: string, years: Period | undefined): boolean {
  if (!years) return true;
  return Number(start.slice(0, 4)) <= years.to && Number(end.slice(0, 4)) >= years.from;
}

/** Rows are the partners of the province in focus, or each group of provinces acting together. */
function rowKey(ids: readonly string[], corpus: Corpus, focus: Province | undefined): string[] {
  const others = focus ? ids.filter((id) => id !== focus.id) : [...ids];
  // Vietnamese side first, then Lao, each alphabetical: one key per group whatever the file order.
  const rank = (id: string) => (corpus.province(id)?.country === "VN" ? 0 : 1);
  return others.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

function rowLabel(key: readonly string[], corpus: Corpus, scope: ChartScope, labels: ChartLabels): string {
  const name = (id: string) => corpus.provinceName(id, scope.lang);
  const focus = scope.briefing?.province;
  if (key.length === 0 && focus) return labels.aloneRow(pick(focus.name, scope.lang));
  return key.map(name).join(" – ");
}

function agreementBar(
  a: Agreement,
  status: AgreementStatus,
  scope: ChartScope,
  labels: ChartLabels,
): ChartBar | undefined {
  if (!a.period) return undefined;
  const start = status.state === "not-yet" ? status.startsOn : `${a.period.from}-01-01`;
  const signedSpan = spanOf(a.signed);
  const from = signedSpan && signedSpan.start > start ? signedSpan.start : start;
  const end = `${a.period.to}-12-31`;
  const state = status.state === "expired" ? "ended" : status.state === "not-yet" ? "not-yet" : "in-force";
  const period = a.period.from === a.period.to ? `${a.period.from}` : `${a.period.from}–${a.period.to}`;
  const stateText =
    state === "ended"
      ? `${labels.ended} ${formatIsoDay(end)}`
      : state === "not-yet"
        ? labels.notYet
        : `${labels.inForce} → ${formatIsoDay(end)}`;
  return {
    title: pick(a.title, scope.lang),
    start: from,
    end,
    state,
    text: `${period} · ${stateText}`,
    cites: scope.citer ? scope.citer.cite(a.id, a.sources.slice(0, 1)) : [],
  };
}

export function timelineChart(corpus: Corpus, scope: ChartScope): TimelineChart {
  const labels = words(scope.lang).chart;
  const focus = scope.briefing?.province;
  // A province's chart draws exactly what its briefing holds; the whole corpus otherwise.
  const events = scope.briefing ? oldestFirst(scope.briefing.events) : corpus.eventsInDateOrder();
  const agreements =
    scope.briefing?.agreements ??
    corpus.data.agreements.map((agreement) => ({ agreement, status: agreementStatus(agreement, scope.today) }));
  const rows = new Map<string, ChartRow>();
  const rowFor = (ids: readonly string[]): ChartRow => {
    const key = rowKey(ids, corpus, focus);
    const id = key.join("+");
    let row = rows.get(id);
    if (!row) {
      row = { label: rowLabel(key, corpus, scope, labels), marks: [], bars: [] };
      rows.set(id, row);
    }
    return row;
  };

  const cite = (e: CorpusEvent) => (scope.citer ? scope.citer.cite(e.id, e.sources.slice(0, 1)) : []);
  const undated: ChartUndated[] = [];
  const dated: { event: CorpusEvent; span: { start: string; end?: string } }[] = [];
  for (const event of events) {
    const span = spanOf(event.date);
    if (span && overlapsYears(span.start, span.end ?? span.start, scope.years)) dated.push({ event, span });
  }
  let n = 0;
  for (const { event, span } of dated) {
    const mark: ChartMark = {
      n: ++n,
      start: span.start,
      inferred: event.date.inferred !== undefined,
      dateText: formatFactDate({ ...event.date, inferred: undefined }, scope.lang),
      title: pick(event.title, scope.lang),
      cites: cite(event),
    };
    if (span.end) mark.end = span.end;
    rowFor(event.provinces).marks.push(mark);
  }
  // Never placed at a guessed date: listed apart. A year filter cannot tell whether they fall inside it.
  const undatedEvents = scope.years ? [] : events.filter((e) => !spanOf(e.date));
  for (const event of undatedEvents) {
    undated.push({
      n: ++n,
      title: pick(event.title, scope.lang),
      row: rowFor(event.provinces).label,
      cites: cite(event),
    });
  }
  for (const { agreement, status } of agreements) {
    const bar = agreementBar(agreement, status, scope, labels);
    if (bar && overlapsYears(bar.start, bar.end, scope.years)) rowFor(agreement.parties).bars.push(bar);
  }

  // The next few, and every round milestone (50th, 65th…) within a year: those are the ones a desk prepares for.
  const soonest = corpus.data.anniversaries
    .map((a) => nextOccurrence(a, scope.today))
    .filter((u) => u.years > 0)
    .sort((x, y) => x.daysAway - y.daysAway || x.anniversary.id.localeCompare(y.anniversary.id));
  const wanted = scope.anniversaries ?? 3;
  const upcoming = soonest.filter((u, i) => i < wanted || (u.round && u.daysAway <= 365));
  const anniversaries: ChartAnniversary[] = upcoming.map((u, i) => ({
    key: String.fromCharCode(65 + i),
    date: u.date,
    text: `${pick(u.anniversary.name, scope.lang)} — ${labels.ordinal(u.years)}`,
    round: u.round,
  }));

  // The axis spans what is drawn: the dated marks and bars, and (without a year filter) today and the
  // anniversaries ahead, so "what comes next" sits on the same line as what happened.
  const years: number[] = [];
  for (const row of rows.values()) {
    for (const m of row.marks) years.push(Number(m.start.slice(0, 4)), Number((m.end ?? m.start).slice(0, 4)));
    for (const b of row.bars) years.push(Number(b.start.slice(0, 4)), Number(b.end.slice(0, 4)));
  }
  if (scope.years) years.push(scope.years.from, scope.years.to);
  else years.push(Number(scope.today.slice(0, 4)), ...anniversaries.map((a) => Number(a.date.slice(0, 4))));
  const orderedRows = [...rows.values()].filter((r) => r.marks.length + r.bars.length > 0);
  const title = [labels.title, focus ? pick(focus.name, scope.lang) : undefined].filter(Boolean).join(" — ");
  const period = scope.years
    ? scope.years.from === scope.years.to
      ? `${scope.years.from}`
      : `${scope.years.from}–${scope.years.to}`
    : undefined;
  return {
    lang: scope.lang,
    title: period ? `${title} — ${period}` : title,
    subtitle: labels.subtitle(formatIsoDay(scope.today), n),
    today: scope.today,
    fromYear: Math.min(...years),
    toYear: Math.max(...years),
    rows: orderedRows,
    undated,
    anniversaries,
    labels,
  };
}
