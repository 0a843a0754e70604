// Anniversaries a text mentions ("Kỷ niệm 60 năm Ngày thiết lập quan hệ ngoại giao Việt Nam - Lào",
// "the 60th anniversary of diplomatic relations"), linked to the corpus's anniversary records by their names.
// A link also dates the text: the 60th of 5/9/1962 falls in 2022.
import type { Anniversary } from "../core/model";
import { fold } from "../core/normalize";

export interface AnniversaryMention {
  text: string;
  start: number;
  end: number;
  ordinal: number;
  /** The linked anniversary record, when the name matches one. */
  anniversary?: Anniversary;
  /** The year of this occurrence: the original year plus the ordinal. */
  year?: number;
  /** Whether the text marks it as the occasion ("nhân dịp", "chào mừng", "on the occasion of", "to mark"). */
  occasion: boolean;
}

const OCCASION =
  /(nhân dịp|dịp|chào mừng|hướng tới|on the occasion of|to mark|marking|in celebration of)\s*(?:the\s+)?$/iu;

const STOP = new Set([
  "ngay",
  "viet",
  "nam",
  "lao",
  "va",
  "giua",
  "cua",
  "the",
  "of",
  "and",
  "vietnam",
  "laos",
  "between",
]);

function words(text: string): Set<string> {
  return new Set(
    fold(text)
      .split(" ")
      .filter((w) => w.length > 1 && !STOP.has(w)),
  );
}

/** The anniversary whose name shares most of its words with the text, if most of them are there. */
export function linkAnniversary(name: string, anniversaries: readonly Anniversary[]): Anniversary | undefined {
  const got = words(name);
  let best: { a: Anniversary; score: number } | undefined;
  for (const a of anniversaries) {
    for (const label of [a.name.vi, a.name.en]) {
      const want = words(label);
      if (want.size === 0) continue;
      const score = [...want].filter((w) => got.has(w)).length / want.size;
      if (score >= 0.65 && (!best || score > best.score)) best = { a, score };
    }
  }
  return best?.a;
}

const VI =
  /(?:[Kk]ỷ niệm\s+)?(\d{1,3})\s+năm\s+((?:[Nn]gày\s+)?(?:\p{Lu}|thành lập|thiết lập|ký|chiến thắng)[^,;.:()]*)/gu;
const EN = /(?:the\s+)?(\d{1,3})(?:st|nd|rd|th)\s+anniversary\s+of\s+(?:the\s+)?([^,;.:()]*)/giu;

export function findAnniversaries(text: string, anniversaries: readonly Anniversary[]): AnniversaryMention[] {
  const out: AnniversaryMention[] = [];
  for (const re of [VI, EN]) {
    for (const m of text.matchAll(re)) {
      const ordinal = Number(m[1]);
      const name = (m[2] ?? "").trim();
      const anniversary = linkAnniversary(name, anniversaries);
      const start = m.index ?? 0;
      const end = start + m[0].trimEnd().length;
      out.push({
        text: text.slice(start, end),
        start,
        end,
        ordinal,
        occasion: OCCASION.test(text.slice(Math.max(0, start - 30), start)),
        ...(anniversary ? { anniversary, year: Number(anniversary.date.slice(0, 4)) + ordinal } : {}),
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
