// Province names as people type them: folded (no diacritics, case, spaces, hyphens) and matched against
// names and aliases; a district or site resolves to its province; ambiguity is reported, not guessed;
// an unknown name gets the closest candidates.
import type { Corpus } from "./corpus";
import type { Place, Province } from "./model";
import { fold, foldTight } from "./normalize";
import { suggestNames } from "./suggest";

export type Resolution =
  | { kind: "found"; province: Province; via?: Place }
  | { kind: "country"; country: "VN" | "LA"; provinces: Province[] }
  | { kind: "ambiguous"; candidates: Province[] }
  | { kind: "unknown"; suggestions: Province[] };

const COUNTRY_WORDS: Record<string, "VN" | "LA"> = {
  lao: "LA",
  laos: "LA",
  laopdr: "LA",
  chdcndlao: "LA",
  vietnam: "VN",
  vn: "VN",
};

const NOISE = /^(tinh|province|khoueng|khoeng|the|t\.)\s+|\s+(province|tinh)$/;

/** Removes "tỉnh", "province", "Khoueng" around a name. */
export function stripProvinceWords(input: string): string {
  let s = fold(input);
  for (let i = 0; i < 3 && NOISE.test(s); i++) s = s.replace(NOISE, "").trim();
  return s;
}

function provinces(corpus: Corpus, ids: Iterable<string>): Province[] {
  return [...new Set(ids)].map((id) => corpus.province(id)).filter((p): p is Province => p !== undefined);
}

export function resolveProvince(corpus: Corpus, input: string): Resolution {
  const spaced = stripProvinceWords(input);
  const tight = spaced.replace(/ /g, "");
  if (!tight) return { kind: "unknown", suggestions: [] };
  // A country is not a province: say so and list the provinces the corpus has for it.
  const country = COUNTRY_WORDS[tight];
  if (country) {
    return {
      kind: "country",
      country,
      provinces: corpus.data.provinces.filter((p) => p.country === country && p.covered),
    };
  }
  const exact = corpus.provinceAlias.get(spaced) ?? corpus.provinceAlias.get(tight);
  if (exact) {
    const found = provinces(corpus, exact);
    if (found.length === 1 && found[0]) return { kind: "found", province: found[0] };
    if (found.length > 1) return { kind: "ambiguous", candidates: found };
  }
  const place = corpus.data.places.find((p) =>
    [p.name.vi, p.name.en, ...p.aliases].some((a) => foldTight(a) === tight || fold(a) === spaced),
  );
  const placeProvince = place ? corpus.province(place.province) : undefined;
  if (place && placeProvince) return { kind: "found", province: placeProvince, via: place };
  // A whole-word prefix ("son" → "son la", "luang" → "luang prabang" / "luang namtha") is a match; a partial
  // word is not: "xieng kho" must not become "xieng khouang" (Xiềng Khọ is a district of another province).
  if (spaced.length >= 3) {
    const prefixed = new Set<string>();
    for (const [alias, ids] of corpus.provinceAlias) {
      if (alias.startsWith(`${spaced} `)) for (const id of ids) prefixed.add(id);
    }
    // When a province matches, a district that matches too makes it ambiguous: "xieng" may mean Xiêng Khoảng
    // or Xiềng Khọ (Houaphanh). A place alone never matches by prefix ("lao" is not Lao Bảo's Quảng Trị).
    if (prefixed.size > 0) {
      for (const p of corpus.data.places) {
        if ([p.name.vi, p.name.en, ...p.aliases].some((a) => fold(a).startsWith(`${spaced} `)))
          prefixed.add(p.province);
      }
    }
    const found = provinces(corpus, prefixed);
    if (found.length === 1 && found[0]) return { kind: "found", province: found[0] };
    if (found.length > 1) return { kind: "ambiguous", candidates: found };
  }
  const aliasToId = new Map<string, string>();
  for (const [alias, ids] of corpus.provinceAlias) for (const id of ids) aliasToId.set(alias, id);
  const close = suggestNames(spaced, [...aliasToId.keys()], 12);
  return {
    kind: "unknown",
    suggestions: provinces(
      corpus,
      close.map((a) => aliasToId.get(a) ?? ""),
    ).slice(0, 3),
  };
}
