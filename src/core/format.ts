// Dates, amounts and units as people read them, in Vietnamese or English. Precision is shown honestly:
// "16/08/2022", "12/2021", "2021", "không rõ ngày" — never a made-up day.
import { DateTime } from "luxon";
import { type Lang, t, words } from "./i18n";
import type { Amount, FactDate } from "./model";

/** "2022-08-16" → "16/08/2022", "2022-08" → "08/2022", "2022" → "2022" (slices: no array per date). */
function partOf(value: string): string {
  const first = value.indexOf("-");
  if (first < 0) return value;
  const second = value.indexOf("-", first + 1);
  if (second < 0) return `${value.slice(first + 1)}/${value.slice(0, first)}`;
  return `${value.slice(second + 1)}/${value.slice(first + 1, second)}/${value.slice(0, first)}`;
}

export function formatFactDate(date: FactDate, lang: Lang): string {
  const text = formatFactDay(date, lang);
  return date.inferred && date.precision !== "unknown" && date.value ? `${text} (${t("inferred", lang)})` : text;
}

/** The date alone, without saying it was inferred (for lines that mark an inferred date their own way). */
export function formatFactDay(date: FactDate, lang: Lang): string {
  if (date.precision === "unknown" || !date.value) return t("unknownDate", lang);
  const from = partOf(date.value);
  return date.until ? `${from} – ${partOf(date.until)}` : from;
}

/** "2022-08-16" → "16/08/2022". */
export function formatIsoDay(iso: string): string {
  return partOf(iso);
}

/** One formatter per locale: toLocaleString builds a new one on every call (a few per line of an answer). */
const numberFormats = new Map<string, Intl.NumberFormat>();
/**
 * Numbers already written, per locale: answers show the same amounts again and again, and Intl formatting is
 * the slowest step of a line. Bounded: past the limit, numbers are formatted anew rather than kept.
 * Kept beside RecordMemo: /search and /ask write amounts per answer (×100 /search p50 0.075 → 0.080 ms without it).
 */
const written = new Map<string, Map<number, string>>();
const WRITTEN_LIMIT = 10_000;

function number(value: number, lang: Lang): string {
  const locale = words(lang).money.locale;
  let known = written.get(locale);
  if (!known) {
    known = new Map();
    written.set(locale, known);
  }
  const done = known.get(value);
  if (done !== undefined) return done;
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  const text = format.format(value);
  if (known.size < WRITTEN_LIMIT) known.set(value, text);
  return text;
}

function money(value: number, lang: Lang): string {
  const w = words(lang).money;
  // In billions or millions when the amount is a whole number of hundredths of one.
  if (value >= 1e9 && value % 1e7 === 0) return `${number(value / 1e9, lang)} ${w.billion} ${w.currency}`;
  if (value >= 1e6 && value % 1e4 === 0) return `${number(value / 1e6, lang)} ${w.million} ${w.currency}`;
  return `${number(value, lang)} ${w.currency}`;
}

export function formatAmount(amount: Amount, lang: Lang): string {
  if (amount.unit === "VND") return money(amount.value, lang);
  const units: Readonly<Record<string, { one: string; many: string }>> = words(lang).unit;
  const unit = units[amount.unit];
  if (!unit) return `${number(amount.value, lang)} ${amount.unit}`;
  return `${number(amount.value, lang)} ${amount.value === 1 ? unit.one : unit.many}`;
}

/** An instant as staff read it, in the bot's zone: "24/11/2026 17:54 GMT+7" (seconds on request). */
export function formatInstant(instant: string | Date, zone: string, withSeconds = false): string {
  const at = typeof instant === "string" ? DateTime.fromISO(instant) : DateTime.fromJSDate(instant);
  return at.setZone(zone).toFormat(withSeconds ? "dd/MM/yyyy HH:mm:ss ZZZZ" : "dd/MM/yyyy HH:mm ZZZZ");
}

/** The name of a corpus record kind ("events" → "Sự kiện"); an unknown kind is shown as it is. */
export function kindLabel(kind: string, lang: Lang): string {
  const names: Readonly<Record<string, string>> = words(lang).kind;
  return names[kind] ?? kind;
}

/** 93784 s → "1 ngày 2 giờ 3 phút" / "1 d 2 h 3 min"; under a minute, seconds. */
export function formatDuration(seconds: number, lang: Lang): string {
  const w = words(lang).duration;
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return w.seconds(s);
  const units: [number, string][] = [
    [Math.floor(s / 86_400), w.day],
    [Math.floor((s % 86_400) / 3600), w.hour],
    [Math.floor((s % 3600) / 60), w.minute],
  ];
  return units
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${n} ${unit}`)
    .join(" ");
}

/** "a, b, c … (+12)": long id lists stay readable in a chat message. */
export function shortList(items: readonly string[], max = 8): string {
  const shown = items.slice(0, max).join(", ");
  return items.length > max ? `${shown} … (+${items.length - max})` : shown;
}
