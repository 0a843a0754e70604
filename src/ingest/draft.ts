// Findings → draft records in the corpus format (events, agreements, figures, people), each citing the sentence it
// comes from, plus the review report: what was found and what is uncertain. Pure: the caller gives the corpus.

import { both } from "../core/i18n";
import type { Agreement, CorpusData, CorpusEvent, FactDate, Figure, Localized, Person, SourceDoc } from "../core/model";
import { fold } from "../core/normalize";
import type { CorpusError } from "../core/validate";
import { duplicateSource, sameEvents } from "./duplicates";
import type { DateFinding, Extraction } from "./extract";
import { IdAllocator, slug } from "./ids";
import { localizedFrom } from "./language";

export interface DraftRecords {
  events: CorpusEvent[];
  agreements: Agreement[];
  figures: Figure[];
  /** New people, and existing people (same id) carrying only the roles this article adds. */
  people: Person[];
}

export type UncertaintyKind =
  | "inferred-year"
  | "year-not-stated"
  | "year-conflict"
  | "unresolved-name"
  | "unlinked-person"
  | "duplicate"
  | "possible-duplicate"
  | "no-direction"
  | "not-drafted"
  | "pending-translation"
  | "not-vietnam-laos"
  | "note";

export interface Uncertainty {
  kind: UncertaintyKind;
  /** Why it needs a look, in both languages (the reviewer's). */
  text: Localized;
  /** The record it concerns. */
  record?: string;
  quote?: string;
}

export interface ReviewReport {
  title: string;
  lang: "vi" | "en";
  segments: { kind: string; lines: [number, number]; vietnamLaos: boolean; why?: string }[];
  found: {
    events: { id: string; kind: string; date: string; quote: string }[];
    agreements: { id: string; docType: string; period?: string; parties: string[]; quote: string }[];
    figures: { id: string; amount: string; direction: string; quote: string }[];
    people: { id: string; name: string; title: string; existing: boolean; quote: string }[];
    places: { id: string; kind: string; text: string; covered: boolean }[];
    anniversaries: { id?: string; text: string; year?: number }[];
  };
  uncertain: Uncertainty[];
  /** Schema, reference and quote-check errors; a draft with errors cannot be approved as it is. */
  errors: CorpusError[];
  /** Set when the page is already in the corpus (same text or address): approval is refused. */
  duplicateOf?: string;
}

export interface Draft {
  id: string;
  created: string;
  origin: string;
  lang: "vi" | "en";
  source: SourceDoc;
  records: DraftRecords;
  report: ReviewReport;
}

export interface DraftContext {
  data: CorpusData;
  texts: ReadonlyMap<string, string>;
  /** The file name the page will have in data/sources/. */
  file: string;
  draftId: string;
  now: string;
}

function factDate(d: DateFinding): FactDate {
  return {
    ...(d.value ? { value: d.value } : {}),
    precision: d.precision,
    ...(d.until ? { until: d.until } : {}),
    ...(d.inferred ? { inferred: d.inferred } : {}),
  };
}

export function describeDate(d: { value?: string; precision: string; until?: string }): string {
  if (!d.value) return "not stated";
  const show = (v: string) => v.split("-").reverse().join("/");
  return d.until ? `${show(d.value)} – ${show(d.until)}` : show(d.value);
}

