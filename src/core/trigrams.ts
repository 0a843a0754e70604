// A word's trigrams with its edges marked, the unit of fuzzy matching over a vocabulary (search, questions, and typo candidates among names).

export function trigramSet(term: string): Set<string> {
  const padded = `\u0001${term}\u0001`;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}
