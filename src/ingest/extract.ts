// The extractor: a page's readable sentences → findings (events with dates, agreements, people with titles,
// amounts with direction, anniversaries, places), each with the sentence it comes from. Pure: rules and the
// corpus's gazetteer, no network. Each side box is its own story: its dates and periods never date the main one.
import { both } from "../core/i18n";
import type { CorpusData, DatePrecision, Localized } from "../core/model";
import { type AgreementMention, findAgreements } from "./agreements";
import { type AmountMention, findAmounts } from "./amounts";
import { type AnniversaryMention, findAnniversaries } from "./anniversaries";
import { type DateMention, findDates, pad } from "./dates";
import type { Gazetteer, PlaceMention } from "./gazetteer";
import { detectLanguage } from "./language";
import type { Page } from "./page";
import { findPeople, type PersonMention, personKey } from "./people";
import { type Sentence, sentencesOf } from "./sentences";
import { inferYear, type YearInference } from "./years";

export type EventKind =
  | "visit"
  | "talks"
  | "signing"
  | "exchange"
  | "aid"
  | "training"
  | "inspection"
  | "planned"
  | "award";

export interface DateFinding {
  value?: string;
  precision: DatePrecision;
  until?: string;
  inferred?: Localized;
  /** The date words as printed, when the sentence prints one. */
  text?: string;
  /** A day printed without a year that could not be placed: shown as an uncertainty. */
  yearNotStated?: string;
  conflicts?: Localized[];
}

export interface EventFinding {
  kind: EventKind;
  date: DateFinding;
  story: string;
  sentences: Sentence[];
  provinces: string[];
  places: string[];
  /** People named in this event's story with a title. */
  people: string[];
}

export interface AgreementFinding {
  docType: AgreementMention["docType"];
  period?: { from: number; to: number };
  level: AgreementMention["level"];
  parties: string[];
  story: string;
  sentences: Sentence[];
  signed: boolean;
  clauses: Sentence[];
  commitments: { by: string; to: string; sentence: Sentence; amounts: AmountMention[] }[];
  /** The event at which it was signed (index into events). */
  event?: number;
}

export interface FigureFinding {
  amount: AmountMention;
  from?: string;
  to?: string;
  verb?: string;
  sentence: Sentence;
  story: string;
  date: DateFinding;
  /** The event the figure belongs to (index into events). */
  event?: number;
}

export interface PersonFinding {
  key: string;
  name: string;
  title?: string;
  mentions: { mention: PersonMention; sentence: Sentence }[];
  province?: string;
  country: "VN" | "LA";
  /** The existing person this name matches. */
  existing?: string;
  story: string;
}

export interface PlaceFinding {
  mention: PlaceMention;
  sentence: Sentence;
}

export interface Extraction {
  page: Page;
  lang: "vi" | "en";
  sentences: Sentence[];
  events: EventFinding[];
  agreements: AgreementFinding[];
  figures: FigureFinding[];
  people: PersonFinding[];
  places: PlaceFinding[];
  anniversaries: { mention: AnniversaryMention; sentence: Sentence }[];
  /** Agreements mentioned as reviewed (older documents), and periods that are not agreement periods. */
  notes: { sentence: Sentence; text: Localized }[];
  /** Names after "tỉnh", "huyện", "province" that no gazetteer entry knows. */
  unresolved: { name: string; sentence: Sentence }[];
}

export interface ExtractContext {
  data: Pick<CorpusData, "provinces" | "places" | "people" | "anniversaries">;
  gazetteer: Gazetteer;
  /** The day of ingestion, YYYY-MM-DD. */
  today: string;
}