/** Cuts a sentence into a title at a word boundary. */
function titleOf(text: string, max = 110): string {
  const flat = text.replace(/\s+/g, " ").replace(/^[–\-+•|]\s*/u, "");
  if (flat.length <= max) return flat.replace(/[.;:,]$/u, "");
  const cut = flat.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(" "))}…`;
}

const KIND_WORD: Record<string, string> = {
  visit: "visit",
  talks: "talks",
  signing: "signing",
  exchange: "exchange",
  aid: "aid",
  training: "training",
  inspection: "inspection",
  planned: "planned",
  award: "award",
};

export function buildDraft(x: Extraction, ctx: DraftContext): Draft {
  const { data } = ctx;
  const lang = x.lang;
  const loc = (text: string): Localized => localizedFrom(text, lang);
  const taken = new Set<string>();
  for (const kind of ["provinces", "places", "people", "events", "agreements", "figures", "anniversaries"] as const) {
    for (const r of data[kind]) taken.add(r.id);
  }
  const ids = new IdAllocator(taken);
  const cite = (quote: string) => ({ source: ctx.file, quote });
  const uncertain: Uncertainty[] = [];
  const records: DraftRecords = { events: [], agreements: [], figures: [], people: [] };

  const source: SourceDoc = {
    file: ctx.file,
    title: x.page.title,
    ...(x.page.outlet ? { outlet: x.page.outlet } : {}),
    ...(x.page.url ? { url: x.page.url } : {}),
    provenance: {
      vi: `Nhập bằng công cụ ingest ngày ${ctx.now.slice(0, 10)} (${x.page.origin}); phân đoạn tự động, đã được quản trị viên duyệt.`,
      en: `Ingested on ${ctx.now.slice(0, 10)} (${x.page.origin}); segments detected automatically and reviewed by an admin.`,
    },
    segments: x.page.segments.map((s) => ({ lines: s.lines, kind: s.kind, vietnamLaos: s.vietnamLaos })),
  };

  const duplicate = duplicateSource(x.page.text, x.page.url, data, ctx.texts);
  if (duplicate) {
    uncertain.push({
      kind: "duplicate",
      text: both((w) => w.draftNotes.duplicatePage(duplicate.file, duplicate.why)),
    });
  }
  if (!x.page.segments.some((s) => s.vietnamLaos && (s.kind === "article" || s.kind === "title"))) {
    uncertain.push({
      kind: "not-vietnam-laos",
      text: both((w) => w.draftNotes.notVietnamLaos),
    });
  }
  uncertain.push({ kind: "pending-translation", text: both((w) => w.draftNotes.pendingTranslation(lang)) });

  // Events.
  const eventIds: string[] = [];
  x.events.forEach((e) => {
    const provinces = e.provinces.filter((p) => data.provinces.some((q) => q.id === p));
    const dateSlug = e.date.value ?? "undated";
    const id = ids.take(`ev-${dateSlug}-${slug(provinces.join("-"), 40)}-${KIND_WORD[e.kind]}`);
    eventIds.push(id);
    if (provinces.length === 0) {
      uncertain.push({
        kind: "not-drafted",
        text: both((w) => w.draftNotes.noProvince),
        quote: e.sentences[0]?.text,
      });
      return;
    }
    const first = e.sentences[0];
    const isLead = e.story === "main" && records.events.every((r) => !r.id.startsWith("ev-")) && first;
    const title = isLead && x.events.indexOf(e) === 0 ? x.page.title : titleOf(first?.text ?? x.page.title);
    const summary = e.sentences.map((s) => s.text).join(" ");
    records.events.push({
      id,
      kind: e.kind,
      date: factDate(e.date),
      title: loc(title),
      summary: loc(summary.length > 900 ? `${summary.slice(0, summary.lastIndexOf(" ", 900))}…` : summary),
      provinces,
      places: e.places,
      people: [],
      agreements: [],
      sources: e.sentences.map((s) => cite(s.text)),
    });
    if (e.date.inferred) {
      uncertain.push({ kind: "inferred-year", record: id, text: e.date.inferred, quote: first?.text });
    }
    const printed = e.date.yearNotStated;
    if (printed) {
      uncertain.push({
        kind: "year-not-stated",
        record: id,
        text: both((w) => w.draftNotes.yearNotStated(printed)),
      });
    }
    for (const c of e.date.conflicts ?? []) uncertain.push({ kind: "year-conflict", record: id, text: c });
    for (const same of sameEvents(e.date, provinces, data.events)) {
      uncertain.push({
        kind: "possible-duplicate",
        record: id,
        text: both((w) => w.draftNotes.sameEvent(same.id, same.title.vi)),
      });
    }
  });
  const eventById = new Map(records.events.map((r) => [r.id, r]));
  const eventAt = (i: number | undefined) => (i === undefined ? undefined : eventById.get(eventIds[i] ?? ""));

  // Agreements.
  for (const a of x.agreements) {
    const parties = a.parties.filter((p) => data.provinces.some((q) => q.id === p));
    if (parties.length < 2) {
      uncertain.push({
        kind: "not-drafted",
        text: both((w, l) => w.draftNotes.fewParties(a.docType[l], a.level)),
        quote: a.sentences[0]?.text,
      });
      continue;
    }
    const period = a.period ? `${a.period.from}–${a.period.to}` : "";
    const id = ids.take(`agr-${slug(parties.join("-"), 40)}${period ? `-${period.replace("–", "-")}` : ""}`);
    const event = eventAt(a.event);
    const names = parties.map((p) => data.provinces.find((q) => q.id === p)?.name ?? { vi: p, en: p });
    const title: Localized = {
      vi: `${a.docType.vi}${a.period ? ` giai đoạn ${a.period.from} – ${a.period.to}` : ""} giữa ${names.map((n) => n.vi).join(" và ")}`,
      en: `${a.docType.en}${a.period ? ` ${a.period.from}–${a.period.to}` : ""} between ${names.map((n) => n.en).join(" and ")}`,
    };
    records.agreements.push({
      id,
      title,
      docType: { vi: a.docType.vi, en: a.docType.en },
      parties,
      signed: event && a.signed ? { ...event.date } : { precision: "unknown" },
      ...(a.period ? { period: a.period } : {}),
      signatories: [],
      ...(event ? { event: event.id } : {}),
      clauses: a.clauses.map((s) => ({ text: loc(titleOf(s.text, 300)), sources: [cite(s.text)] })),
      commitments: a.commitments.map((c) => ({
        by: c.by,
        to: c.to,
        what: loc(titleOf(c.sentence.text, 300)),
        amounts: c.amounts.map((m) => ({ value: m.value, unit: m.unit })),
        sources: [cite(c.sentence.text)],
      })),
      sources: a.sentences.map((s) => cite(s.text)),
    });
    if (event && !event.agreements.includes(id)) event.agreements.push(id);
    for (const same of data.agreements) {
      const sameParties = same.parties.length === parties.length && same.parties.every((p) => parties.includes(p));
      if (sameParties && (!a.period || (same.period?.from === a.period.from && same.period?.to === a.period.to))) {
        uncertain.push({
          kind: "possible-duplicate",
          record: id,
          text: both((w) => w.draftNotes.sameAgreement(same.id, same.title.vi, a.period !== undefined)),
        });
      }
    }
  }

  // Figures.
  for (const f of x.figures) {
    const m = f.amount;
    if (!f.from || !f.to) {
      uncertain.push({
        kind: "no-direction",
        text: both((w) => w.draftNotes.noDirection(m.text)),
        quote: f.sentence.text,
      });
      continue;
    }
    const money = ["VND", "USD", "LAK"].includes(m.unit);
    const kind: Figure["kind"] = money
      ? /tặng|trao|gave|gift/iu.test(f.verb ?? "")
        ? "gift"
        : "cash"
      : m.unit === "student" || m.unit === "scholarship"
        ? "students"
        : m.unit === "delegation"
          ? "delegations"
          : "aid";
    const event = eventAt(f.event);
    const id = ids.take(`fig-${f.date.value ?? "undated"}-${f.from}-${f.to}-${slug(m.unit, 20)}`);
    records.figures.push({
      id,
      kind,
      what: loc(money ? titleOf(f.sentence.text, 160) : m.noun),
      amount: { value: m.value, unit: m.unit },
      from: f.from,
      to: f.to,
      date: factDate(f.date),
      ...(event ? { event: event.id } : {}),
      sources: [cite(f.sentence.text)],
    });
  }

  // People: a role needs the event (or agreement) of the story they appear in.
  for (const p of x.people) {
    const quote = p.mentions.find((m) => m.mention.title)?.mention.text ?? p.mentions[0]?.mention.text ?? p.name;
    const title = p.title;
    if (!title) {
      if (!p.existing) {
        uncertain.push({ kind: "unlinked-person", text: both((w) => w.draftNotes.nameWithoutTitle(p.name)), quote });
      }
      continue;
    }
    const storyEvents = records.events.filter((_, i) => x.events[i]?.story === p.story);
    const at =
      records.events.find((e, i) => x.events[i]?.people.includes(p.key) && e) ?? storyEvents[0] ?? records.events[0];
    const atId = at?.id ?? records.agreements[0]?.id;
    if (!atId) {
      uncertain.push({ kind: "not-drafted", text: both((w) => w.draftNotes.noEventForTitle(p.name, title)), quote });
      continue;
    }
    const id = p.existing ?? ids.take(slug(p.name, 40));
    const titleQuotes = [...new Set(p.mentions.filter((m) => m.mention.title).map((m) => m.mention.text))];
    records.people.push({
      id,
      name: p.name,
      country: p.country,
      ...(p.province ? { province: p.province } : {}),
      roles: [{ title: loc(title), at: atId, sources: titleQuotes.map(cite) }],
    });
    if (at && !at.people.includes(id)) at.people.push(id);
    if (!p.existing) {
      const close = data.people.find((q) => fold(q.name).split(" ").at(-1) === fold(p.name).split(" ").at(-1));
      uncertain.push({
        kind: "unlinked-person",
        record: id,
        text: both((w) => w.draftNotes.newPerson(p.name, close?.name)),
      });
    }
  }

  for (const u of x.unresolved) {
    if (!uncertain.some((v) => v.kind === "unresolved-name" && v.text.en.startsWith(u.name))) {
      uncertain.push({
        kind: "unresolved-name",
        text: both((w) => w.draftNotes.unknownName(u.name)),
        quote: u.sentence.text,
      });
    }
  }
  for (const n of x.notes) uncertain.push({ kind: "note", text: n.text, quote: n.sentence.text });

  const report: ReviewReport = {
    title: x.page.title,
    lang,
    segments: x.page.segments.map((s) => ({
      kind: s.kind,
      lines: s.lines,
      vietnamLaos: s.vietnamLaos,
      ...(s.why ? { why: s.why } : {}),
    })),
    found: {
      events: records.events.map((e) => ({
        id: e.id,
        kind: e.kind,
        date: describeDate(e.date),
        quote: e.sources[0]?.quote ?? "",
      })),
      agreements: records.agreements.map((a) => ({
        id: a.id,
        docType: a.docType.vi,
        ...(a.period ? { period: `${a.period.from}–${a.period.to}` } : {}),
        parties: a.parties,
        quote: a.sources[0]?.quote ?? "",
      })),
      figures: records.figures.map((f) => ({
        id: f.id,
        amount: `${f.amount.value.toLocaleString("en-US")} ${f.amount.unit}`,
        direction: `${f.from} → ${f.to}`,
        quote: f.sources[0]?.quote ?? "",
      })),
      people: records.people.map((p) => ({
        id: p.id,
        name: p.name,
        title: p.roles[0]?.title[lang] ?? "",
        existing: data.people.some((q) => q.id === p.id),
        quote: p.roles[0]?.sources[0]?.quote ?? "",
      })),
      places: [...new Map(x.places.map((p) => [`${p.mention.entry.kind}:${p.mention.entry.id}`, p])).values()].map(
        (p) => ({
          id: p.mention.entry.id,
          kind: p.mention.entry.kind,
          text: p.mention.text,
          covered: p.mention.entry.covered,
        }),
      ),
      anniversaries: x.anniversaries.map((a) => ({
        ...(a.mention.anniversary ? { id: a.mention.anniversary.id } : {}),
        text: a.mention.text,
        ...(a.mention.year ? { year: a.mention.year } : {}),
      })),
    },
    uncertain,
    errors: [],
    ...(duplicate ? { duplicateOf: duplicate.file } : {}),
  };
  return { id: ctx.draftId, created: ctx.now, origin: x.page.origin, lang, source, records, report };
}
