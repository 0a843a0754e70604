// A year the text does not print is inferred only where the text allows it, and the reason is written:
// an agreement period signed that day, an anniversary ordinal ("Kỷ niệm 60 năm …" of 1962 → 2022), a review of
// "năm 2023" with "năm 2024" ahead, or a weekday that fixes the year. Otherwise the year is "not stated".
import { both } from "../core/i18n";
import type { Localized } from "../core/model";
import type { AgreementMention } from "./agreements";
import type { AnniversaryMention } from "./anniversaries";
import { type DateMention, isoWeekday } from "./dates";

export interface YearInference {
  year: number;
  reason: Localized;
  /** Other rules that gave another year: shown as an uncertainty in the review. */
  conflicts: Localized[];
}

export interface StoryClues {
  agreements: readonly AgreementMention[];
  anniversaries: readonly AnniversaryMention[];
  dates: readonly DateMention[];
  /** Years printed anywhere on the page's readable parts, for the weekday rule's window. */
  pageYears: readonly number[];
  /** The day of ingestion (YYYY-MM-DD): a weekday rule picks the latest matching year not after it. */
  today: string;
}

const VI_WEEKDAYS = ["", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"];
const EN_WEEKDAYS = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** Infers the year of a day printed without one (`day`), from what its own story says. */
export function inferYear(day: DateMention, clues: StoryClues): YearInference | undefined {
  const found: { year: number; reason: Localized }[] = [];
  const printed = `“${day.text}”`;
  const period = clues.agreements.find((a) => a.period && a.signed && !a.reviewed)?.period;
  if (period) {
    found.push({
      year: period.from,
      reason: {
        vi: `Bài chỉ ghi ${printed}; năm ${period.from} suy ra từ giai đoạn ${period.text.replace(/^giai đoạn\s+/iu, "")} của văn bản được ký.`,
        en: `The article only says ${printed}; ${period.from} is inferred from the ${period.from}–${period.to} period of the document signed.`,
      },
    });
  }
  // Only an anniversary the event marks ("nhân dịp Kỷ niệm 60 năm …", "to mark the 60th …") dates it.
  const anniversary = clues.anniversaries.find((a) => a.year !== undefined && a.anniversary && a.occasion);
  if (anniversary?.year && anniversary.anniversary) {
    const base = anniversary.anniversary.date.slice(0, 4);
    found.push({
      year: anniversary.year,
      reason: {
        vi: `Bài chỉ ghi ${printed}; năm ${anniversary.year} suy ra từ dịp “${anniversary.text}” (${base} + ${anniversary.ordinal}).`,
        en: `The article only says ${printed}; ${anniversary.year} is inferred from the occasion “${anniversary.text}” (${base} + ${anniversary.ordinal}).`,
      },
    });
  }
  const years = [...new Set(clues.dates.filter((d) => d.kind === "year" && d.lead === "năm").map((d) => d.year ?? 0))];
  if (years.length === 2 && Math.abs((years[0] ?? 0) - (years[1] ?? 0)) === 1) {
    const [past, next] = [Math.min(...years), Math.max(...years)];
    found.push({
      year: next,
      reason: {
        vi: `Bài chỉ ghi ${printed}; năm ${next} suy ra vì bài nhắc “năm ${past}” (năm vừa qua) và “năm ${next}” (năm tới).`,
        en: `The article only says ${printed}; ${next} is inferred because it reviews “năm ${past}” (the past year) and looks ahead to “năm ${next}”.`,
      },
    });
  }
  if (day.weekday && day.day && day.month) {
    const todayYear = Number(clues.today.slice(0, 4));
    const window = clues.pageYears.length
      ? [Math.min(...clues.pageYears) - 1, Math.min(todayYear, Math.max(...clues.pageYears) + 1)]
      : [todayYear - 15, todayYear];
    for (let y = window[1] ?? todayYear; y >= (window[0] ?? todayYear - 15); y--) {
      const iso = `${y}-${String(day.month).padStart(2, "0")}-${String(day.day).padStart(2, "0")}`;
      if (iso > clues.today) continue;
      if (isoWeekday(y, day.month, day.day) === day.weekday) {
        found.push({
          year: y,
          reason: {
            vi: `Bài ghi ${printed} không có năm; ${day.day}/${day.month} là ${VI_WEEKDAYS[day.weekday]} vào năm ${y} (năm gần nhất trước ngày nhập bài${clues.pageYears.length ? ", trong khoảng các năm bài nhắc tới" : ""}).`,
            en: `The article prints ${printed} with no year; ${day.day}/${day.month} fell on a ${EN_WEEKDAYS[day.weekday]} in ${y} (the latest such year before the day of ingestion${clues.pageYears.length ? ", within the years the page names" : ""}).`,
          },
        });
        break;
      }
    }
  }
  const first = found[0];
  if (!first) return undefined;
  const agreeing = found.filter((f) => f.year === first.year);
  return {
    year: first.year,
    reason:
      agreeing.length > 1
        ? {
            vi: `${first.reason.vi} Cùng kết quả: ${agreeing
              .slice(1)
              .map((f) => f.reason.vi.replace(/^Bài (chỉ )?ghi [^;]*; /u, ""))
              .join(" ")}`,
            en: `${first.reason.en} Also: ${agreeing
              .slice(1)
              .map((f) => f.reason.en.replace(/^The article (only says|prints) [^;]*; /u, ""))
              .join(" ")}`,
          }
        : first.reason,
    conflicts: found
      .filter((f) => f.year !== first.year)
      .map((f) => both((w, lang) => w.draftNotes.yearConflict(f.year, f.reason[lang]))),
  };
}
