// What a briefing note says, as data: the core's Briefing (core/briefing.ts) in the reader's language, in
// sections of facts, each fact with the sources and verbatim quotes that back it (they become the document's
// footnotes). Pure: corpus and briefing in.
import { nextOccurrence } from "../core/anniversaries";
import type { Briefing } from "../core/briefing";
import type { Corpus } from "../core/corpus";
import { describeStatus } from "../core/describe";
import { formatAmount, formatFactDate, formatIsoDay } from "../core/format";
import { type Lang, pick, t, words } from "../core/i18n";
import type { CitationRef, Province } from "../core/model";

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

export function briefingNote(corpus: Corpus, b: Briefing, lang: Lang): BriefingNote {
  const w = words(lang).pictures.note;
  const p = b.province;
  const refs = (list: readonly CitationRef[]): BriefSource[] =>
    list.map((r) => {
      const out: BriefSource = { source: r.source, title: corpus.sourceTitle(r.source), quote: r.quote };
      const url = r.url ?? corpus.sourceByFile.get(r.source)?.url;
      if (url) out.url = url;
      return out;
    });
  const name = (x: Province | undefined, id: string) => pick(x?.name ?? { vi: id, en: id }, lang);
  const sections: BriefSection[] = [];

  const overview: BriefFact[] = [
    { text: words(lang).briefing.opening(pick(p.name, lang), t(p.country, lang)), sources: refs(p.sources) },
  ];
  if (b.via) {
    const note = b.via.note ? pick(b.via.note, lang) : undefined;
    overview.push({
      text: words(lang).briefing.via(pick(b.via.name, lang), pick(p.name, lang), note),
      sources: refs(b.via.sources),
    });
  }
  for (const x of b.partners) {
    overview.push({
      text: `${t("partners", lang)}: ${pick(x.province.name, lang)}`,
      sources: refs(x.link?.sources ?? []),
    });
  }
  sections.push({ heading: w.overview, facts: overview.filter((f) => f.sources.length > 0) });

  const agreements: BriefFact[] = [];
  for (const { agreement: a, status } of b.agreements) {
    agreements.push({
      text: `${pick(a.title, lang)} — ${t("signed", lang)} ${formatFactDate(a.signed, lang)}; ${t("status", lang).toLowerCase()}: ${describeStatus(status, lang)}`,
      sources: refs(a.sources.slice(0, 1)),
    });
    for (const c of b.commitments.filter((x) => x.agreement.id === a.id)) {
      const amounts = c.commitment.amounts.length
        ? ` (${c.commitment.amounts.map((x) => formatAmount(x, lang)).join(", ")})`
        : "";
      agreements.push({
        text: `${pick(c.commitment.what, lang)}${amounts} — ${w.by} ${name(c.by, c.commitment.by)} → ${name(c.to, c.commitment.to)}`,
        sources: refs(c.commitment.sources),
        sub: true,
      });
    }
  }
  if (agreements.length) sections.push({ heading: t("agreements", lang), facts: agreements });

  if (b.events.length) {
    sections.push({
      heading: t("events", lang),
      facts: b.events.map((e) => ({
        text: `${formatFactDate(e.date, lang)} — ${pick(e.title, lang)}. ${pick(e.summary, lang)}`,
        sources: refs(e.sources),
      })),
    });
  }

  if (b.figures.length) {
    sections.push({
      heading: t("figures", lang),
      facts: b.figures.map(({ figure: f, from, to }) => ({
        text: `${pick(f.what, lang)}: ${formatAmount(f.amount, lang)} (${name(from, f.from)} → ${name(to, f.to)}, ${formatFactDate(f.date, lang)})`,
        sources: refs(f.sources),
      })),
    });
  }

  // Titles as held at each event: the same person can hold different titles in different years.
  if (b.people.length) {
    sections.push({
      heading: t("people", lang),
      facts: b.people.map(({ person, roles }) => {
        const titles = roles.map(
          ({ role, event }) =>
            `${pick(role.title, lang)} (${formatFactDate({ ...event.date, inferred: undefined }, lang)})`,
        );
        return {
          text: `${person.name} — ${[...new Set(titles)].join("; ")}`,
          sources: refs(roles.flatMap((r) => r.role.sources)),
        };
      }),
    });
  }

  const upcoming = corpus.data.anniversaries
    .map((a) => nextOccurrence(a, b.asOf))
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
    prepared: formatIsoDay(b.asOf),
    preparedLabel: w.prepared,
    chartHeading: w.chart,
    chartCaption: w.chartCaption,
    footnoteNote: w.footnotes,
    sections,
  };
}
