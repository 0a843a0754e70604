// What a briefing note on one province says, as data: sections of facts, each fact with the sources and
// verbatim quotes that back it (they become the document's footnotes). Pure: corpus and today in.
import { nextOccurrence } from "../core/anniversaries";
import type { Corpus } from "../core/corpus";
import { describeStatus, newestFirst } from "../core/describe";
import { formatAmount, formatFactDate, formatIsoDay } from "../core/format";
import { type Lang, pick, t } from "../core/i18n";
import type { CitationRef, Province } from "../core/model";
import { agreementStatus } from "../core/status";

/** A quote as the footnote prints it: the sentence, the article it is from, the file. */
export interface BriefSource {
  source: string;
  title: string;
  quote: string;
  url?: string;
}

export interface BriefFact {
  text: string;
  sources: BriefSource[];
  /** A line under another (a commitment under its agreement). */
  sub?: boolean;
}

export interface BriefSection {
  heading: string;
  facts: BriefFact[];
}

export interface BriefingNote {
  lang: Lang;
  /** "Báo cáo tóm tắt hợp tác — Sơn La". */
  title: string;
  province: string;
  /** dd/MM/yyyy. */
  prepared: string;
  preparedLabel: string;
  chartHeading: string;
  chartCaption: string;
  footnoteNote: string;
  sections: BriefSection[];
}

const WORDS = {
  vi: {
    title: "Báo cáo tóm tắt hợp tác",
    prepared: "Ngày lập",
    chart: "Dòng thời gian",
    chartCaption: "Biểu đồ dòng thời gian: sự kiện trên trục thời gian, văn bản theo giai đoạn hiệu lực.",
    footnotes: "Mỗi ý có chú thích cuối trang ghi nguồn và câu trích nguyên văn.",
    overview: "Tổng quan",
    anniversaries: "Ngày kỷ niệm sắp tới",
    by: "bên cam kết",
  },
  en: {
    title: "Cooperation briefing note",
    prepared: "Prepared",
    chart: "Timeline",
    chartCaption: "Timeline chart: events on a time axis, agreements over their period.",
    footnotes: "Each fact has a footnote giving its source and the verbatim quote.",
    overview: "Overview",
    anniversaries: "Upcoming anniversaries",
    by: "committed by",
  },
} as const;

export function briefingNote(corpus: Corpus, p: Province, lang: Lang, today: string): BriefingNote {
  const w = WORDS[lang];
  const refs = (list: readonly CitationRef[]): BriefSource[] =>
    list.map((r) => {
      const out: BriefSource = { source: r.source, title: corpus.sourceTitle(r.source), quote: r.quote };
      const url = r.url ?? corpus.sourceByFile.get(r.source)?.url;
      if (url) out.url = url;
      return out;
    });
  const name = (id: string) => pick(corpus.province(id)?.name ?? { vi: id, en: id }, lang);
  const sections: BriefSection[] = [];

  const overview: BriefFact[] = [
    {
      text:
        lang === "vi" ? `Tỉnh ${p.name.vi}, ${t(p.country, lang)}.` : `${p.name.en} province, ${t(p.country, lang)}.`,
      sources: refs(p.sources),
    },
  ];
  const partners = corpus.partnersOf(p.id);
  for (const x of partners) {
    const agreement = corpus.agreementsOf(p.id).find((a) => a.parties.includes(x.id));
    const event = corpus.eventsOf(p.id).find((e) => e.provinces.includes(x.id));
    const link = agreement ? agreement.sources.slice(0, 1) : (event?.sources.slice(0, 1) ?? []);
    overview.push({ text: `${t("partners", lang)}: ${pick(x.name, lang)}`, sources: refs(link) });
  }
  sections.push({ heading: w.overview, facts: overview });

  const agreements: BriefFact[] = [];
  for (const a of corpus.agreementsOf(p.id)) {
    agreements.push({
      text: `${pick(a.title, lang)} — ${t("signed", lang)} ${formatFactDate(a.signed, lang)}; ${t("status", lang).toLowerCase()}: ${describeStatus(agreementStatus(a, today), lang)}`,
      sources: refs(a.sources.slice(0, 1)),
    });
    for (const c of a.commitments) {
      const amounts = c.amounts.length ? ` (${c.amounts.map((x) => formatAmount(x, lang)).join(", ")})` : "";
      agreements.push({
        text: `${pick(c.what, lang)}${amounts} — ${w.by} ${name(c.by)} → ${name(c.to)}`,
        sources: refs(c.sources),
        sub: true,
      });
    }
  }
  if (agreements.length) sections.push({ heading: t("agreements", lang), facts: agreements });

  const events = newestFirst(corpus.eventsOf(p.id));
  if (events.length) {
    sections.push({
      heading: t("events", lang),
      facts: events.map((e) => ({
        text: `${formatFactDate(e.date, lang)} — ${pick(e.title, lang)}. ${pick(e.summary, lang)}`,
        sources: refs(e.sources),
      })),
    });
  }

  const figures = corpus.data.figures.filter((f) => f.from === p.id || f.to === p.id);
  if (figures.length) {
    sections.push({
      heading: t("figures", lang),
      facts: figures.map((f) => ({
        text: `${pick(f.what, lang)}: ${formatAmount(f.amount, lang)} (${name(f.from)} → ${name(f.to)}, ${formatFactDate(f.date, lang)})`,
        sources: refs(f.sources),
      })),
    });
  }

  // Titles as held at each event: the same person can hold different titles in different years.
  const people: BriefFact[] = [];
  for (const person of corpus.data.people) {
    const roles = person.roles
      .map((role) => ({ role, event: events.find((e) => e.id === role.at) }))
      .filter((r) => r.event !== undefined);
    if (roles.length === 0) continue;
    const titles = roles.map(
      ({ role, event }) =>
        `${pick(role.title, lang)} (${event ? formatFactDate({ ...event.date, inferred: undefined }, lang) : ""})`,
    );
    people.push({
      text: `${person.name} — ${[...new Set(titles)].join("; ")}`,
      sources: refs(roles.flatMap((r) => r.role.sources)),
    });
  }
  if (people.length) sections.push({ heading: t("people", lang), facts: people });

  const upcoming = corpus.data.anniversaries
    .map((a) => nextOccurrence(a, today))
    .filter((u) => u.years > 0 && u.daysAway <= 365)
    .sort((x, y) => x.daysAway - y.daysAway);
  if (upcoming.length) {
    sections.push({
      heading: w.anniversaries,
      facts: upcoming.map((u) => ({
        text: `${formatIsoDay(u.date)} — ${pick(u.anniversary.name, lang)}: ${u.years} ${t("years", lang)}${u.round ? ` (${t("roundMilestone", lang)})` : ""}`,
        sources: refs(u.anniversary.sources),
      })),
    });
  }

  return {
    lang,
    title: `${w.title} — ${pick(p.name, lang)}`,
    province: pick(p.name, lang),
    prepared: formatIsoDay(today),
    preparedLabel: w.prepared,
    chartHeading: w.chart,
    chartCaption: w.chartCaption,
    footnoteNote: w.footnotes,
    sections,
  };
}
