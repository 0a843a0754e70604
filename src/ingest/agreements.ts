// Agreements named in a text: biên bản hợp tác, thỏa thuận, bản ghi nhớ / MoU, kế hoạch hợp tác, with the period
// printed beside them. A term of office ("nhiệm kỳ 2021-2026") or a span under review ("tổng kết giai đoạn
// 2018 - 2021") is not an agreement period; a document under review is an older one, not a new signing.
import type { DateMention } from "./dates";
import { foldKeepingPositions } from "./gazetteer";

export interface DocType {
  vi: string;
  en: string;
}

export interface AgreementMention {
  text: string;
  start: number;
  end: number;
  docType: DocType;
  period?: { from: number; to: number; text: string };
  /** Signed in this sentence (ký, ký kết, signed). */
  signed: boolean;
  /** Reviewed or evaluated (tổng kết, sơ kết, đánh giá …): an older document, not a new one. */
  reviewed: boolean;
  level: "province" | "district" | "ministry" | "unknown";
}

/** Folded patterns, most specific first. */
const DOC_TYPES: [RegExp, DocType][] = [
  [/bien ban hop tac toan dien/, { vi: "Biên bản hợp tác toàn diện", en: "Comprehensive cooperation minutes" }],
  [/bien ban thoa thuan hop tac/, { vi: "Biên bản thỏa thuận hợp tác", en: "Cooperation agreement minutes" }],
  [
    /(?:bien )?ban ghi nho(?: hop tac)?|memorandum of understanding|\bmou\b/,
    { vi: "Bản ghi nhớ", en: "Memorandum of understanding" },
  ],
  [/thoa thuan hop tac|cooperation agreement/, { vi: "Thỏa thuận hợp tác", en: "Cooperation agreement" }],
  [/bien ban hop tac|cooperation minutes/, { vi: "Biên bản hợp tác", en: "Cooperation minutes" }],
  [/bien ban (?:hoi dam|lam viec)|minutes of (?:the )?talks/, { vi: "Biên bản hội đàm", en: "Minutes of talks" }],
  [/ke hoach hop tac|cooperation plan/, { vi: "Kế hoạch hợp tác", en: "Cooperation plan" }],
  [/\bthoa thuan\b|\bagreement\b/, { vi: "Thỏa thuận", en: "Agreement" }],
];

const SIGNED = /(?:^|[^\p{L}])(ký|ky ket|ký kết|signed|sign|signing)(?:[^\p{L}]|$)/iu;
const REVIEW = /(tong ket|so ket|danh gia|nhin lai|ket qua thuc hien|review|reviewed|evaluat)/;
const NOT_A_PERIOD = new Set(["nhiệm kỳ", "khóa", "khoá", "term"]);

export function findAgreements(text: string, dates: readonly DateMention[]): AgreementMention[] {
  const folded = foldKeepingPositions(text).replace(/\s/g, " ");
  const out: AgreementMention[] = [];
  const taken: boolean[] = new Array(text.length).fill(false);
  for (const [re, docType] of DOC_TYPES) {
    for (const m of folded.matchAll(new RegExp(re.source, "g"))) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (taken.slice(start, end).some(Boolean)) continue;
      for (let i = start; i < end; i++) taken[i] = true;
      // The period printed right after the document's name ("… giai đoạn 2022 – 2024").
      const range = dates.find(
        (d) =>
          d.kind === "range" &&
          d.start >= end &&
          d.start - end <= 60 &&
          !d.month &&
          !NOT_A_PERIOD.has(d.lead ?? "") &&
          !/[.;]/.test(text.slice(end, d.start)),
      );
      // Reviewed when a review word comes before it with no signing between: "tổng kết X … và ký kết Y" signs Y.
      const before = folded.slice(Math.max(0, start - 60), start);
      const review = REVIEW.exec(before);
      const reviewed = !!review && !/(^|[^a-z])(ky|ky ket|sign|signed)([^a-z]|$)/.test(before.slice(review.index));
      const around = folded.slice(Math.max(0, start - 80), Math.min(folded.length, end + 120));
      const level = /\bhuyen\b|district/.test(around)
        ? "district"
        : /\btinh\b|province/.test(around)
          ? "province"
          : /\bbo\b|ministry/.test(around)
            ? "ministry"
            : "unknown";
      out.push({
        text: text.slice(start, end),
        start,
        end,
        docType,
        ...(range?.until && !reviewed
          ? { period: { from: range.year ?? 0, to: range.until.year, text: range.text } }
          : {}),
        signed: SIGNED.test(text),
        reviewed,
        level,
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
