// The shape of an inbox draft as read back from YAML (an admin may have edited it by hand): the records use the
// corpus's own schemas, so an edit that breaks a record is caught here with its path, before approval.
import { z } from "zod";
import { agreement, event, figure, localized, person, sourceDoc } from "../core/model";

const uncertainty = z.object({
  kind: z.string(),
  // A draft written before the reasons had both languages keeps its English one for both.
  text: z.union([z.string().transform((text) => ({ vi: text, en: text })), localized]),
  record: z.string().optional(),
  quote: z.string().optional(),
});

const report = z
  .object({
    title: z.string(),
    lang: z.enum(["vi", "en"]),
    segments: z.array(z.unknown()).default([]),
    found: z
      .object({
        events: z.array(z.unknown()).default([]),
        agreements: z.array(z.unknown()).default([]),
        figures: z.array(z.unknown()).default([]),
        people: z.array(z.unknown()).default([]),
        places: z.array(z.unknown()).default([]),
        anniversaries: z.array(z.unknown()).default([]),
      })
      .passthrough(),
    uncertain: z.array(uncertainty).default([]),
    errors: z.array(z.object({ file: z.string(), path: z.string(), message: z.string() })).default([]),
    duplicateOf: z.string().optional(),
  })
  .passthrough();

export const draftSchema = z.object({
  id: z.string().regex(/^[\w-]{1,64}$/),
  created: z.string(),
  origin: z.string(),
  lang: z.enum(["vi", "en"]),
  source: sourceDoc,
  records: z.object({
    events: z.array(event).default([]),
    agreements: z.array(agreement).default([]),
    figures: z.array(figure).default([]),
    people: z.array(person).default([]),
  }),
  report,
});
