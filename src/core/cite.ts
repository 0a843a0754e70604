// Numbers citations as a reply is built: the same quote cited twice keeps its number.
import type { Corpus } from "./corpus";
import type { CitationRef, SourceDoc } from "./model";
import type { Citation } from "./reply";

/** What every citation of a source says about it, worked out once per source document. */
interface SourceDetails {
  title: string;
  url: string | undefined;
  outlet: string | undefined;
  published: string | undefined;
  /** A reference table (a segment says so). */
  reference: true | undefined;
}

const sourceDetails = new WeakMap<SourceDoc, SourceDetails>();

function detailsOf(doc: SourceDoc): SourceDetails {
  let details = sourceDetails.get(doc);
  if (details === undefined) {
    details = {
      title: doc.title,
      url: doc.url || undefined,
      outlet: doc.outlet || undefined,
      published: doc.published || undefined,
      reference: doc.segments.some((s) => s.kind === "reference") ? true : undefined,
    };
    sourceDetails.set(doc, details);
  }
  return details;
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
    const details = doc ? detailsOf(doc) : undefined;
    // Every field written, absent ones as undefined: citations share one shape, quicker to make and to read.
    const citation: Citation = {
      n,
      source: ref.source,
      title: details?.title ?? ref.source,
      quote: ref.quote,
      factId,
      url: (ref.url ?? details?.url) || undefined,
      outlet: details?.outlet,
      published: details?.published,
      reference: details?.reference,
    };
    this.list.push(citation);
    quotes.set(ref.quote, n);
    return n;
  }
}
