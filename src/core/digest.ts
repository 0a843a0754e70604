// The digest: what a subscribed chat is told about the days ahead. Pure: a corpus, a day and a language in,
// a cited Reply out (or nothing, on a day with nothing to say). Scheduling and sending live in src/schedule.
import { DateTime } from "luxon";
import { type UpcomingAnniversary, upcomingAnniversaries } from "./anniversaries";
import { Citer } from "./cite";
import type { Corpus } from "./corpus";
import { formatIsoDay } from "./format";
import { type Lang, pick, words } from "./i18n";
import type { Agreement, CorpusEvent } from "./model";
import type { Block, Line, Reply } from "./reply";
import { agreementStatus } from "./status";

export interface DigestOptions {
  /** The subscriber's local day, YYYY-MM-DD. */
  today: string;
  lang: Lang;
  /** Anniversaries falling within this many days (today included). Default 7. */
  days?: number;
  /** Round-number milestones (50th, 65th…) are announced this many days ahead. Default 30. */
  milestoneDays?: number;
  /** Agreements in force that end within this many days. Default 30. */
  endingDays?: number;
  /** Agreements that ended with no renewal recorded, within this many past days. Default 365; 0 leaves them out. */
  endedDays?: number;
}

export const DIGEST_DEFAULTS = { days: 7, milestoneDays: 30, endingDays: 30, endedDays: 365 } as const;

export interface OnThisDay {
  event: CorpusEvent;
  yearsAgo: number;
}

export interface AgreementDeadline {
  agreement: Agreement;
  /** Last day in force (ending) or the day it ended (ended). */
  date: string;
  /** Days until the end (ending) or since it (ended). */
  days: number;
}

export interface DigestContent {
  anniversaries: UpcomingAnniversary[];
  onThisDay: OnThisDay[];
  ending: AgreementDeadline[];
  ended: AgreementDeadline[];
}

function day(iso: string): DateTime {
  return DateTime.fromISO(iso, { zone: "UTC" });
}

function daysBetween(from: string, to: string): number {
  return Math.round(day(to).diff(day(from), "days").days);
}

/** Same month and day; an event of 29 February is remembered on 28 February in other years. */
function sameMonthDay(eventDay: string, today: string): boolean {
  const md = eventDay.slice(5);
  const todayMd = today.slice(5);
  if (md === todayMd) return true;
  return md === "02-29" && todayMd === "02-28" && !day(today).isInLeapYear;
}

/** What the digest would say, as data (the tests read this; composeDigest renders it). */
export function digestContent(corpus: Corpus, options: DigestOptions): DigestContent {
  const { today } = options;
  const days = options.days ?? DIGEST_DEFAULTS.days;
  const milestoneDays = Math.max(days, options.milestoneDays ?? DIGEST_DEFAULTS.milestoneDays);
  const endingDays = options.endingDays ?? DIGEST_DEFAULTS.endingDays;
  const endedDays = options.endedDays ?? DIGEST_DEFAULTS.endedDays;

  const anniversaries = upcomingAnniversaries(corpus, today, milestoneDays).filter(
    (u) => u.daysAway <= days || u.round,
  );

  const year = Number(today.slice(0, 4));
  const onThisDay = corpus.data.events
    .filter((e) => e.date.precision === "day" && e.date.value && sameMonthDay(e.date.value, today))
    .map((event) => ({ event, yearsAgo: year - Number(event.date.value?.slice(0, 4)) }))
    .filter((x) => x.yearsAgo > 0)
    .sort((a, b) => a.yearsAgo - b.yearsAgo || a.event.id.localeCompare(b.event.id));

  const ending: AgreementDeadline[] = [];
  const ended: AgreementDeadline[] = [];
  for (const agreement of corpus.data.agreements) {
    const status = agreementStatus(agreement, today);
    if (status.state === "in-force") {
      const left = daysBetween(today, status.endsOn);
      if (left <= endingDays) ending.push({ agreement, date: status.endsOn, days: left });
    } else if (status.state === "expired" && !agreement.renewedBy) {
      const since = daysBetween(status.endedOn, today);
      if (since <= endedDays) ended.push({ agreement, date: status.endedOn, days: since });
    }
  }
  ending.sort((a, b) => a.days - b.days || a.agreement.id.localeCompare(b.agreement.id));
  ended.sort((a, b) => a.days - b.days || a.agreement.id.localeCompare(b.agreement.id));
  return { anniversaries, onThisDay, ending, ended };
}

