// Dates as news prints them, with the precision the text gives: "Ngày 16/8", "24/11/2021", "tháng 12/2021",
// "giữa tháng 12-2021", "Từ tháng 11/2019 đến năm 2021", "Năm 2020-2021", English "on Tuesday", "March 7",
// "December 25, 2022". A missing year stays missing here; years.ts decides whether the text allows inferring it.

export interface DateMention {
  text: string;
  start: number;
  end: number;
  /** day: a day (year maybe missing); month; year; range: from … until; weekday: a weekday alone; yearRange. */
  kind: "day" | "month" | "year" | "range" | "weekday";
  year?: number;
  month?: number;
  day?: number;
  until?: { year: number; month?: number; day?: number };
  /** ISO weekday 1 (Monday) … 7 (Sunday) printed with the date. */
  weekday?: number;
  /** The word before a year range or a year: "giai đoạn", "nhiệm kỳ", "năm", "period", "term". */
  lead?: string;
}

const EN_MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const EN_MONTH =
  "(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)";
const EN_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const EN_WEEKDAY = "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
/** Vietnamese weekdays: a capital after "thứ" tells "thứ Năm" (Thursday) from "thứ năm" (fifth). */
const VI_WEEKDAY = "(thứ\\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy|[2-7])|[Cc]hủ\\s+[Nn]hật)";
const VI_WEEKDAY_NUMBER: Record<string, number> = { hai: 1, ba: 2, tư: 3, năm: 4, sáu: 5, bảy: 6 };

function enMonth(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, "");
  return EN_MONTHS.findIndex((m) => m.startsWith(w.slice(0, 3))) + 1;
}

function viWeekday(word: string): number {
  const w = word.toLowerCase().replace(/\s+/g, " ");
  if (w.startsWith("chủ")) return 7;
  const rest = w.replace(/^thứ /, "");
  const n = Number(rest);
  return Number.isFinite(n) && n >= 2 ? n - 1 : (VI_WEEKDAY_NUMBER[rest] ?? 0);
}

const valid = (d?: number, m?: number, y?: number) =>
  (d === undefined || (d >= 1 && d <= 31)) &&
  (m === undefined || (m >= 1 && m <= 12)) &&
  (y === undefined || (y >= 1900 && y <= 2100));

interface Rule {
  re: RegExp;
  make(m: RegExpExecArray): Omit<DateMention, "text" | "start" | "end"> | undefined;
}

const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));

/** An English day, "March 7, 2023" or "7 March" alike, with the weekday printed before it if any. */
function englishDay(day?: number, month?: number, year?: number, weekday?: string): ReturnType<Rule["make"]> {
  if (!valid(day, month, year)) return undefined;
  return {
    kind: "day",
    day,
    month,
    ...(year ? { year } : {}),
    ...(weekday ? { weekday: EN_WEEKDAYS.indexOf(weekday.toLowerCase()) + 1 } : {}),
  };
}

