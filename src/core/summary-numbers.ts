// A summary may only state numbers its record's quotes contain: "200 triệu VNĐ" in an event's summary needs a
// quote of that event saying "200 triệu VNĐ". Numbers are compared by value and scale, so "15.000" and
// "15,000", "300 triệu" and "300 million" are the same number. Pure; part of the corpus check on every load.
import { citationsIn } from "./corpus";
import type { CorpusData, Localized } from "./model";
import { numberGroups } from "./question-words";
import type { CorpusError } from "./validate";

/** The numbers of a text that no quote mentions, as written ("200", "15,000"). */
export function numbersMissing(text: string, quotes: readonly string[]): string[] {
  return missingFrom(text, numbersIn(quotes));
}

function numbersIn(quotes: readonly string[]): Set<string> {
  return new Set(quotes.flatMap((q) => numberGroups(q).flat()));
}

function missingFrom(text: string, known: ReadonlySet<string>): string[] {
  // A number is supported if any of its readings is: "200 triệu" as 200 000 000, or just 200.
  return numberGroups(text)
    .filter((group) => !group.some((token) => known.has(token)))
    .map((group) => (group[0] ?? "").slice(1));
}

/** Texts of a record that state facts in their own words, each with the quotes that must back them. */
function statements(
  kind: string,
  record: Record<string, unknown>,
): { path: string; text: Localized; quotes: string[] }[] {
  const quotesOf = (value: unknown) => citationsIn(value).map((c) => c.quote);
  const out: { path: string; text: Localized; quotes: string[] }[] = [];
  if (kind === "events" && record.summary) {
    const quotes = quotesOf(record.sources);
    out.push({ path: "summary", text: record.summary as Localized, quotes });
    if (record.brief) out.push({ path: "brief", text: record.brief as Localized, quotes });
  }
  if (kind === "figures" && record.what) {
    out.push({ path: "what", text: record.what as Localized, quotes: quotesOf(record.sources) });
  }
  if (kind === "agreements") {
    (record.clauses as { text: Localized; sources: unknown }[]).forEach((c, i) => {
      out.push({ path: `clauses[${i}].text`, text: c.text, quotes: quotesOf(c.sources) });
    });
    (record.commitments as { what: Localized; sources: unknown }[]).forEach((c, i) => {
      out.push({ path: `commitments[${i}].what`, text: c.what, quotes: quotesOf(c.sources) });
    });
  }
  return out;
}

const FILES: Record<string, string> = {
  events: "events.yaml",
  figures: "figures.yaml",
  agreements: "agreements.yaml",
};

export function checkSummaryNumbers(data: CorpusData): CorpusError[] {
  const errors: CorpusError[] = [];
  for (const kind of ["events", "figures", "agreements"] as const) {
    data[kind].forEach((record, i) => {
      // The quotes' numbers read once per list of citations (a summary and a brief share theirs), not per text.
      const known = new Map<readonly string[], Set<string>>();
      for (const { path, text, quotes } of statements(kind, record as unknown as Record<string, unknown>)) {
        let numbers = known.get(quotes);
        if (!numbers) {
          numbers = numbersIn(quotes);
          known.set(quotes, numbers);
        }
        for (const lang of ["vi", "en"] as const) {
          const missing = missingFrom(text[lang], numbers);
          if (missing.length === 0) continue;
          errors.push({
            file: FILES[kind] ?? kind,
            path: `[${i}] ${record.id} ${path}.${lang}`,
            message: `number${missing.length > 1 ? "s" : ""} ${missing.join(", ")} in the text but in none of its quotes`,
          });
        }
      }
    });
  }
  return errors;
}
