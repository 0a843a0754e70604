// Places named in a text, found through the corpus's province and place names and aliases (Vietnamese with or
// without diacritics, Lao romanisations, English, Lao script, the variants news prints). Matching is done on a
// folded copy of the text that keeps every character's position, so a match points at the exact words quoted.
import type { CorpusData } from "../core/model";

export interface GazetteerEntry {
  id: string;
  kind: "province" | "place";
  /** The province a place lies in (itself for a province). */
  province: string;
  country: "VN" | "LA";
  covered: boolean;
}

export interface PlaceMention {
  entry: GazetteerEntry;
  /** The words as printed. */
  text: string;
  start: number;
  end: number;
}

/** Folds one character: no diacritics, đ→d, lower case; punctuation and dashes become spaces. Length is kept. */
function foldChar(c: string): string {
  if (/[\p{L}\p{N}]/u.test(c)) {
    const base = c.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase();
    return base.length === 1 ? base : (base[0] ?? " ");
  }
  return c === "\n" ? "\n" : " ";
}

/** Folded text with the same length as the input, so positions carry over. */
export function foldKeepingPositions(text: string): string {
  let out = "";
  for (const c of text) {
    // Astral characters are two code units: keep two.
    out += c.length === 2 ? "  " : foldChar(c);
  }
  return out;
}

function foldAlias(alias: string): string {
  return foldKeepingPositions(alias.normalize("NFC")).replace(/\s+/g, " ").trim();
}

const LETTER = /[\p{L}\p{N}]/u;

export class Gazetteer {
  /** Folded alias → entries, longest aliases first when scanning. */
  private readonly aliases: { key: string; entry: GazetteerEntry; latin: boolean }[] = [];
  readonly entries = new Map<string, GazetteerEntry>();

  constructor(data: Pick<CorpusData, "provinces" | "places">) {
    const seen = new Set<string>();
    const add = (entry: GazetteerEntry, names: readonly string[]) => {
      this.entries.set(`${entry.kind}:${entry.id}`, entry);
      for (const name of names) {
        const key = foldAlias(name);
        if (key.length < 3 || seen.has(`${key}|${entry.kind}:${entry.id}`)) continue;
        seen.add(`${key}|${entry.kind}:${entry.id}`);
        this.aliases.push({ key, entry, latin: /^[a-z0-9]/.test(key) });
      }
    };
    for (const p of data.provinces) {
      add({ id: p.id, kind: "province", province: p.id, country: p.country, covered: p.covered }, [
        p.name.vi,
        p.name.en,
        ...p.aliases,
      ]);
    }
    const countryOf = new Map(data.provinces.map((p) => [p.id, p.country] as const));
    for (const p of data.places) {
      add(
        { id: p.id, kind: "place", province: p.province, country: countryOf.get(p.province) ?? "VN", covered: true },
        // "huyện Mộc Châu" is also printed "Mộc Châu".
        [p.name.vi, p.name.vi.replace(/^(huyện|xã|thị xã|phường)\s+/iu, ""), p.name.en, ...p.aliases],
      );
    }
    this.aliases.sort((a, b) => b.key.length - a.key.length);
  }

  /** Every place named in the text; overlapping names keep the longest ("thành phố Sơn La" over "Sơn La"). */
  find(text: string): PlaceMention[] {
    const folded = foldKeepingPositions(text).replace(/\s/g, " ");
    const taken: boolean[] = new Array(text.length).fill(false);
    const out: PlaceMention[] = [];
    for (const { key, entry, latin } of this.aliases) {
      // Spaces in a name match any run of spaces or dashes in the text ("Vông Sỏn - In" / "Sa-vẳn-na-khệt").
      const pattern = new RegExp(key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, " +"), "g");
      for (const m of folded.matchAll(pattern)) {
        const start = m.index ?? 0;
        const end = start + m[0].length;
        if (start > 0 && LETTER.test(text[start - 1] ?? "")) continue;
        if (end < text.length && LETTER.test(text[end] ?? "")) continue;
        // Vietnamese and romanised names are printed with a capital: "cao bằng" or "long an" are words, not places.
        if (latin && !/\p{Lu}/u.test(text.slice(start, end))) continue;
        if (taken.slice(start, end).some(Boolean)) continue;
        for (let i = start; i < end; i++) taken[i] = true;
        out.push({ entry, text: text.slice(start, end), start, end });
      }
    }
    return out.sort((a, b) => a.start - b.start);
  }

  provincesIn(text: string): string[] {
    return [...new Set(this.find(text).map((m) => m.entry.province))];
  }

  /** Whether a text is about Laos: it names the country or a Lao province or place. */
  aboutLaos(text: string): boolean {
    if (
      /(^|[^\p{L}])Lào(?!\s+Cai)([^\p{L}]|$)|\bLaos\b|\bLao (PDR|People|province|government|side|delegation|students|counterparts|National|Party|Embassy)/u.test(
        text,
      )
    ) {
      return true;
    }
    return this.find(text).some((m) => m.entry.country === "LA");
  }
}
