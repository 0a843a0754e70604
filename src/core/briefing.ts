// A province briefing as content: what the corpus holds about one province, chosen and ordered, in no language
// and for no platform. /province renders it as a Reply (briefing-reply.ts); a chart or a briefing document
// renders the same content its own way. Every item keeps its record, so each renderer cites from the records'
// own `sources` (and gets its verbatim quotes for footnotes).
import type { Corpus } from "./corpus";
import { newestFirst } from "./describe";
import type { Agreement, CitationRef, CorpusEvent, Figure, Person, Place, Province } from "./model";
import { type AgreementStatus, agreementStatus } from "./status";

export type Commitment = Agreement["commitments"][number];
export type Role = Person["roles"][number];

export interface Briefing {
  province: Province;
  /** The place typed instead of the province ("Mộc Châu" → Sơn La), when one was. */
  via?: Place;
  /** The day statuses are relative to (YYYY-MM-DD). */
  asOf: string;
  /**
   * Provinces this one shares an agreement or an event with, each with the record that links them and the
   * source that shows it (the record's first source).
   */
  partners: { province: Province; link?: { id: string; sources: CitationRef[] } }[];
  /** Whether any article covers the province; when false, every list below is empty. */
  covered: boolean;
  /**
   * Each agreement with its status, and the figures given at its signing: gifts made "on this occasion", kept
   * apart from the agreement's own text.
   */
  agreements: { agreement: Agreement; status: AgreementStatus; atSigning: Figure[] }[];
  /** Newest first; undated events last. */
  events: CorpusEvent[];
  /** The agreements' commitments, in agreement order; `by`/`to` are undefined for an id not in the corpus. */
  commitments: { agreement: Agreement; commitment: Commitment; by: Province | undefined; to: Province | undefined }[];
  /** Figures given or received by the province. */
  figures: { figure: Figure; from: Province | undefined; to: Province | undefined }[];
  /**
   * People met at the province's events: those of the other side (a province's own officials are named in its
   * event lines), each with the roles they held there (and the event of each role).
   */
  people: { person: Person; roles: { role: Role; event: CorpusEvent }[] }[];
  places: Place[];
}

export function buildBriefing(corpus: Corpus, province: Province, asOf: string, via?: Place): Briefing {
  const p = province;
  const agreementsOf = corpus.agreementsOf(p.id);
  const eventsOf = corpus.eventsOf(p.id);
  const partners = corpus.partnersOf(p.id).map((x) => {
    const agreement = agreementsOf.find((a) => a.parties.includes(x.id));
    if (agreement) return { province: x, link: { id: agreement.id, sources: agreement.sources.slice(0, 1) } };
    const event = eventsOf.find((e) => e.provinces.includes(x.id));
    return event ? { province: x, link: { id: event.id, sources: event.sources.slice(0, 1) } } : { province: x };
  });
  const briefing: Briefing = {
    province: p,
    asOf,
    partners,
    covered: p.covered,
    agreements: [],
    events: [],
    commitments: [],
    figures: [],
    people: [],
    places: [],
  };
  if (via) briefing.via = via;
  if (!p.covered) return briefing;

  // Read from the corpus indexes: no list of the whole corpus is walked.
  const figuresOf = corpus.figuresOf(p.id);
  briefing.agreements = agreementsOf.map((agreement) => ({
    agreement,
    status: agreementStatus(agreement, asOf),
    atSigning: figuresOf.filter((f) => agreement.event !== undefined && f.event === agreement.event),
  }));
  briefing.events = newestFirst(eventsOf);
  briefing.commitments = agreementsOf.flatMap((agreement) =>
    agreement.commitments.map((commitment) => ({
      agreement,
      commitment,
      by: corpus.province(commitment.by),
      to: corpus.province(commitment.to),
    })),
  );
  briefing.figures = figuresOf.map((figure) => ({
    figure,
    from: corpus.province(figure.from),
    to: corpus.province(figure.to),
  }));
  for (const person of corpus.peopleAt(eventsOf.map((e) => e.id))) {
    if (person.province === p.id) continue;
    const roles: Briefing["people"][number]["roles"] = [];
    for (const role of person.roles) {
      const event = briefing.events.find((e) => e.id === role.at);
      if (event) roles.push({ role, event });
    }
    if (roles.length) briefing.people.push({ person, roles });
  }
  briefing.places = corpus.placesIn(p.id);
  return briefing;
}
