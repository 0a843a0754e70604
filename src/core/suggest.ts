// "Did you mean": the closest names by edit distance on folded text.
import { distance } from "fastest-levenshtein";
import { foldTight } from "./normalize";

/** Close enough to be a typo: about one edit in four letters ("Savanakhett", "Luang Prabanng"). */
export function closeEnough(wantedLength: number, nameLength: number): number {
  return Math.max(2, Math.ceil(Math.max(wantedLength, nameLength) * 0.25));
}

/** How far a folded name is from what was typed (both tight, no spaces): lower is closer. */
export function scoreName(wanted: string, folded: string): number {
  // What was typed is the start of the name (an id cut short, a name half typed): a strong candidate.
  if (wanted.length >= 3 && folded.startsWith(wanted)) return 0;
  const prefix = wanted.startsWith(folded) ? -2 : 0;
  return distance(wanted, folded) + prefix;
}

/** Up to `limit` of `names` closest to `input`, best first; only reasonably close ones. For short lists. */
export function suggestNames(input: string, names: readonly string[], limit: number): string[] {
  const wanted = foldTight(input);
  if (wanted.length === 0) return [];
  return names
    .map((name) => {
      const folded = foldTight(name);
      return { name, score: scoreName(wanted, folded), len: folded.length };
    })
    .filter((c) => c.score <= closeEnough(wanted.length, c.len))
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((c) => c.name);
}