/** Verbs that make a sentence report an event, by kind; the first kind found wins. */
const EVENT_VERBS: [EventKind, RegExp][] = [
  ["planned", /dự kiến|sẽ được tổ chức|sẽ diễn ra|will be held|is scheduled|is expected to take place/iu],
  ["signing", /lễ ký|ký kết|(?<![\p{L}])ký(?![\p{L}])|signed|signing ceremony/iu],
  ["talks", /hội đàm|held talks|talks with/iu],
  ["award", /kỷ niệm chương|huân chương|huy chương|bằng khen|(?:trao|tặng) danh hiệu|medal|order of/iu],
  [
    "training",
    /tiếp nhận .*(?:học sinh|sinh viên|học viên)|(?:mở|tổ chức) (?:các )?(?:lớp|khóa) (?:đào tạo|tập huấn|bồi dưỡng)|students|scholarship|training course/iu,
  ],
  ["aid", /hỗ trợ|viện trợ|tặng|trao tặng|ủng hộ|bàn giao|donat|handed over|presented|provided|support|gave|gift/iu],
  ["inspection", /kiểm tra|khảo sát|inspect|survey/iu],
  [
    "visit",
    /(?<![\p{L}])thăm|chúc Tết|chúc tết|làm việc tại|đón (?:và làm việc|tiếp)|cử .*đoàn|visit|received|welcomed|met with/iu,
  ],
  ["exchange", /giao lưu|trao đổi đoàn|exchange/iu],
];

/** Opening words that tie a sentence to the story's event rather than start a new one. */
const SAME_OCCASION =
  /^(?:Dịp này|Nhân dịp này|Tại (?:buổi|cuộc|lễ|chuyến)|Trong (?:chuyến|buổi|chương trình)|Đồng thời|Also|On this occasion|During the visit|At the (?:talks|ceremony|meeting))/iu;
const SAME_DAY = /^(?:Cùng ngày|Cùng thời gian|On the same day|The same day)/iu;
const MEETING = new Set<EventKind>(["signing", "talks", "visit", "exchange", "inspection"]);
const WISH =
  /(?<![\p{L}])(?:đề nghị|mong muốn|cam kết|bày tỏ|cảm ơn|chúc mừng|hoped|thanked|asked|pledged|proposed)(?![\p{L}])/iu;
const FUTURE = /(?<![\p{L}])(?:sẽ|dự kiến|will|is to|are to|plans? to)(?![\p{L}])/iu;
const GIVE =
  /(?<![\p{L}])(?:đã\s+|sẽ\s+|cũng\s+)*(hỗ trợ|tặng|trao tặng|trao|viện trợ|cử|tiếp nhận|ủng hộ|bàn giao|tổ chức|gave|donated|provided|handed over|sent|presented|received|supported|granted|will provide|will give)(?![\p{L}])/iu;

function eventKindOf(text: string): EventKind | undefined {
  return EVENT_VERBS.find(([, re]) => re.test(text))?.[0];
}

function isoOf(d: { year?: number; month?: number; day?: number }): string | undefined {
  if (!d.year) return undefined;
  return [String(d.year), d.month ? pad(d.month) : undefined, d.month && d.day ? pad(d.day) : undefined]
    .filter(Boolean)
    .join("-");
}

function precisionOf(d: { year?: number; month?: number; day?: number }): DatePrecision {
  if (!d.year) return "unknown";
  if (d.day && d.month) return "day";
  return d.month ? "month" : "year";
}

/** Direction of a gift or a count in one clause: the province before the verb gives, the one after receives. */
function directionIn(
  clause: string,
  places: readonly PlaceMention[],
  offset: number,
): { verb?: string; from?: string; to?: string } {
  const provinces = places.filter((p) => p.entry.kind === "province");
  let best: { verb?: string; from?: string; to?: string } = {};
  for (const verb of clause.matchAll(new RegExp(GIVE.source, "giu"))) {
    const at = offset + (verb.index ?? 0);
    const before = provinces.filter((p) => p.end <= at && p.start >= offset).at(-1);
    const after = provinces.find(
      (p) =>
        p.start >= at + verb[0].length &&
        p.start <= offset + clause.length &&
        p.entry.province !== before?.entry.province,
    );
    const found = {
      verb: verb[1],
      ...(before ? { from: before.entry.province } : {}),
      ...(after ? { to: after.entry.province } : {}),
    };
    if (found.from && found.to) return found;
    if (!best.verb) best = found;
  }
  return best;
}

/** The clause of a sentence (between semicolons) holding a position. */
function clauseAt(text: string, pos: number): { text: string; start: number } {
  const start = text.lastIndexOf(";", pos) + 1;
  const end = text.indexOf(";", pos);
  return { text: text.slice(start, end < 0 ? text.length : end), start };
}

