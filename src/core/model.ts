// The corpus schema: every record kind in data/, validated on every load.
// Human-editable YAML is parsed into these shapes; errors name the file and the path inside it.
import { z } from "zod";

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "ids are lower-case letters, digits and hyphens");

/** A text in both languages: Vietnamese first, English complete. */
export const localized = z.object({ vi: z.string().min(1), en: z.string().min(1) }).strict();
export type Localized = z.infer<typeof localized>;

/** Where a fact comes from: a file in data/sources/ and the exact sentence (or phrase) in it. */
export const citation = z
  .object({
    source: z.string().min(1),
    quote: z.string().min(3),
    /** Public address, for reference facts that name one. */
    url: z.string().url().optional(),
  })
  .strict();
export type CitationRef = z.infer<typeof citation>;
const sources = z.array(citation).min(1, "every fact needs at least one source");

/**
 * A date as the source gives it. `value` is ISO-shaped to the precision known:
 * "2022-08-16" (day), "2021-12" (month), "2021" (year), absent (unknown).
 * `inferred` says how a year the source does not print was worked out.
 */
export const datePrecision = z.enum(["day", "month", "year", "unknown"]);
export type DatePrecision = z.infer<typeof datePrecision>;
export const factDate = z
  .object({
    value: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "use YYYY, YYYY-MM or YYYY-MM-DD")
      .optional(),
    precision: datePrecision,
    /** For ranges such as "from 11/2019 to 2021". */
    until: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
      .optional(),
    inferred: localized.optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    const expected = { day: 3, month: 2, year: 1, unknown: 0 }[d.precision];
    const parts = d.value ? d.value.split("-").length : 0;
    if (parts !== expected) {
      ctx.addIssue({
        code: "custom",
        message: `precision "${d.precision}" needs ${expected === 0 ? "no value" : ["", "YYYY", "YYYY-MM", "YYYY-MM-DD"][expected]}`,
        path: ["value"],
      });
    }
  });
export type FactDate = z.infer<typeof factDate>;

export const province = z
  .object({
    id,
    country: z.enum(["VN", "LA"]),
    name: localized,
    /** Other spellings: without diacritics, Lao romanisations, English, Lao script. */
    aliases: z.array(z.string().min(1)),
    /** false for provinces known only from the alias reference: named so users get a clear answer. */
    covered: z.boolean().default(true),
    capital: localized.optional(),
    notes: z.array(localized).default([]),
    sources,
  })
  .strict();
export type Province = z.infer<typeof province>;

export const place = z
  .object({
    id,
    name: localized,
    kind: z.enum(["district", "commune", "city", "site", "border-gate", "border-marker", "school", "unit"]),
    province: id,
    aliases: z.array(z.string()).default([]),
    note: localized.optional(),
    sources,
  })
  .strict();
export type Place = z.infer<typeof place>;

export const role = z
  .object({
    title: localized,
    /** The event or agreement at which the person held this title. */
    at: id,
    sources,
  })
  .strict();

export const person = z
  .object({
    id,
    name: z.string().min(1),
    country: z.enum(["VN", "LA"]),
    province: id.optional(),
    roles: z.array(role).min(1),
  })
  .strict();
export type Person = z.infer<typeof person>;

export const eventKind = z.enum([
  "visit",
  "talks",
  "signing",
  "exchange",
  "aid",
  "training",
  "inspection",
  "planned",
  "award",
]);
export type EventKind = z.infer<typeof eventKind>;

export const event = z
  .object({
    id,
    kind: eventKind,
    date: factDate,
    title: localized,
    /** The key content in one short line (who, what, amounts), for briefings; checked like the summary. */
    brief: localized.optional(),
    summary: localized,
    provinces: z.array(id).min(1),
    places: z.array(id).default([]),
    people: z.array(id).default([]),
    agreements: z.array(id).default([]),
    sources,
  })
  .strict();
export type CorpusEvent = z.infer<typeof event>;

export const amount = z
  .object({
    value: z.number().nonnegative(),
    /** VND, scholarship, course, project, person, unit, bottle, mask … */
    unit: z.string().min(1),
  })
  .strict();
export type Amount = z.infer<typeof amount>;

export const commitment = z
  .object({
    by: id,
    to: id,
    what: localized,
    amounts: z.array(amount).default([]),
    sources,
  })
  .strict();

export const agreement = z
  .object({
    id,
    title: localized,
    docType: localized,
    parties: z.array(id).min(2),
    signed: factDate,
    /** Years the document covers, inclusive. */
    period: z
      .object({ from: z.number().int(), to: z.number().int() })
      .strict()
      .refine((p) => p.from <= p.to, "period.from must not be after period.to")
      .optional(),
    signatories: z.array(id).default([]),
    event: id.optional(),
    clauses: z.array(z.object({ text: localized, sources }).strict()).default([]),
    commitments: z.array(commitment).default([]),
    /** Set only when a source records a renewal; otherwise "no renewal recorded". */
    renewedBy: id.optional(),
    sources,
  })
  .strict();
export type Agreement = z.infer<typeof agreement>;

export const figure = z
  .object({
    id,
    kind: z.enum(["aid", "students", "cash", "delegations", "gift"]),
    what: localized,
    amount,
    from: id,
    to: id,
    date: factDate,
    event: id.optional(),
    sources,
  })
  .strict();
export type Figure = z.infer<typeof figure>;

export const anniversary = z
  .object({
    id,
    /** The original day: YYYY-MM-DD. */
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    name: localized,
    confidence: z.enum(["high", "medium", "low"]),
    note: localized.optional(),
    sources,
  })
  .strict();
export type Anniversary = z.infer<typeof anniversary>;

export const segment = z
  .object({
    /** 1-based inclusive line range in the source file. */
    lines: z.tuple([z.number().int().positive(), z.number().int().positive()]),
    kind: z.enum(["title", "article", "box", "caption", "furniture", "reference"]),
    /** Whether the segment is about Vietnam–Laos. Furniture and unrelated boxes are false. */
    vietnamLaos: z.boolean(),
    note: localized.optional(),
  })
  .strict();

export const sourceDoc = z
  .object({
    file: z.string().regex(/^[\w.-]+$/),
    title: z.string().min(1),
    outlet: z.string().optional(),
    url: z.string().url().optional(),
    /** Publication day, when the page prints one (none of the five articles does). */
    published: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    /** What the page itself says about where it comes from. */
    provenance: localized.optional(),
    segments: z.array(segment).min(1),
  })
  .strict();
export type SourceDoc = z.infer<typeof sourceDoc>;

/** One schema per data file: the file name decides which records it holds. */
export const corpusFiles = {
  "sources.yaml": z.array(sourceDoc),
  "provinces.yaml": z.array(province),
  "places.yaml": z.array(place),
  "people.yaml": z.array(person),
  "events.yaml": z.array(event),
  "agreements.yaml": z.array(agreement),
  "figures.yaml": z.array(figure),
  "anniversaries.yaml": z.array(anniversary),
} as const;
export type CorpusFileName = keyof typeof corpusFiles;

export interface CorpusData {
  sources: SourceDoc[];
  provinces: Province[];
  places: Place[];
  people: Person[];
  events: CorpusEvent[];
  agreements: Agreement[];
  figures: Figure[];
  anniversaries: Anniversary[];
}
/** Raw text of each source file, by file name. */
export type SourceTexts = ReadonlyMap<string, string>;
