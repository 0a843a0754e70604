// Amounts and counts with their units: "5 tỉ VNĐ", "5 tỷ đồng", "200 triệu VNĐ", "VND 9 billion", "90 suất học
// bổng", "78 lưu học sinh", "15.000 khẩu trang" (Vietnamese thousands separators). Only counted nouns from the
// table below are read, so "2 tỉnh", "Trung đoàn 754" or "60 năm" never become amounts.

export interface AmountMention {
  text: string;
  start: number;
  end: number;
  value: number;
  /** The corpus unit code: VND, USD, LAK, scholarship, student, mask, bottle, ventilator, project, course … */
  unit: string;
  /** The counted noun as printed ("khẩu trang y tế"), for the record's wording. */
  noun: string;
}

/** Counted nouns (folded-free, as printed) → unit code; longest first when matching. */
const COUNT_UNITS: [string, string][] = [
  ["suất học bổng", "scholarship"],
  ["học bổng", "scholarship"],
  ["scholarships", "scholarship"],
  ["lưu học sinh", "student"],
  ["học sinh", "student"],
  ["sinh viên", "student"],
  ["học viên", "student"],
  ["students", "student"],
  ["khẩu trang", "mask"],
  ["masks", "mask"],
  ["máy thở", "ventilator"],
  ["ventilators", "ventilator"],
  ["chai", "bottle"],
  ["bottles", "bottle"],
  ["dự án", "project"],
  ["projects", "project"],
  ["khóa đào tạo", "course"],
  ["khóa đạo tạo", "course"],
  ["khoá đào tạo", "course"],
  ["khóa", "course"],
  ["lớp", "course"],
  ["courses", "course"],
  ["đoàn công tác", "delegation"],
  ["đoàn", "delegation"],
  ["delegations", "delegation"],
  ["tấn", "tonne"],
  ["tonnes", "tonne"],
  ["tons", "tonne"],
  ["ngôi nhà", "house"],
  ["căn nhà", "house"],
  ["houses", "house"],
  ["suất quà", "gift"],
  ["phần quà", "gift"],
  ["gifts", "gift"],
  ["bộ máy tính", "computer"],
  ["máy tính", "computer"],
  ["computers", "computer"],
  ["liều vắc xin", "vaccine-dose"],
  ["liều vaccine", "vaccine-dose"],
  ["doses", "vaccine-dose"],
  ["cán bộ", "person"],
  ["người", "person"],
  ["people", "person"],
  ["trees", "tree"],
  ["cây", "tree"],
];

const MULTIPLIER: Record<string, number> = {
  nghìn: 1e3,
  ngàn: 1e3,
  thousand: 1e3,
  triệu: 1e6,
  million: 1e6,
  tỷ: 1e9,
  tỉ: 1e9,
  billion: 1e9,
};

const CURRENCY: Record<string, string> = {
  vnđ: "VND",
  vnd: "VND",
  đồng: "VND",
  "việt nam đồng": "VND",
  usd: "USD",
  "đô la mỹ": "USD",
  us$: "USD",
  $: "USD",
  kíp: "LAK",
  kip: "LAK",
  lak: "LAK",
};

/** "15.000" → 15000, "1,8" → 1.8 (Vietnamese), "1,000" → 1000 and "2.5" → 2.5 (English). */
export function parseNumber(raw: string, english: boolean): number {
  if (english) {
    return Number(raw.replace(/,(?=\d{3}\b)/g, ""));
  }
  if (/^\d{1,3}(\.\d{3})+$/.test(raw)) return Number(raw.replace(/\./g, ""));
  return Number(raw.replace(/\./g, "").replace(",", "."));
}

const NUMBER = "(\\d{1,3}(?:[.,]\\d{3})+|\\d+(?:[.,]\\d+)?)";
const MULT = "(nghìn|ngàn|triệu|tỷ|tỉ|thousand|million|billion)";
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const CURRENCY_WORDS = Object.keys(CURRENCY)
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join("|");
const NOUNS = COUNT_UNITS.map(([n]) => n)
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join("|");

const MONEY = new RegExp(`${NUMBER}\\s*${MULT}?\\s*(${CURRENCY_WORDS})(?![\\p{L}])`, "giu");
/** "VND 9 billion", "US$ 1.5 million" */
const MONEY_BEFORE = new RegExp(`(VND|USD|US\\$|\\$|LAK)\\s?${NUMBER}\\s*${MULT}?`, "gu");
const COUNT = new RegExp(`(?<![\\p{L}\\d.,/])${NUMBER}\\s+(${NOUNS})(?![\\p{L}])`, "giu");

export function findAmounts(text: string, english = false): AmountMention[] {
  const out: AmountMention[] = [];
  const taken: boolean[] = new Array(text.length).fill(false);
  const push = (start: number, end: number, value: number, unit: string, noun: string) => {
    if (!Number.isFinite(value) || taken.slice(start, end).some(Boolean)) return;
    for (let i = start; i < end; i++) taken[i] = true;
    out.push({ text: text.slice(start, end), start, end, value: Math.round(value * 100) / 100, unit, noun });
  };
  for (const m of text.matchAll(MONEY)) {
    const mult = MULTIPLIER[(m[2] ?? "").toLowerCase()] ?? 1;
    const unit = CURRENCY[(m[3] ?? "").toLowerCase()] ?? "VND";
    // "đồng" alone is also "together"/"bronze": ask for a multiplier or a thousands separator.
    if ((m[3] ?? "").toLowerCase() === "đồng" && !m[2] && !/[.,]\d{3}/.test(m[1] ?? "")) continue;
    const start = m.index ?? 0;
    push(start, start + m[0].length, parseNumber(m[1] ?? "", english) * mult, unit, m[3] ?? "");
  }
  for (const m of text.matchAll(MONEY_BEFORE)) {
    const mult = MULTIPLIER[(m[3] ?? "").toLowerCase()] ?? 1;
    const code = (m[1] ?? "").toUpperCase();
    const start = m.index ?? 0;
    push(
      start,
      start + m[0].length,
      parseNumber(m[2] ?? "", true) * mult,
      code === "VND" || code === "LAK" ? code : "USD",
      code,
    );
  }
  for (const m of text.matchAll(COUNT)) {
    const noun = m[2] ?? "";
    const unit = COUNT_UNITS.find(([n]) => n === noun.toLowerCase())?.[1];
    if (!unit) continue;
    const start = m.index ?? 0;
    // The noun phrase as printed, up to a comma or a joining word, for the figure's wording.
    const tail =
      /^[^,;.:()]*?(?=\s+(?:và|cho|của|từ|để|sang|với|trị giá|phục vụ|and|for|to|from|worth)(?![\p{L}])|[,;.:()]|$)/u.exec(
        text.slice(start + m[0].length),
      );
    const words = `${noun}${tail?.[0] ?? ""}`.trim();
    push(start, start + m[0].length, parseNumber(m[1] ?? "", english), unit, words.split(/\s+/).slice(0, 5).join(" "));
  }
  return out.sort((a, b) => a.start - b.start);
}
