// "Did you mean": the closest names by edit distance on folded text.
import { distance } from "fastest-levenshtein";
import { foldTight } from "./normalize";

/** Up to `limit` of `names` closest to `input`, best first; only reasonably close ones. */
export function suggestNames(input: string, names: readonly string[], limit: number): string[] {
  const wanted = foldTight(input);
  if (wanted.length === 0) return [];
  return (
    names
      .map((name) => {
        const folded = foldTight(name);
        // What was typed is the start of the name (an id cut short, a name half typed): a strong candidate.
        if (wanted.length >= 3 && folded.startsWith(wanted)) return { name, score: 0, len: folded.length };
        const prefix = wanted.startsWith(folded) ? -2 : 0;
        return { name, score: distance(wanted, folded) + prefix, len: folded.length };
      })
      // Close enough to be a typo: about one edit in four letters ("Savanakhett", "Luang Prabanng").
      .filter((c) => c.score <= Math.max(2, Math.ceil(Math.max(wanted.length, c.len) * 0.25)))
      .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
      .slice(0, limit)
      .map((c) => c.name)
  );
}
