// Province names as people type them: folded (no diacritics, case, spaces, hyphens) and matched against
// names and aliases; a district or site resolves to its province; ambiguity is reported, not guessed;
// an unknown name gets the closest candidates.
import type { Corpus } from "./corpus";
import type { Place, Province } from "./model";
import { fold } from "./normalize";

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

/** `suggest: false` skips the typo candidates of an unknown name (for callers that only want a match). */
export function resolveProvince(corpus: Corpus, input: string, { suggest = true } = {}): Resolution {
  const spaced = stripProvinceWords(input);
  const tight = spaced.replace(/ /g, "");
  if (!tight) return { kind: "unknown", suggestions: [] };
  // A country is not a province: say so and list the provinces the corpus has for it.
  const country = COUNTRY_WORDS[tight];
  if (country) {
    return { kind: "country", country, provinces: corpus.index.coveredByCountry.get(country) ?? [] };
  }
  const exact = corpus.provinceAlias.get(spaced) ?? corpus.provinceAlias.get(tight);
  if (exact) {
    const found = provinces(corpus, exact);
    if (found.length === 1 && found[0]) return { kind: "found", province: found[0] };
    if (found.length > 1) return { kind: "ambiguous", candidates: found };
  }
  const place = corpus.index.placeNamed(spaced, tight);
  const placeProvince = place ? corpus.province(place.province) : undefined;
  if (place && placeProvince) return { kind: "found", province: placeProvince, via: place };
  // A whole-word prefix ("son" → "son la", "luang" → "luang prabang" / "luang namtha") is a match; a partial
  // word is not: "xieng kho" must not become "xieng khouang" (Xiềng Khọ is a district of another province).
  if (spaced.length >= 3) {
    const prefixed = corpus.index.provincesWithPrefix(spaced);
    // When a province matches, a district that matches too makes it ambiguous: "xieng" may mean Xiêng Khoảng
    // or Xiềng Khọ (Houaphanh). A place alone never matches by prefix ("lao" is not Lao Bảo's Quảng Trị).
    if (prefixed.size > 0) {
      for (const id of corpus.index.placeProvincesWithPrefix(spaced)) prefixed.add(id);
    }
    const found = provinces(corpus, prefixed);
    if (found.length === 1 && found[0]) return { kind: "found", province: found[0] };
    if (found.length > 1) return { kind: "ambiguous", candidates: found };
  }
  if (!suggest) return { kind: "unknown", suggestions: [] };
  // Typo candidates come from the name index, scored as suggestNames does; ids in the order of the best name.
  const close = corpus.index.provinceNames.suggest(spaced, 12);
  return {
    kind: "unknown",
    suggestions: provinces(
      corpus,
      close.map((alias) => lastId(corpus.provinceAlias.get(alias))),
    ).slice(0, 3),
  };
}

/** The province an alias was last seen for (as a map from alias to id, built in file order, would give). */
function lastId(ids: readonly string[] | undefined): string {
  return ids?.at(-1) ?? "";
}
