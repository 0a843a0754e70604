// Numbers citations as a reply is built: the same quote cited twice keeps its number.
import type { Corpus } from "./corpus";
import type { CitationRef } from "./model";
import type { Citation } from "./reply";

export class Citer {
  readonly list: Citation[] = [];
  private readonly seen = new Map<string, number>();

  constructor(private readonly corpus: Corpus) {}

  /** Registers a fact's sources and returns their citation numbers. */
  cite(factId: string, refs: readonly CitationRef[]): number[] {
    return refs.map((ref) => {
      const key = `${ref.source}\u0000${ref.quote}`;
      const known = this.seen.get(key);
      if (known !== undefined) return known;
      const n = this.list.length + 1;
      const citation: Citation = {
        n,
        source: ref.source,
        title: this.corpus.sourceTitle(ref.source),
        quote: ref.quote,
        factId,
      };
      const doc = this.corpus.sourceByFile.get(ref.source);
      const url = ref.url ?? doc?.url;
      if (url) citation.url = url;
      if (doc?.outlet) citation.outlet = doc.outlet;
      if (doc?.published) citation.published = doc.published;
      if (doc?.segments.some((s) => s.kind === "reference")) citation.reference = true;
      this.list.push(citation);
      this.seen.set(key, n);
      return n;
    });
  }
}
