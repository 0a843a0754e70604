// Small shared phrasings: agreement status and event ordering.
import { formatIsoDay } from "./format";
import { type Lang, t, words } from "./i18n";
import type { CorpusEvent } from "./model";
import type { AgreementStatus } from "./status";

export function describeStatus(s: AgreementStatus, lang: Lang): string {
  // The end day is derived from a period given in years; say so rather than present it as a stated fact.
  const derived = (p: { from: number; to: number }) => words(lang).derivedFrom(p.from, p.to);
  switch (s.state) {
    case "in-force":
      return `${t("inForce", lang)} (→ ${formatIsoDay(s.endsOn)}, ${derived(s.period)})`;
    case "expired":
      return `${t("expiredOn", lang)} ${formatIsoDay(s.endedOn)} (${derived(s.period)})`;
    case "not-yet":
      return `${t("notYetInForce", lang)} (${formatIsoDay(s.startsOn)})`;
    case "no-period":
      return t("noPeriod", lang);
  }
}

/** Newest first; events whose date is not stated come last, in file order. */
export function newestFirst(events: readonly CorpusEvent[]): CorpusEvent[] {
  return [...events].sort((a, b) => {
    if (!a.date.value || !b.date.value) return (a.date.value ? 0 : 1) - (b.date.value ? 0 : 1);
    return b.date.value.localeCompare(a.date.value);
  });
}

/** Oldest first; events whose date is not stated come last. */
export function oldestFirst(events: readonly CorpusEvent[]): CorpusEvent[] {
  return [...events].sort((a, b) => {
    if (!a.date.value || !b.date.value) return (a.date.value ? 0 : 1) - (b.date.value ? 0 : 1);
    return a.date.value.localeCompare(b.date.value);
  });
}
