// Words of a question as the ranker reads them: numbers with their scale ("200 triệu" → 200000000), words with and
// without diacritics, domain concepts shared by Vietnamese and English ("tặng" and "give" are one concept), and
// the stop words that carry no content ("bao nhiêu", "what", "did").
import { unmarked } from "./normalize";
import { splitWords } from "./word-scan";

/** Lower case, no combining marks, đ → d: "Tặng" → "tang". Dots and commas are kept (numbers need them). */
export function stripMarks(text: string): string {
  // Words repeat (a language has a few thousand syllables): a word is folded once, not at every occurrence.
  return keptForWord(foldedWords, text, removeMarks);
}
const foldedWords = new Map<string, string>();
const removeMarks = (text: string) => unmarked(text).toLowerCase();

/**
 * V8 gives a substring of this many characters or more as a slice that keeps its whole text alive: a word split
 * from an article and kept as a cache key would keep the article. Only shorter words (nearly all) are kept.
 */
export const SLICED_FROM = 13;

/** `make(word)`, kept in `cache` for a short word (the cache emptied when it holds 100,000). */
function keptForWord<V>(cache: Map<string, V>, word: string, make: (word: string) => V): V {
  if (word.length >= SLICED_FROM) return make(word);
  let value = cache.get(word);
  if (value === undefined) {
    if (cache.size >= 100_000) cache.clear();
    value = make(word);
    cache.set(word, value);
  }
  return value;
}

const SCALES: Record<string, number> = {
  trieu: 1e6,
  million: 1e6,
  millions: 1e6,
  ty: 1e9,
  ti: 1e9,
  billion: 1e9,
  billions: 1e9,
  nghin: 1e3,
  ngan: 1e3,
  thousand: 1e3,
};

/** "15.000" and "15,000" are fifteen thousand; "2,5" and "2.5" are two and a half. */
function parseNumber(raw: string): number {
  if (/^\d{1,3}(?:[.,]\d{3})+$/.test(raw)) return Number(raw.replace(/[.,]/g, ""));
  return Number(raw.replace(",", "."));
}

const HAS_DIGIT = /\d/;
const NUMBER = /(\d+(?:[.,]\d+)*)(?:\s*([a-z]+))?/g;

/** The numbers of a text, each as its tokens: "n200000000" for "200 triệu", with "n200" so a bare "200" finds it. */
export function numberGroups(text: string): string[][] {
  // Folding a text without a digit cannot give one: most texts are not folded here at all.
  if (!HAS_DIGIT.test(text)) return [];
  return numberGroupsUnfolded(text) ?? numberGroupsFolded(text);
}

/** What a number and the word after it ("200", "triệu") give. */
function numberGroup(digits: string, word: string | undefined): string[] | undefined {
  const value = parseNumber(digits);
  if (!Number.isFinite(value)) return undefined;
  const scale = SCALES[word ?? ""];
  const group: string[] = [];
  // Single digits alone ("2 máy thở", "01 dự án") are too common to tell facts apart.
  if (value >= 10 || scale) group.push(`n${value}`);
  if (scale) group.push(`n${value * scale}`);
  return group.length > 0 ? group : undefined;
}

/** `numberGroups` by matching the folded text: the definition, and the way for a text the other cannot read. */
export function numberGroupsFolded(text: string): string[][] {
  const out: string[][] = [];
  for (const m of stripMarks(text).matchAll(NUMBER)) {
    const group = numberGroup(m[1] ?? "", m[2]);
    if (group) out.push(group);
  }
  return out;
}

/** Per UTF-16 code unit, what folding makes of it on its own (filled when first asked). */
const foldedUnits: (string | undefined)[] = [];
function foldedUnit(unit: number): string {
  let folded = foldedUnits[unit];
  if (folded === undefined) {
    folded = removeMarks(String.fromCharCode(unit));
    foldedUnits[unit] = folded;
  }
  return folded;
}
const isSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdfff;
const LETTERS = /^[a-z]*/;
const DIGITS = /\d+(?:[.,]\d+)*/g;
const SPACE = /\s/;

