// Text written from a corpus record, kept with the record: a record belongs to one corpus version and never
// changes, so what an answer says about it (names looked up, dates and amounts written out) is the same in every
// answer in that language. Kept per record object (gone with its corpus) and per corpus (a record shared by two
// corpora, as the benchmark's scanning copy shares them, is written anew from each one's own lookups).
import type { Corpus } from "./corpus";
import type { Lang } from "./i18n";

interface Written<V> {
  corpus: Corpus;
  vi?: V;
  en?: V;
}

export class RecordMemo<R extends object, V> {
  private readonly written = new WeakMap<R, Written<V>>();

  /** `write` is a plain function (not a closure made per call) so a hit allocates nothing. */
  constructor(private readonly write: (corpus: Corpus, record: R, lang: Lang) => V) {}

  get(corpus: Corpus, record: R, lang: Lang): V {
    let entry = this.written.get(record);
    if (entry === undefined || entry.corpus !== corpus) {
      entry = { corpus };
      this.written.set(record, entry);
    }
    let value = entry[lang];
    if (value === undefined) {
      value = this.write(corpus, record, lang);
      entry[lang] = value;
    }
    return value;
  }
}