/** The date a sentence itself prints for its event: a day, a month, a span (not an agreement period). */
function ownDate(dates: readonly DateMention[], agreements: readonly AgreementMention[]): DateMention | undefined {
  const periods = new Set(agreements.map((a) => a.period?.text).filter(Boolean));
  // "Năm 2019, …" / "In 2019, …" opening a sentence dates what it reports.
  const opening = dates.find((d) => d.kind === "year" && d.start <= 1 && (d.lead === "năm" || d.lead === "in"));
  if (opening && !dates.some((d) => d.kind === "day" || d.kind === "month")) return opening;
  return dates.find(
    (d) =>
      (d.kind === "day" || d.kind === "month" || d.kind === "range") &&
      !(d.kind === "range" && (["nhiệm kỳ", "khóa", "khoá", "term"].includes(d.lead ?? "") || periods.has(d.text))),
  );
}

function dateFinding(d: DateMention | undefined, inference?: YearInference): DateFinding {
  if (!d) return { precision: "unknown" };
  const year = d.year ?? inference?.year;
  const full = { year, month: d.month, day: d.day };
  const value = isoOf(full);
  if (!value) {
    return { precision: "unknown", text: d.text, yearNotStated: d.text };
  }
  const until = d.until ? isoOf(d.until) : undefined;
  return {
    value,
    precision: precisionOf(full),
    ...(until ? { until } : {}),
    text: d.text,
    ...(!d.year && inference ? { inferred: inference.reason } : {}),
    ...(!d.year && inference?.conflicts.length ? { conflicts: inference.conflicts } : {}),
  };
}

const dateKey = (d: DateFinding) => `${d.value ?? "?"}|${d.precision}|${d.until ?? ""}`;