/**
 * `numberGroupsFolded` without folding the whole text: numbers are found in the text as it is, and only the word
 * after each is folded, a code unit at a time (folding the whole of every text was half a second at ×1000).
 * Folding leaves digits, dots, commas and white space as they are and maps every other code unit on its own,
 * except a combining mark (dropped, so it could join what it stands between) and a surrogate (an astral mark
 * would be dropped too): where one of those stands next to a number or inside the word after it, undefined.
 */
function numberGroupsUnfolded(text: string): string[][] | undefined {
  const out: string[][] = [];
  const length = text.length;
  const unsure = (at: number) => {
    if (at >= length) return false;
    const unit = text.charCodeAt(at);
    return isSurrogate(unit) || foldedUnit(unit) === "";
  };
  DIGITS.lastIndex = 0;
  for (let m = DIGITS.exec(text); m; m = DIGITS.exec(text)) {
    const digits = m[0];
    let at = DIGITS.lastIndex;
    if (unsure(at) || ((text[at] === "." || text[at] === ",") && unsure(at + 1))) return undefined;
    while (at < length && SPACE.test(text[at] as string)) at++;
    if (unsure(at)) return undefined;
    let word = "";
    for (; at < length; at++) {
      const unit = text.charCodeAt(at);
      if (isSurrogate(unit)) return undefined;
      const folded = foldedUnit(unit);
      if (folded === "") return undefined;
      const letters = (LETTERS.exec(folded) as RegExpExecArray)[0];
      word += letters;
      if (letters.length < folded.length) break;
    }
    // As the folded match: the word, when there is one, is part of the match (the next number starts after it).
    if (word.length > 0) DIGITS.lastIndex = at;
    const group = numberGroup(digits, word.length > 0 ? word : undefined);
    if (group) out.push(group);
  }
  return out;
}

/**
 * Concepts of the domain, each a list of phrases in Vietnamese (with diacritics) and English. A phrase is
 * matched as whole words; a question typed without diacritics is matched against the folded phrases.
 */
const CONCEPTS: Record<string, readonly string[]> = {
  give: [
    "tặng",
    "trao tặng",
    "trao",
    "biếu",
    "give",
    "gives",
    "gave",
    "given",
    "gift",
    "gifts",
    "donate",
    "donated",
    "presented",
  ],
  receive: ["nhận", "tiếp nhận", "nhận được", "receive", "received", "receives", "got", "get"],
  support: [
    "hỗ trợ",
    "viện trợ",
    "giúp",
    "giúp đỡ",
    "support",
    "supported",
    "aid",
    "help",
    "helped",
    "assist",
    "assistance",
  ],
  sign: ["ký", "ký kết", "lễ ký", "sign", "signs", "signed", "signing"],
  money: ["tiền", "tiền mặt", "vnđ", "đồng", "kinh phí", "money", "cash", "vnd", "dong", "funds"],
  mask: ["khẩu trang", "mask", "masks"],
  ventilator: ["máy thở", "ventilator", "ventilators"],
  sanitiser: ["sát khuẩn", "dung dịch sát khuẩn", "sanitiser", "sanitizer"],
  covid: ["covid", "dịch", "đại dịch", "pandemic", "epidemic"],
  student: ["học sinh", "lưu học sinh", "sinh viên", "học viên", "student", "students", "trainees"],
  scholarship: ["học bổng", "scholarship", "scholarships"],
  training: ["đào tạo", "tập huấn", "khóa đào tạo", "training", "train", "trained", "course", "courses"],
  delegation: ["đoàn", "đoàn công tác", "đoàn đại biểu", "delegation", "delegations"],
  visit: ["thăm", "sang thăm", "chúc tết", "visit", "visits", "visited", "visiting"],
  tet: ["tết", "chúc tết", "tet", "lunar new year"],
  talks: ["hội đàm", "talks", "met", "meeting"],
  agreement: ["biên bản", "thỏa thuận", "văn bản", "agreement", "agreements", "minutes", "memorandum", "mou"],
  anniversary: ["kỷ niệm", "anniversary", "anniversaries"],
  medal: ["kỷ niệm chương", "huy chương", "medal", "medals"],
  infrastructure: ["hạ tầng", "cơ sở hạ tầng", "công trình", "infrastructure"],
  project: ["dự án", "project", "projects"],
  border: ["biên giới", "mốc", "cột mốc", "border", "marker"],
  defence: ["quốc phòng", "quân đội", "quân sự", "defence", "defense", "military", "army"],
  health: ["khám chữa bệnh", "bệnh viện", "y tế", "hospital", "hospitals", "health", "medical", "treatment"],
  exchange: ["giao lưu", "exchange", "exchanges"],
  performance: ["văn nghệ", "tiết mục", "biểu diễn", "performance", "performances", "performed", "songs"],
  trade: ["thương mại", "đầu tư", "hội chợ", "trade", "investment", "fair", "fairs"],
  agriculture: ["nông nghiệp", "trồng trọt", "chăn nuôi", "agriculture", "farming", "crops", "livestock"],
  inspection: ["kiểm tra", "khảo sát", "inspect", "inspects", "inspected", "inspection"],
  party: ["xây dựng đảng", "tổ chức đảng", "đảng", "party"],
  council: ["hđnd", "hội đồng nhân dân", "council"],
  tree: ["trồng cây", "tree", "trees"],
  when: ["khi nào", "ngày nào", "năm nào", "bao giờ", "when", "date"],
  who: ["ai", "người nào", "who", "whom"],
  howMany: ["bao nhiêu", "mấy", "how many", "how much"],
};

