// The source list under an answer: each source named once (outlet, short title, date or "undated") with the
// citation numbers that come from it. The verbatim quotes are one tap away (quotes.ts), not repeated here.
import { formatIsoDay } from "./format";
import { type Lang, words } from "./i18n";
import type { Citation } from "./reply";

export interface SourceGroup {
  source: string;
  title: string;
  outlet?: string;
  published?: string;
  url?: string;
  reference: boolean;
  /** Citation numbers from this source, ascending. */
  numbers: number[];
}

/** Citations grouped by source, in the order each source is first cited. */
export function sourceGroups(citations: readonly Citation[]): SourceGroup[] {
  const groups = new Map<string, SourceGroup>();
  for (const c of citations) {
    let group = groups.get(c.source);
    if (!group) {
      group = { source: c.source, title: c.title, reference: c.reference === true, numbers: [] };
      if (c.outlet) group.outlet = c.outlet;
      if (c.published) group.published = c.published;
      if (c.url) group.url = c.url;
      groups.set(c.source, group);
    }
    group.numbers.push(c.n);
  }
  for (const g of groups.values()) g.numbers.sort((a, b) => a - b);
  return [...groups.values()];
}

/** [1][2][3][5] → "[1–3, 5]": every number stays findable, in a fraction of the room. */
export function citeNumbers(numbers: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && (numbers[j + 1] ?? 0) === (numbers[j] ?? 0) + 1) j++;
    runs.push(
      j > i + 1 ? `${numbers[i]}–${numbers[j]}` : j === i + 1 ? `${numbers[i]}, ${numbers[j]}` : `${numbers[i]}`,
    );
    i = j + 1;
  }
  return `[${runs.join(", ")}]`;
}

/** Every number "[1–3, 5]" stands for: 1, 2, 3, 5 (tests and renderers check nothing is dropped). */
export function expandCiteNumbers(text: string): number[] {
  const out: number[] = [];
  for (const part of text.replace(/^\[|\]$/g, "").split(/,\s*/)) {
    const [a, b] = part.split("–").map(Number);
    if (a === undefined || Number.isNaN(a)) continue;
    for (let n = a; n <= (b ?? a); n++) out.push(n);
  }
  return out;
}

/** A title cut at a word boundary, for naming a source in one line. */
export function shortTitle(title: string, max = 48): string {
  if ([...title].length <= max) return title;
  const cut = [...title].slice(0, max).join("");
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,:;–—-]+$/u, "")}…`;
}

/** The parts of a source's line in the reader's language: who published it, what, when. */
export function sourceParts(group: SourceGroup, lang: Lang): { outlet: string; title: string; date: string } {
  const w = words(lang).sourceList;
  return {
    outlet: group.reference ? w.reference : (group.outlet ?? w.noOutlet),
    title: group.reference ? w.referenceTitle(group.source) : shortTitle(group.title),
    date: group.published ? formatIsoDay(group.published) : group.reference ? "" : w.undated,
  };
}

/** "Báo Sơn La (baosonla.org.vn) · Đoàn công tác tỉnh Xay Sổm Bun thăm… · không ghi ngày — [3–5]". */
export function sourceLine(group: SourceGroup, lang: Lang): string {
  const { outlet, title, date } = sourceParts(group, lang);
  return `${citeNumbers(group.numbers)} ${[outlet, title, date].filter((x) => x).join(" · ")}`;
}
