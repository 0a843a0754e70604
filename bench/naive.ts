// The text-scan baseline of a question and /search: the same question answered by a plain linear scan over the
// texts in memory (folded once in advance, as any sensible scan would), measured in the same run. The lookup
// commands are compared with the same command run against bench/scan-corpus.ts instead (same dispatch, same
// rendering, same reply), since a bare scan measured without the rendering the command does made their ratio unfair
// (an indexed /agreements 2022 that renders two agreements looked 4× slower than a scan that rendered nothing).
import { distance } from "fastest-levenshtein";
import type { Corpus } from "../src/core/corpus";
import { fold, foldTight } from "../src/core/normalize";
import { sentences } from "../src/core/search-index";

export class NaiveScan {
  private readonly names: { id: string; province: string; spaced: string; tight: string }[] = [];
  private readonly texts: { ref: string; text: string }[] = [];

  constructor(private readonly corpus: Corpus) {
    const { data } = corpus;
    for (const p of data.provinces) {
      for (const n of [p.name.vi, p.name.en, p.id, ...p.aliases])
        this.names.push({ id: p.id, province: p.id, spaced: fold(n), tight: foldTight(n) });
    }
    for (const p of data.places) {
      for (const n of [p.name.vi, p.name.en, ...p.aliases])
        this.names.push({ id: p.id, province: p.province, spaced: fold(n), tight: foldTight(n) });
    }
    const both = (t: { vi: string; en: string }) => fold(`${t.vi} ${t.en}`);
    for (const e of data.events) this.texts.push({ ref: e.id, text: `${both(e.title)} ${both(e.summary)}` });
    for (const a of data.agreements) {
      this.texts.push({ ref: a.id, text: both(a.title) });
      for (const c of a.clauses) this.texts.push({ ref: a.id, text: both(c.text) });
      for (const c of a.commitments) this.texts.push({ ref: a.id, text: both(c.what) });
    }
    for (const f of data.figures) this.texts.push({ ref: f.id, text: both(f.what) });
    for (const p of data.people) this.texts.push({ ref: p.id, text: fold(p.name) });
    for (const s of data.sources) {
      const text = corpus.texts.get(s.file) ?? "";
      for (const sentence of sentences(text)) this.texts.push({ ref: s.file, text: fold(sentence) });
    }
  }

  resolve(input: string): string | undefined {
    const spaced = fold(input);
    const tight = spaced.replace(/ /g, "");
    return this.names.find((n) => n.spaced === spaced || n.tight === tight)?.province;
  }

  province(input: string): number {
    const id = this.resolve(input);
    if (!id) return 0;
    const { data } = this.corpus;
    const events = data.events.filter((e) => e.provinces.includes(id));
    const eventIds = new Set(events.map((e) => e.id));
    return (
      events.length +
      data.agreements.filter((a) => a.parties.includes(id)).length +
      data.figures.filter((f) => f.from === id || f.to === id).length +
      data.places.filter((p) => p.province === id).length +
      data.people.filter((p) => p.roles.some((r) => eventIds.has(r.at))).length
    );
  }

  suggest(input: string): string[] {
    const wanted = foldTight(input);
    return this.names
      .map((n) => ({ id: n.province, d: distance(wanted, n.tight), len: n.tight.length }))
      .filter((c) => c.d <= Math.max(2, Math.ceil(Math.max(wanted.length, c.len) * 0.25)))
      .sort((a, b) => a.d - b.d)
      .slice(0, 3)
      .map((c) => c.id);
  }

  search(query: string): number {
    const terms = fold(query).split(" ").filter(Boolean);
    let n = 0;
    for (const t of this.texts) if (terms.every((w) => t.text.includes(w))) n++;
    return n;
  }

  /** A question: a province name if one matches, else a typo suggestion and a search. */
  question(line: string): number {
    if (this.resolve(line)) return this.province(line);
    return this.suggest(line).length + this.search(line);
  }
}