export function extract(page: Page, ctx: ExtractContext): Extraction {
  const sentences = sentencesOf(page);
  const lang = detectLanguage(sentences.map((s) => s.text).join(" "));
  const english = lang === "en";
  const perSentence = sentences.map((s) => {
    const dates = findDates(s.text);
    return {
      s,
      dates,
      places: ctx.gazetteer.find(s.text),
      people: findPeople(s.text),
      amounts: findAmounts(s.text, english),
      agreements: findAgreements(s.text, dates),
      anniversaries: findAnniversaries(s.text, ctx.data.anniversaries),
    };
  });
  const pageYears = [
    ...new Set(
      perSentence.flatMap((p) =>
        p.dates.flatMap((d) => [d.year, d.until?.year]).filter((y): y is number => y !== undefined),
      ),
    ),
  ];
  const out: Extraction = {
    page,
    lang,
    sentences,
    events: [],
    agreements: [],
    figures: [],
    people: [],
    places: [],
    anniversaries: [],
    notes: [],
    unresolved: [],
  };
  const placeNames = new Set(
    ctx.data.provinces.flatMap((p) => [p.name.vi, p.name.en, ...p.aliases]).map((n) => personKey(n)),
  );
  const existingPeople = new Map(ctx.data.people.map((p) => [personKey(p.name), p] as const));
  const stories = [...new Set(sentences.map((s) => s.story))];
  for (const story of stories) {
    const items = perSentence.filter((p) => p.s.story === story);
    const storyAgreements = items.flatMap((p) => p.agreements);
    const clues = {
      agreements: storyAgreements,
      anniversaries: items.flatMap((p) => p.anniversaries),
      dates: items.flatMap((p) => p.dates),
      pageYears,
      today: ctx.today,
    };
    const mentionCount = new Map<string, number>();
    for (const p of items)
      for (const m of p.places) mentionCount.set(m.entry.province, (mentionCount.get(m.entry.province) ?? 0) + 1);
    const storyProvinces = [...mentionCount.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
    const events: EventFinding[] = [];
    let anchor: EventFinding | undefined;
    // The story's own date: the first day or month an event sentence prints. Sentences before it that print no
    // date of their own ("Đại diện buổi lễ ký kết …" before "Ngày 16/8, diễn ra lễ ký …") share it.
    const anchorSentence = items.find((p) => {
      const kind = p.s.segment.kind !== "title" ? eventKindOf(p.s.text) : undefined;
      const own = ownDate(p.dates, p.agreements);
      return kind && own && (own.kind === "day" || own.kind === "month");
    });
    const eventIndex = new Map<Sentence, number>();
    for (const p of items) {
      const { s } = p;
      for (const m of p.places) out.places.push({ mention: m, sentence: s });
      for (const a of p.anniversaries) out.anniversaries.push({ mention: a, sentence: s });
      for (const a of p.agreements) {
        if (a.reviewed) out.notes.push({ sentence: s, text: both((w) => w.draftNotes.reviewedNotSigning(a.text)) });
      }
      for (const d of p.dates) {
        if (d.kind === "range" && ["nhiệm kỳ", "khóa", "khoá", "term"].includes(d.lead ?? "")) {
          out.notes.push({ sentence: s, text: both((w) => w.draftNotes.termNotPeriod(d.text)) });
        }
      }
      for (const m of s.text.matchAll(
        /(?<![\p{L}])(?:tỉnh|huyện|province of|district of)\s+((?:\p{Lu}[\p{Ll}\p{M}]*[ -]?){1,4})/gu,
      )) {
        const name = (m[1] ?? "").trim();
        if (
          name &&
          ctx.gazetteer.find(name).length === 0 &&
          !/^(Ủy|Uỷ|Đoàn|Tỉnh|HĐND|UBND|Bắc|Nam|Trung|Tây|Đông|Lào|Laos|Vietnam|Việt Nam)(?![\p{L}])/u.test(name)
        ) {
          out.unresolved.push({ name, sentence: s });
        }
      }
      if (s.segment.kind === "title") continue;
      const kind = eventKindOf(s.text);
      if (!kind) continue;
      // "sẽ …" outside a planned event is a commitment or a plan, read with the agreement, not an event.
      if (kind !== "planned" && FUTURE.test(s.text)) continue;
      if (!anchor && anchorSentence && anchorSentence !== p) {
        const a = anchorSentence;
        const aOwn = ownDate(a.dates, a.agreements);
        const aKind = eventKindOf(a.s.text) ?? kind;
        anchor = {
          kind: aKind,
          date: dateFinding(aOwn, aOwn && !aOwn.year ? inferYear(aOwn, clues) : undefined),
          story,
          sentences: [],
          provinces: [],
          places: [],
          people: [],
        };
        events.push(anchor);
      }
      const own = ownDate(p.dates, p.agreements);
      const occasion = SAME_OCCASION.test(s.text);
      const sameDay = SAME_DAY.test(s.text);
      let date: DateFinding = { precision: "unknown" };
      if (own) {
        date = dateFinding(own, own.year ? undefined : inferYear(own, clues));
      } else if (anchor?.kind === "planned") {
        // Preparations for a planned event took place before it: its year, not its day or month.
        const y = anchor.date.value?.slice(0, 4);
        if (y) {
          date = {
            value: y,
            precision: "year",
            inferred: {
              vi: `Bài không ghi ngày; năm ${y} suy ra vì đây là khâu chuẩn bị cho sự kiện dự kiến “${anchor.date.text ?? y}”. Tháng, ngày: không nêu.`,
              en: `The article gives no date; ${y} is inferred because this prepared the event planned for “${anchor.date.text ?? y}”. Month and day: not stated.`,
            },
          };
        }
      } else if (anchor && sameDay && anchor.date.value) {
        const said = anchor.date.text ? `“${anchor.date.text}”` : "";
        date = {
          ...anchor.date,
          inferred: {
            vi: `“Cùng ngày” với ${said}${anchor.date.inferred ? `; ${anchor.date.inferred.vi}` : ""}`,
            en: `“The same day” as ${said}${anchor.date.inferred ? `; ${anchor.date.inferred.en}` : ""}`,
          },
        };
      } else if (anchor) {
        date = anchor.date;
      }
      // A gift "on this occasion" is a figure of the event; a wish or a thanks is part of the event's story.
      const clause =
        /^[–\-+•]|^Tiếp tục/u.test(s.text) || (/nhất trí|thống nhất/iu.test(s.text) && p.agreements.length === 0);
      const last = events.at(-1) ?? anchor;
      if (!own && last && ((p.amounts.length > 0 && occasion) || WISH.test(s.text) || clause)) {
        if (!p.amounts.length && !clause) last.sentences.push(s);
        eventIndex.set(s, events.indexOf(last));
        continue;
      }
      if (clause) continue;
      if (anchor && p === anchorSentence && !anchor.sentences.includes(s)) {
        anchor.sentences.push(s);
        anchor.kind = kind;
        eventIndex.set(s, events.indexOf(anchor));
        continue;
      }
      // A photo caption illustrates an event; it never starts one.
      if (s.segment.kind === "caption") {
        const target = events.find((e) => e.kind === kind) ?? anchor;
        if (target) {
          if (!target.sentences.some((x) => x.text === s.text)) target.sentences.push(s);
          eventIndex.set(s, events.indexOf(target));
        }
        continue;
      }
      const joinable = sameDay
        ? undefined
        : events.find(
            (e) =>
              dateKey(e.date) === dateKey(date) &&
              kind !== "award" &&
              (e.kind === kind || (MEETING.has(e.kind) && MEETING.has(kind) && !own)),
          );
      if (joinable) {
        joinable.sentences.push(s);
        eventIndex.set(s, events.indexOf(joinable));
        continue;
      }
      const provinces = [...new Set(p.places.map((m) => m.entry.province))];
      const event: EventFinding = {
        kind,
        date,
        story,
        sentences: [s],
        provinces: provinces.length ? provinces : storyProvinces.slice(0, 2),
        places: [...new Set(p.places.filter((m) => m.entry.kind === "place").map((m) => m.entry.id))],
        people: [],
      };
      events.push(event);
      eventIndex.set(s, events.length - 1);
      if (!anchor || (anchor.date.precision === "unknown" && date.precision !== "unknown")) anchor = event;
    }
    // An event's provinces and places: those its sentences name, else the story's main two.
    const placesOf = new Map(items.map((p) => [p.s, p.places] as const));
    for (const e of events) {
      const named = e.sentences.flatMap((x) => placesOf.get(x) ?? []);
      const provinces = [...new Set(named.map((m) => m.entry.province))];
      e.provinces = provinces.length ? provinces : storyProvinces.slice(0, 2);
      e.places = [...new Set(named.filter((m) => m.entry.kind === "place").map((m) => m.entry.id))];
    }
    const base = out.events.length;
    out.events.push(...events);

    // Agreements: one per document family and period in this story.
    const found: AgreementFinding[] = [];
    for (const p of items) {
      for (const a of p.agreements.filter((x) => !x.reviewed)) {
        const same =
          found.find(
            (f) => f.docType.vi === a.docType.vi && (!a.period || !f.period || f.period.from === a.period.from),
          ) ?? (!a.period && found.length === 1 ? found[0] : undefined);
        const parties = [...new Set(p.places.filter((m) => m.entry.kind === "province").map((m) => m.entry.province))];
        if (same) {
          if (!same.sentences.includes(p.s)) same.sentences.push(p.s);
          if (!same.period && a.period) same.period = { from: a.period.from, to: a.period.to };
          if (same.parties.length < 2 && parties.length >= 2) same.parties = parties;
          same.signed ||= a.signed;
          const ev = eventIndex.get(p.s);
          if (same.event === undefined && ev !== undefined) same.event = base + ev;
          continue;
        }
        const ev = eventIndex.get(p.s);
        found.push({
          docType: a.docType,
          ...(a.period ? { period: { from: a.period.from, to: a.period.to } } : {}),
          level: a.level,
          parties: parties.length >= 2 ? parties : storyProvinces.slice(0, 2),
          story,
          sentences: [p.s],
          signed: a.signed,
          clauses: [],
          commitments: [],
          ...(ev !== undefined ? { event: base + ev } : {}),
        });
      }
    }
    // Clauses and commitments: what follows an agreement in its story.
    if (found.length === 1) {
      const agreement = found[0] as AgreementFinding;
      const from = items.findIndex((p) => agreement.sentences.includes(p.s));
      for (const p of items.slice(from + 1)) {
        if (agreement.sentences.includes(p.s)) continue;
        const s = p.s;
        if (p.amounts.length && FUTURE.test(s.text)) {
          const clause = clauseAt(s.text, p.amounts[0]?.start ?? 0);
          const dir = directionIn(clause.text, p.places, clause.start);
          if (dir.from && dir.to) {
            agreement.commitments.push({ by: dir.from, to: dir.to, sentence: s, amounts: p.amounts });
            continue;
          }
        }
        if (/^[–\-+•]/u.test(s.text) || /nhất trí|thống nhất|tập trung vào/iu.test(s.text)) {
          if (!p.amounts.length) agreement.clauses.push(s);
        }
      }
    }
    out.agreements.push(...found);

    // Figures: amounts outside commitments, with their direction and the date of their event.
    const committed = new Set(found.flatMap((a) => a.commitments.flatMap((c) => c.amounts)));
    for (const p of items) {
      for (const amount of p.amounts) {
        if (committed.has(amount)) continue;
        const clause = clauseAt(p.s.text, amount.start);
        let dir = directionIn(clause.text, p.places, clause.start);
        // "…; trong đó, có 65 lưu học sinh … được hỗ trợ": a clause without its own giver reads the sentence's.
        if (!dir.from || !dir.to) {
          const whole = directionIn(p.s.text, p.places, 0);
          if (whole.from && whole.to) dir = whole;
        }
        let ev = eventIndex.get(p.s);
        if (ev === undefined && SAME_OCCASION.test(p.s.text)) {
          // "On this occasion, …": the event told just before.
          const before = events.filter((e) => e.sentences.some((x) => x.index < p.s.index)).at(-1);
          if (before) ev = events.indexOf(before);
        }
        const event = ev !== undefined ? events[ev] : undefined;
        const own = ownDate(p.dates, p.agreements);
        out.figures.push({
          amount,
          ...dir,
          sentence: p.s,
          story,
          date: own
            ? dateFinding(own, own.year ? undefined : inferYear(own, clues))
            : (event?.date ?? { precision: "unknown" }),
          ...(ev !== undefined ? { event: base + ev } : {}),
        });
      }
    }

    // People: one per name in the story, titles merged.
    for (const p of items) {
      for (const mention of p.people) {
        const key = personKey(mention.name);
        if (placeNames.has(key)) continue;
        let person = out.people.find((x) => x.key === key && x.story === story);
        if (!person) {
          const existing = existingPeople.get(key);
          const province = p.places.find((m) => m.start >= mention.start && m.start <= mention.end + 2)?.entry.province;
          const country =
            (province ? ctx.gazetteer.entries.get(`province:${province}`)?.country : undefined) ??
            existing?.country ??
            (/^(Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Lò|Tráng|Cầm|Lường|Quàng|Hà|Đinh|Mai|Trịnh|Lưu|Tạ|Cao|Đào|Vương)\s/u.test(
              mention.name,
            )
              ? "VN"
              : "LA");
          person = {
            key,
            name: existing?.name ?? mention.name,
            mentions: [],
            country,
            ...(province ? { province } : existing?.province ? { province: existing.province } : {}),
            ...(existing ? { existing: existing.id } : {}),
            story,
          };
          out.people.push(person);
        }
        person.mentions.push({ mention, sentence: p.s });
        if (mention.title) person.title = mergeTitles(person.title, mention.title);
        const ev = eventIndex.get(p.s);
        const event = ev !== undefined ? events[ev] : (anchor ?? events[0]);
        if (event && mention.title && !event.people.includes(key)) event.people.push(key);
      }
    }
  }
  return out;
}

const RANKS =
  /^(Đại tướng|Thượng tướng|Trung tướng|Thiếu tướng|Đại tá|Thượng tá|Trung tá|Thiếu tá|General|Lieutenant General|Major General|Colonel)$/u;

/** Two titles of one person in one article: keep the longer where one contains the other; ranks go first. */
export function mergeTitles(a: string | undefined, b: string): string {
  if (!a) return b;
  const parts = [...a.split(", "), ...b.split(", ")];
  const kept: string[] = [];
  for (const part of parts) {
    if (kept.some((k) => k.toLowerCase().includes(part.toLowerCase()))) continue;
    for (let i = kept.length - 1; i >= 0; i--)
      if (part.toLowerCase().includes((kept[i] ?? "").toLowerCase())) kept.splice(i, 1);
    kept.push(part);
  }
  return [...kept.filter((k) => RANKS.test(k)), ...kept.filter((k) => !RANKS.test(k))].join(", ");
}