/** Most specific first: a span taken by one rule is not read again by a later one. */
const RULES: Rule[] = [
  {
    // Từ tháng 11/2019 đến năm 2021 · từ 11/2019 đến 3/2021
    re: /[Tt]ừ\s+(?:tháng\s+)?(\d{1,2})[/-](\d{4})\s+(?:đến|tới)\s+(?:năm\s+|tháng\s+)?(?:(\d{1,2})[/-])?(\d{4})/gu,
    make: (m) => {
      const [month, year, m2, y2] = [num(m[1]), num(m[2]), num(m[3]), num(m[4])];
      if (!valid(undefined, month, year) || !valid(undefined, m2, y2) || !year || !y2) return undefined;
      return { kind: "range", year, month, until: { year: y2, ...(m2 ? { month: m2 } : {}) } };
    },
  },
  {
    // từ ngày 24 – 26/11/2021
    re: /(\d{1,2})\s*[-–]\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})/gu,
    make: (m) => {
      const [d1, d2, month, year] = [num(m[1]), num(m[2]), num(m[3]), num(m[4])];
      if (!valid(d1, month, year) || !valid(d2) || !year) return undefined;
      return { kind: "day", day: d1, month, year, until: { year, month, day: d2 } };
    },
  },
  {
    // Năm 2020-2021 · giai đoạn 2022 – 2024 · nhiệm kỳ 2021-2026 · from 2019 to 2021 · 2022-2024
    re: /(?:(năm|giai đoạn|nhiệm kỳ|khóa|khoá|period|term|from|in)\s+)?((?:19|20)\d{2})\s*(?:[-–—]|to|đến)\s*((?:19|20)\d{2})(?![\d/])/giu,
    make: (m) => {
      const [y1, y2] = [num(m[2]), num(m[3])];
      if (!y1 || !y2 || y2 < y1 || y2 - y1 > 30) return undefined;
      return { kind: "range", year: y1, until: { year: y2 }, lead: (m[1] ?? "").toLowerCase() };
    },
  },
  {
    // 24/11/2021 · 22-10-2021 · 16.8.2022, with an optional weekday before it
    re: new RegExp(`(?:${VI_WEEKDAY}\\s*,?\\s*(?:ngày\\s+)?)?(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})`, "gu"),
    make: (m) => {
      const [day, month, year] = [num(m[2]), num(m[3]), num(m[4])];
      if (!valid(day, month, year)) return undefined;
      return { kind: "day", day, month, year, ...(m[1] ? { weekday: viWeekday(m[1]) } : {}) };
    },
  },
  {
    // ngày 16 tháng 8 năm 2022
    re: /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?/giu,
    make: (m) => {
      const [day, month, year] = [num(m[1]), num(m[2]), num(m[3])];
      if (!valid(day, month, year)) return undefined;
      return { kind: "day", day, month, ...(year ? { year } : {}) };
    },
  },
  {
    // tháng 12/2021 · giữa tháng 12-2021 · tháng 12 năm 2021
    re: /(?:(?:giữa|đầu|cuối)\s+)?tháng\s+(\d{1,2})\s*(?:[/-]|năm)\s*(\d{4})/giu,
    make: (m) => {
      const [month, year] = [num(m[1]), num(m[2])];
      if (!valid(undefined, month, year)) return undefined;
      return { kind: "month", month, year };
    },
  },
  {
    // Ngày 16/8 · sáng 27/8 · thứ Ba (16/8) · hôm nay (08/10): a day with no year
    re: new RegExp(
      `(?:${VI_WEEKDAY}\\s*,?\\s*)?(?:[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Đđ]êm|[Hh]ôm nay)?\\s*\\(?(\\d{1,2})/(\\d{1,2})\\)?(?![/.-]?\\d)`,
      "gu",
    ),
    make: (m) => {
      const [day, month] = [num(m[2]), num(m[3])];
      // A bare "19/19" is a count, not a date: ask for a date word or a weekday.
      if (!/ngày|sáng|chiều|tối|trưa|đêm|hôm|thứ|chủ/iu.test(m[0])) return undefined;
      if (!valid(day, month)) return undefined;
      return { kind: "day", day, month, ...(m[1] ? { weekday: viWeekday(m[1]) } : {}) };
    },
  },
  {
    // Tuesday, March 7, 2023 · March 7 · December 25, 2022
    re: new RegExp(`(?:${EN_WEEKDAY},?\\s+)?${EN_MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?`, "gu"),
    make: (m) => {
      return englishDay(num(m[3]), enMonth(m[2] ?? ""), num(m[4]), m[1]);
    },
  },
  {
    // Tuesday 7 March 2023 · 7 March
    re: new RegExp(`(?:${EN_WEEKDAY},?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+${EN_MONTH}(?:,?\\s+(\\d{4}))?`, "gu"),
    make: (m) => {
      return englishDay(num(m[2]), enMonth(m[3] ?? ""), num(m[4]), m[1]);
    },
  },
  {
    // in March 2023
    re: new RegExp(`\\b(?:in|since|until|by)\\s+${EN_MONTH}\\s+(\\d{4})`, "gu"),
    make: (m) => ({ kind: "month", month: enMonth(m[1] ?? ""), year: Number(m[2]) }),
  },
  {
    // on Tuesday · thứ Ba tuần trước: a weekday alone
    re: new RegExp(`\\b(?:on|last|this)\\s+${EN_WEEKDAY}|${VI_WEEKDAY}`, "gu"),
    make: (m) => {
      const weekday = m[1] ? EN_WEEKDAYS.indexOf(m[1].toLowerCase()) + 1 : viWeekday(m[2] ?? "");
      return weekday > 0 ? { kind: "weekday", weekday } : undefined;
    },
  },
  {
    // năm 2023 · in 2021 · 2021 alone
    re: /(?:(năm|in|year|since|until|by)\s+)?\b((?:19|20)\d{2})\b(?![/.-]\d)/giu,
    make: (m) => ({ kind: "year", year: Number(m[2]), lead: (m[1] ?? "").toLowerCase() }),
  },
];

export function findDates(text: string): DateMention[] {
  const taken: boolean[] = new Array(text.length).fill(false);
  const out: DateMention[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (const m of text.matchAll(rule.re)) {
      let start = m.index ?? 0;
      const raw = m[0];
      const lead = raw.length - raw.trimStart().length;
      start += lead;
      const end = (m.index ?? 0) + raw.length;
      if (taken.slice(start, end).some(Boolean)) continue;
      const made = rule.make(m as RegExpExecArray);
      if (!made) continue;
      for (let i = start; i < end; i++) taken[i] = true;
      out.push({ ...made, text: text.slice(start, end), start, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** ISO weekday (1 = Monday) of a calendar day. */
export function isoWeekday(year: number, month: number, day: number): number {
  const d = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return d === 0 ? 7 : d;
}

export const pad = (n: number) => String(n).padStart(2, "0");