export function isEmptyDigest(content: DigestContent): boolean {
  return !content.anniversaries.length && !content.onThisDay.length && !content.ending.length && !content.ended.length;
}

function anniversaryLine(u: UpcomingAnniversary, lang: Lang, citer: Citer): Line {
  const w = words(lang);
  const name = pick(u.anniversary.name, lang);
  const when = u.daysAway === 0 ? w.today : `${w.in} ${u.daysAway} ${w.days}`;
  const round = u.round ? ` (${w.roundMilestone})` : "";
  const level = u.anniversary.confidence;
  const caveat = level === "high" ? "" : `; ${w.confidence.toLowerCase()}: ${w.confidenceLevel[level]}`;
  const text = `${w.digest.anniversary(formatIsoDay(u.date), u.years, name)}${round}, ${when}${caveat}`;
  const line: Line = { text, cites: citer.cite(u.anniversary.id, u.anniversary.sources.slice(0, 1)) };
  if (u.round) line.strong = true;
  return line;
}

function onThisDayLine(x: OnThisDay, lang: Lang, citer: Citer): Line {
  const w = words(lang);
  const year = x.event.date.value?.slice(0, 4) ?? "";
  const inferred = x.event.date.inferred ? `, ${w.inferred}` : "";
  return {
    text: `${year} (${w.digest.yearsAgo(x.yearsAgo)}${inferred}): ${pick(x.event.title, lang)}`,
    // A digest cites each item by its first, defining sentence; /source lists the rest.
    cites: citer.cite(x.event.id, x.event.sources.slice(0, 1)),
  };
}

function deadlineLine(d: AgreementDeadline, ended: boolean, lang: Lang, citer: Citer): Line {
  const w = words(lang);
  const title = pick(d.agreement.title, lang);
  const date = formatIsoDay(d.date);
  const text = ended
    ? `${title} — ${w.expiredOn} ${date}; ${w.noRenewal}`
    : `${title} — ${w.digest.inForceUntil(date)} (${d.days === 0 ? w.digest.endsToday : w.digest.endsIn(d.days)})`;
  return { text, cites: citer.cite(d.agreement.id, d.agreement.sources.slice(0, 1)) };
}

/** The digest for a day, or undefined when there is nothing to say. */
export function composeDigest(corpus: Corpus, options: DigestOptions): Reply | undefined {
  const content = digestContent(corpus, options);
  if (isEmptyDigest(content)) return undefined;
  return renderDigest(corpus, content, options);
}

export function renderDigest(corpus: Corpus, content: DigestContent, options: DigestOptions): Reply {
  const { lang } = options;
  const citer = new Citer(corpus);
  const blocks: Block[] = [];
  if (content.anniversaries.length) {
    blocks.push({ kind: "heading", text: words(lang).digest.anniversaries });
    blocks.push({ kind: "list", items: content.anniversaries.map((u) => anniversaryLine(u, lang, citer)) });
  }
  if (content.onThisDay.length) {
    blocks.push({ kind: "heading", text: words(lang).digest.onThisDay });
    blocks.push({ kind: "list", items: content.onThisDay.map((x) => onThisDayLine(x, lang, citer)) });
  }
  if (content.ending.length || content.ended.length) {
    blocks.push({ kind: "heading", text: words(lang).digest.agreements });
    blocks.push({
      kind: "list",
      items: [
        ...content.ending.map((d) => deadlineLine(d, false, lang, citer)),
        ...content.ended.map((d) => deadlineLine(d, true, lang, citer)),
      ],
    });
  }
  // A digest is one post per chat: platforms shorten its quotes rather than split it (/source has the full text).
  return {
    lang,
    title: `${words(lang).digest.title} — ${formatIsoDay(options.today)}`,
    blocks,
    citations: citer.list,
    compact: true,
  };
}

/** Said when a day has nothing (the /digest preview, or DIGEST_POST_EMPTY). */
export function emptyDigest(options: Pick<DigestOptions, "today" | "lang">): Reply {
  return {
    lang: options.lang,
    title: `${words(options.lang).digest.title} — ${formatIsoDay(options.today)}`,
    blocks: [{ kind: "text", line: { text: words(options.lang).digest.nothing } }],
    citations: [],
  };
}
