// Numbers citations as a reply is built: the same quote cited twice keeps its number.
import type { Corpus } from "./corpus";
import type { CitationRef, SourceDoc } from "./model";
import type { Citation } from "./reply";

/** Whether a source is a reference table (a segment says so), once per source document. */
const referenceSources = new WeakMap<SourceDoc, boolean>();

function isReference(doc: SourceDoc): boolean {
  let reference = referenceSources.get(doc);
  if (reference === undefined) {
    reference = doc.segments.some((s) => s.kind === "reference");
    referenceSources.set(doc, reference);
  }
  return reference;
}

export class Citer {
  readonly list: Citation[] = [];
  /** Numbers given so far, by source and then by quote (no key string built per citation). */
  private readonly seen = new Map<string, Map<string, number>>();

  constructor(private readonly corpus: Corpus) {}

  /** Registers a fact's sources and returns their citation numbers. */
  cite(factId: string, refs: readonly CitationRef[]): number[] {
    const numbers: number[] = [];
    for (const ref of refs) numbers.push(this.number(factId, ref));
    return numbers;
  }

  private number(factId: string, ref: CitationRef): number {
    let quotes = this.seen.get(ref.source);
    if (quotes === undefined) {
      quotes = new Map();
      this.seen.set(ref.source, quotes);
    }
    const known = quotes.get(ref.quote);
    if (known !== undefined) return known;
    const n = this.list.length + 1;
    const doc = this.corpus.sourceByFile.get(ref.source);
    const citation: Citation = { n, source: ref.source, title: doc?.title ?? ref.source, quote: ref.quote, factId };
    const url = ref.url ?? doc?.url;
    if (url) citation.url = url;
    if (doc?.outlet) citation.outlet = doc.outlet;
    if (doc?.published) citation.published = doc.published;
    if (doc && isReference(doc)) citation.reference = true;
    this.list.push(citation);
    quotes.set(ref.quote, n);
    return n;
  }
}
