// Counts the tokens of a question-index document's field (`documentTokens`' tokens, in the same order) as term ids
// of a vocabulary that grows as new tokens appear. Each distinct word's term ids are worked out once per build, so
// the six million words of the benchmark's ×1000 are one Map lookup each, with no token string made or counted
// per word: the question index's build spent half its time making and counting token strings.
import { grown, IntList } from "./int-list";
import { conceptTokensAt, numberGroups, SLICED_FROM, startsConcept, words, wordTokens } from "./question-words";

/** A word's term ids, and whether a concept's phrase can start with it. */
interface WordTerms {
  ids: readonly number[];
  startsConcept: boolean;
}

export class DocumentTerms {
  /** The vocabulary: a term's id is its position. */
  readonly terms: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly byWord = new Map<string, WordTerms>();
  private counts = new Int32Array(1024);
  /** The distinct term ids of the last text counted, first seen first. */
  readonly distinct = new IntList();
  private readonly starts = new IntList();

  /** A term's id, the term added to the vocabulary when new. */
  idOf(term: string): number {
    let t = this.ids.get(term);
    if (t === undefined) {
      t = this.terms.length;
      this.terms.push(term);
      this.ids.set(term, t);
      if (t >= this.counts.length) this.counts = grown(this.counts, 0);
    }
    return t;
  }

  /** Each term's id. */
  get termIds(): ReadonlyMap<string, number> {
    return this.ids;
  }

  /** How often term t occurs in the last text counted. */
  countOf(t: number): number {
    return this.counts[t] as number;
  }

  /** Counts a text's tokens: `distinct` then lists its terms, first seen first, and `countOf` their counts. */
  count(text: string): void {
    const { distinct, starts } = this;
    for (let i = 0; i < distinct.length; i++) this.counts[distinct.array[i] as number] = 0;
    distinct.length = 0;
    starts.length = 0;
    const ws = words(text);
    for (let i = 0; i < ws.length; i++) {
      const word = ws[i] as string;
      const entry = this.termsOf(word);
      for (const t of entry.ids) this.add(t);
      if (entry.startsConcept) starts.push(i);
    }
    if (starts.length > 0) {
      for (const token of conceptTokensAt(ws, starts.array, starts.length)) this.add(this.idOf(token));
    }
    for (const group of numberGroups(text)) for (const token of group) this.add(this.idOf(token));
  }

  private add(t: number): void {
    const { counts } = this;
    if (counts[t] === 0) this.distinct.push(t);
    counts[t] = (counts[t] as number) + 1;
  }

  private termsOf(word: string): WordTerms {
    let entry = this.byWord.get(word);
    if (entry === undefined) {
      entry = { ids: wordTokens(word).map((token) => this.idOf(token)), startsConcept: startsConcept(word) };
      // A longer word is a slice of its text, which it would keep alive as a key for the whole build: its term ids
      // are worked out at each occurrence.
      if (word.length < SLICED_FROM) this.byWord.set(word, entry);
    }
    return entry;
  }
}
