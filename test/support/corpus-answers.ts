// What a corpus's indexes answer for a spread of lookups: two corpora that answer alike were built alike
// (a sliced build and one at once, a restored snapshot and a fresh build).
import type { Corpus } from "../../src/core/corpus";
import { fold } from "../../src/core/normalize";
import { answerQuestion } from "../../src/core/question";

export function answers(corpus: Corpus) {
  const names = [...corpus.provinceAlias.keys()];
  return {
    prefixes: ["luang", "xieng", "son", "savan", "bo", "vieng"].map((w) => [...corpus.index.provincesWithPrefix(w)]),
    places: ["moc", "phon", "nam"].map((w) => [...corpus.index.placeProvincesWithPrefix(w)]),
    suggestions: ["luang prabanng", "savanakhett", "xieng khuang", "son laa", "bokeo"].map((w) =>
      corpus.index.provinceNames.suggest(fold(w), 5),
    ),
    search: ["khau trang", "hoc sinh", "hợp tác", "Luông Pha Bang"].map((q) =>
      corpus.search
        .search(q)
        .slice(0, 20)
        .map((d) => d.id),
    ),
    anniversaries: corpus.index.anniversariesWithin("2026-01-01", 366).map((h) => h.anniversary.id),
    questions: ["Sơn La tặng Xiêng Khoảng bao nhiêu tiền?", "how many masks did Luang Prabang receive", "hoc bong"].map(
      (q) => answerQuestion(corpus, q).facts.map((f) => `${f.fact.id} ${f.score}`),
    ),
    aliases: names.length,
  };
}
