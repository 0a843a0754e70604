// A province briefing (briefing.ts) as a cited Reply, for /province: the one place its wording and order live.
import type { Briefing, Commitment } from "./briefing";
import { Citer } from "./cite";
import type { Corpus } from "./corpus";
import { formatAmount, formatFactDate, formatFactDay } from "./format";
import { type Lang, pick, t, words } from "./i18n";
import type { CorpusEvent, FactDate, Figure, Person, Place, Province } from "./model";
import { foldTight } from "./normalize";
import { coveredProvinces } from "./province-arg";
import { RecordMemo } from "./record-memo";
import type { Block, Line, Reply } from "./reply";

/** Spellings that differ after folding: "Son La" and "son la" are one. */
function distinctSpellings(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = foldTight(n);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A province's other spellings as the opening lists them: folded once per province record and language. */
const otherSpellings = new RecordMemo<Province, string>((_corpus, p, lang) =>
  distinctSpellings([pick(p.name, lang), p.name.vi, p.name.en, ...p.aliases])
    .slice(1, 9)
    .join(", "),
);

/** Both sides of a commitment or gift are named, whichever province the briefing is about. */

/**
 * The lines that say the same in every briefing (an event, a commitment, a gift, a figure: the record and the
 * names it points to), written once per record, language and corpus (see RecordMemo).
 */
const eventLines = new RecordMemo<CorpusEvent, string>((_corpus, e, lang) => {
  // An inferred year is marked "*" and explained once below the events (how: /source <id>).
  const date = e.date.inferred ? `${formatFactDay(e.date, lang)}*` : formatFactDate(e.date, lang);
  return `${date} — ${pick(e.brief ?? e.title, lang)}`;
});
const commitmentLines = new RecordMemo<Commitment, string>((corpus, c, lang) =>
  words(lang).briefing.commitment(pick(c.what, lang), corpus.provinceName(c.by, lang), corpus.provinceName(c.to, lang)),
);
const signingLines = new RecordMemo<Figure, string>((corpus, f, lang) =>
  words(lang).briefing.atSigning(
    formatAmount(f.amount, lang),
    pick(f.what, lang),
    corpus.provinceName(f.from, lang),
    corpus.provinceName(f.to, lang),
  ),
);
const figureLines = new RecordMemo<Figure, string>(
  (corpus, f, lang) =>
    `${pick(f.what, lang)}: ${formatAmount(f.amount, lang)} (${corpus.provinceName(f.from, lang)} → ${corpus.provinceName(f.to, lang)}, ${formatFactDate(f.date, lang)})`,
);

type HeldRoles = Briefing["people"][number]["roles"];

/**
 * A person's line in a province's briefing: each title they held at the province's events (titles change over the
 * years), the same title at several events once with all its dates. Written per answer from the briefing's own
 * roles (a handful per briefing): a memo keyed by person and province had to check it was given the same roles.
 */
function personLine(person: Person, roles: HeldRoles, lang: Lang): string {
  const datesByTitle = new Map<string, string[]>();
  for (const { role, event } of roles) {
    const title = pick(role.title, lang);
    const date = formatFactDay(event.date, lang);
    const dates = datesByTitle.get(title);
    if (!dates) datesByTitle.set(title, [date]);
    else if (!dates.includes(date)) dates.push(date);
  }
  const titles: string[] = [];
  for (const [title, dates] of datesByTitle) titles.push(`${title} (${dates.join(", ")})`);
  return `${person.name} — ${titles.join("; ")}`;
}

/** Places on one line, each as named at the event (with its note, e.g. an administrative change). */
function placeLine(places: readonly Place[], lang: Lang): string {
  return `${words(lang).places}: ${places
    .map((x) => `${pick(x.name, lang)}${x.note && x.kind === "district" ? ` (${pick(x.note, lang)})` : ""}`)
    .join(", ")}`;
}

/** Appends the numbers not already in `to`, in order (a line cites each source once). */
function addEach(to: number[], numbers: readonly number[]): void {
  for (const n of numbers) if (!to.includes(n)) to.push(n);
}

export function renderBriefing(corpus: Corpus, b: Briefing, lang: Lang): Reply {
  const w = words(lang);
  const p = b.province;
  const citer = new Citer(corpus);
  const blocks: Block[] = [];
  const title = `${pick(p.name, lang)} (${t(p.country, lang)})`;
  if (b.via) {
    const note = b.via.note ? pick(b.via.note, lang) : undefined;
    blocks.push({
      kind: "text",
      line: {
        text: w.briefing.via(pick(b.via.name, lang), pick(p.name, lang), note),
        cites: citer.cite(b.via.id, b.via.sources),
      },
    });
  }
  // The province's own sources back the opening line (its name, country and spellings).
  const provinceCites = citer.cite(p.id, p.sources);
  blocks.push({
    kind: "text",
    line: { text: w.briefing.opening(pick(p.name, lang), t(p.country, lang)), cites: provinceCites },
  });
  const fields: { name: string; value: string }[] = [];
  const aliases = otherSpellings.get(corpus, p, lang);
  if (aliases) fields.push({ name: w.aliases, value: aliases });
  if (p.capital) fields.push({ name: w.capital, value: pick(p.capital, lang) });
  if (fields.length) blocks.push({ kind: "fields", fields });
  // Partners are cited by what links them.
  if (b.partners.length) {
    const names: string[] = [];
    const links: number[] = [];
    for (const x of b.partners) {
      names.push(pick(x.province.name, lang));
      if (x.link) addEach(links, citer.cite(x.link.id, x.link.sources));
    }
    blocks.push({ kind: "text", line: { text: `${w.partners}: ${names.join(", ")}`, cites: links } });
  }
  if (!b.covered) {
    // Say what is covered: the provinces that have content.
    const covered = coveredProvinces(corpus).names(lang);
    blocks.push({ kind: "text", line: { text: `${w.notCovered}${w.provinceArg.covered(covered)}` } });
    return { lang, title, blocks, citations: citer.list };
  }

  // An inferred year is marked "*" and explained once below the events (how: /source <id>).
  let inferredShown = false;
  const dateOf = (date: FactDate): string => {
    if (!date.inferred) return formatFactDate(date, lang);
    inferredShown = true;
    return `${formatFactDay(date, lang)}*`;
  };
  // Each agreement with its status, then its commitments and what was given at its signing (not its text).
  if (b.agreements.length) {
    blocks.push({ kind: "heading", text: w.agreements });
    const items: Line[] = [];
    for (const { agreement: a, status, atSigning } of b.agreements) {
      // "Biên bản hợp tác toàn diện 2022 – 2024, với Xiêng Khoảng": the full title is one /source away.
      const others = a.parties.filter((x) => x !== p.id).map((x) => corpus.provinceName(x, lang));
      const period = a.period ? ` ${a.period.from} – ${a.period.to}` : "";
      items.push({
        text: `${w.briefing.agreementWith(`${pick(a.docType, lang)}${period}`, others.join(", "))} — ${w.signed} ${dateOf(a.signed)}; ${w.briefing.status(status)}`,
        cites: citer.cite(a.id, a.sources),
      });
      for (const c of a.commitments) {
        items.push({ text: commitmentLines.get(corpus, c, lang), cites: citer.cite(a.id, c.sources) });
      }
      for (const f of atSigning) {
        items.push({ text: signingLines.get(corpus, f, lang), cites: citer.cite(f.id, f.sources) });
      }
    }
    blocks.push({ kind: "list", items });
  }

  // One short line per event with its key content (who, what, amounts), newest first.
  if (b.events.length) {
    blocks.push({ kind: "heading", text: w.events });
    blocks.push({
      kind: "list",
      items: b.events.map((e) => {
        if (e.date.inferred) inferredShown = true;
        return { text: eventLines.get(corpus, e, lang), cites: citer.cite(e.id, e.sources.slice(0, 1)) };
      }),
    });
  }
  if (inferredShown) blocks.push({ kind: "text", line: { text: w.briefing.inferredNote } });

  // Figures no event line or signing above already states (an event's key content names its amounts).
  const stated = new Set<string>();
  for (const a of b.agreements) for (const f of a.atSigning) stated.add(f.id);
  for (const { figure: f } of b.figures) if (b.events.some((e) => e.id === f.event && e.brief)) stated.add(f.id);
  const figures = b.figures.filter((x) => !stated.has(x.figure.id));
  if (figures.length) {
    blocks.push({ kind: "heading", text: w.figures });
    blocks.push({
      kind: "list",
      items: figures.map(({ figure: f }) => ({
        text: figureLines.get(corpus, f, lang),
        cites: citer.cite(f.id, f.sources),
      })),
    });
  }

  const people: Line[] = b.people.map(({ person, roles }) => ({
    text: personLine(person, roles, lang),
    cites: citer.cite(
      person.id,
      roles.flatMap((r) => r.role.sources),
    ),
  }));
  if (people.length) blocks.push({ kind: "heading", text: w.people }, { kind: "list", items: people });

  if (b.places.length) {
    const cites: number[] = [];
    for (const x of b.places) addEach(cites, citer.cite(x.id, x.sources));
    blocks.push({ kind: "text", line: { text: placeLine(b.places, lang), cites } });
  }
  return { lang, title, blocks, citations: citer.list };
}