/** Concepts a question's concept also reaches, weaker: a gift is a kind of support and the reverse. */
export const RELATED: Readonly<Record<string, readonly string[]>> = {
  give: ["support", "receive"],
  support: ["give", "receive"],
  receive: ["give", "support"],
  visit: ["delegation"],
  delegation: ["visit"],
  student: ["training"],
  scholarship: ["training", "student"],
};

/** Concepts that say what kind of answer is wanted rather than what it is about. */
export const INTENT_CONCEPTS = new Set(["when", "who", "howMany"]);

/** A text's words: NFC, lower case, split on everything but letters and digits. */
export function words(text: string): string[] {
  return splitWords(text.normalize("NFC").toLowerCase());
}

const exactPhrases = new Map<string, string>();
const foldedPhrases = new Map<string, string>();
for (const [concept, phrases] of Object.entries(CONCEPTS)) {
  for (const phrase of phrases) {
    const key = words(phrase).join(" ");
    exactPhrases.set(key, concept);
    foldedPhrases.set(stripMarks(key), concept);
  }
}

/** Every phrase (its words joined by one space) and its concept, as typed or folded. */
export const phraseTable = (folded: boolean): ReadonlyMap<string, string> => (folded ? foldedPhrases : exactPhrases);

/** A phrase as its words, and the concept it names. */
interface Phrase {
  words: readonly string[];
  concept: string;
}

/**
 * The phrases of a table by their first word, longest first: a concept is looked for only where a phrase can
 * start, and a phrase is compared word by word (no string joined per try).
 */
function phrasesByFirstWord(table: ReadonlyMap<string, string>): Map<string, Phrase[]> {
  const out = new Map<string, Phrase[]>();
  for (const [key, concept] of table) {
    const ws = key.split(" ");
    const list = out.get(ws[0] as string) ?? [];
    list.push({ words: ws, concept });
    out.set(ws[0] as string, list);
  }
  for (const list of out.values()) list.sort((a, b) => b.words.length - a.words.length);
  return out;
}
const exactByFirst = phrasesByFirstWord(exactPhrases);
const foldedByFirst = phrasesByFirstWord(foldedPhrases);

/** The concepts a text names, longest phrase first ("kỷ niệm chương" is a medal, not an anniversary), with the
 *  folded words each one spans. */
export function conceptsOf(text: string, folded: boolean): { concept: string; words: string[] }[] {
  return conceptsIn(words(text), folded);
}

/** `conceptsOf` over a text's words (as `words` gives them). */
function conceptsIn(textWords: readonly string[], folded: boolean): { concept: string; words: string[] }[] {
  const ws = folded ? textWords.map(stripMarks) : textWords;
  const out: { concept: string; words: string[] }[] = [];
  for (let i = 0; i < ws.length; ) {
    const found = conceptAt(ws, i, folded);
    if (found) out.push({ concept: found.concept, words: ws.slice(i, i + found.length).map(stripMarks) });
    i += found?.length ?? 1;
  }
  return out;
}

