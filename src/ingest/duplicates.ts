// Is this page already in the corpus? The same text or address is a duplicate (not added twice); the same event
// reported elsewhere (same day and provinces, an English version of a Vietnamese story included) is flagged.
import type { CorpusData, CorpusEvent } from "../core/model";
import { fold } from "../core/normalize";

export interface DuplicateSource {
  file: string;
  why: "same-text" | "same-address" | "same-sentences";
}

/** Sentences long enough to identify an article. */
function fingerprints(text: string): string[] {
  return fold(text)
    .split(/[.!?;\n]+/)
    .map((s) => s.trim())
    .filter((s) => s.split(" ").length >= 8);
}

export function duplicateSource(
  text: string,
  url: string | undefined,
  data: Pick<CorpusData, "sources">,
  texts: ReadonlyMap<string, string>,
): DuplicateSource | undefined {
  if (url) {
    const same = data.sources.find((s) => s.url && s.url.replace(/\/$/, "") === url.replace(/\/$/, ""));
    if (same) return { file: same.file, why: "same-address" };
  }
  const flat = fold(text);
  const mine = fingerprints(text);
  for (const [file, other] of texts) {
    if (fold(other) === flat) return { file, why: "same-text" };
    if (mine.length >= 3) {
      const theirs = new Set(fingerprints(other));
      const shared = mine.filter((s) => theirs.has(s)).length;
      if (shared / mine.length >= 0.6) return { file, why: "same-sentences" };
    }
  }
  return undefined;
}

/** Existing events on the same day (or month) with the same provinces: probably the same event. */
export function sameEvents(
  date: { value?: string; precision: string },
  provinces: readonly string[],
  events: readonly CorpusEvent[],
): CorpusEvent[] {
  if (!date.value || date.precision === "year" || date.precision === "unknown") return [];
  return events.filter((e) => {
    if (!e.date.value || e.date.value !== date.value) return false;
    const shared = e.provinces.filter((p) => provinces.includes(p)).length;
    return shared >= Math.min(2, e.provinces.length, provinces.length) && shared > 0;
  });
}