/** The concept of the longest phrase starting at word `i`, and how many words it spans. */
function conceptAt(ws: readonly string[], i: number, folded: boolean): { concept: string; length: number } | undefined {
  const phrases = (folded ? foldedByFirst : exactByFirst).get(ws[i] as string);
  if (!phrases) return undefined;
  for (const { words: phrase, concept } of phrases) {
    if (phrase.length > ws.length - i) continue;
    let k = 1;
    while (k < phrase.length && phrase[k] === ws[i + k]) k++;
    if (k === phrase.length) return { concept, length: k };
  }
  return undefined;
}

/** Whether a concept's phrase can start with this word (as `words` gives it, not folded). */
export const startsConcept = (word: string): boolean => exactByFirst.has(word);

/**
 * The concepts of a text's words (as `words` gives them) as `documentTokens` gives them, looking only at the
 * positions `starts` (ascending) where `startsConcept` holds: a caller that has already asked each word spares
 * every other word the question.
 */
export function conceptTokensAt(ws: readonly string[], starts: ArrayLike<number>, count: number): string[] {
  const out: string[] = [];
  let next = 0;
  for (let s = 0; s < count; s++) {
    const i = starts[s] as number;
    if (i < next) continue;
    const found = conceptAt(ws, i, false);
    next = i + (found?.length ?? 1);
    if (found) out.push(`c:${found.concept}`);
  }
  return out;
}

const STOP = new Set(
  [
    // Vietnamese (folded): question words and particles that every sentence has.
    "bao nhieu gi nao ai dau sao the nhu vay la cua cho va voi cac nhung mot da duoc co khong tai trong ve nay do ay thi ma hay hoac tu den khi a nhi chua roi o ra vao len nhe tinh tinh thanh nuoc viet nam lao hai ben phia",
    // English.
    "the a an of to in on for did do does done what which who whom how much many when where is are was were be been and or with by from at about during into than that this those these it its their there any some tell me show us please happen happened happens su kien event events may province provinces vietnam laos lao vietnamese",
  ]
    .join(" ")
    .split(" "),
);

/** Words left after dropping stop words and question words: each one alone can find a fact (OR). */
export function contentWords(text: string): { word: string; folded: string }[] {
  return words(text)
    .map((word) => ({ word, folded: stripMarks(word) }))
    .filter(({ folded }) => !STOP.has(folded) && !/^\d/.test(folded));
}

/** An English plural's singular ("students" → "student"), so either form finds the other. */
export function singular(word: string): string | undefined {
  return /^[a-z]{4,}s$/.test(word) && !word.endsWith("ss") ? word.slice(0, -1) : undefined;
}

/** A word's own tokens: folded, exact when folding changed it, singular. */
export function wordTokens(word: string): readonly string[] {
  // A corpus uses a few thousand distinct words millions of times: each one's tokens are made once.
  return keptForWord(tokensOfWord, word, tokensOf);
}

function tokensOf(word: string): string[] {
  const folded = stripMarks(word);
  const made = [folded];
  if (folded !== word) made.push(`=${word}`);
  const one = singular(folded);
  if (one) made.push(one);
  return made;
}
const tokensOfWord = new Map<string, readonly string[]>();

/** Every searchable token of a stored text: folded words, exact words ("=tặng"), concepts, numbers. */
export function documentTokens(text: string): string[] {
  const out: string[] = [];
  const textWords = words(text);
  for (const w of textWords) {
    for (const token of wordTokens(w)) out.push(token);
  }
  for (const c of conceptsIn(textWords, false)) out.push(`c:${c.concept}`);
  out.push(...numberGroups(text).flat());
  return out;
}

/** The word tables and the tokenizer, as text: part of the question index's code fingerprint. */
export function questionWordsCode(): string {
  const tables = JSON.stringify({ CONCEPTS, RELATED, SCALES, STOP: [...STOP], INTENT: [...INTENT_CONCEPTS] });
  return [
    tables,
    ...[
      documentTokens,
      wordTokens,
      keptForWord,
      tokensOf,
      conceptsOf,
      conceptsIn,
      conceptAt,
      phrasesByFirstWord,
      conceptTokensAt,
      startsConcept,
      numberGroups,
      numberGroup,
      numberGroupsFolded,
      numberGroupsUnfolded,
      foldedUnit,
      splitWords,
      contentWords,
      singular,
      stripMarks,
      removeMarks,
      words,
      parseNumber,
    ].map(String),
  ].join("\n");
}
