// The ingest pipeline in one call: page (text or HTML) → segments → sentences → findings → draft records and
// review report, validated with the corpus's own schema and quote check. No file or network access here.
import { createHash } from "node:crypto";
import type { CorpusData } from "../core/model";
import { buildDraft, type Draft } from "./draft";
import { extract } from "./extract";
import { Gazetteer } from "./gazetteer";
import { reduceHtml } from "./html";
import { validateDraft } from "./merge";
import { compactSegments, normalizePageText, type Page, type PageSegment } from "./page";
import { segmentText } from "./segment-text";

export interface IngestInput {
  /** The page as received: scraped text or HTML. */
  content: string;
  format: "text" | "html";
  /** Where it came from ("file 005.html", "telegram document x.html", an address). */
  origin: string;
  url?: string;
}

export interface IngestContext {
  data: CorpusData;
  texts: ReadonlyMap<string, string>;
  /** YYYY-MM-DD, the day of ingestion (the weekday rule looks back from it). */
  today: string;
  /** ISO instant, recorded in the draft. */
  now: string;
}

export function pageFromInput(input: IngestInput, gazetteer: Gazetteer): Page {
  if (input.format === "html" || /^\s*<(!doctype|html|head|body|article)/i.test(input.content)) {
    const reduced = reduceHtml(input.content, input.url);
    const text = normalizePageText(reduced.text);
    const storyLaos = gazetteer.aboutLaos(
      text
        .split("\n")
        .filter((_, i) => reduced.roles[i]?.role !== "furniture" && reduced.roles[i]?.role !== "box")
        .join("\n"),
    );
    const perLine: Omit<PageSegment, "lines">[] = reduced.roles.map((r) => {
      const line = text.split("\n")[r.line - 1] ?? "";
      switch (r.role) {
        case "furniture":
          return { kind: "furniture", vietnamLaos: false, why: "menus, related links" };
        case "box": {
          const laos = gazetteer.aboutLaos(line);
          return { kind: "box", vietnamLaos: laos, why: laos ? "side story about Laos" : "side story not about Laos" };
        }
        default:
          return { kind: r.role, vietnamLaos: storyLaos };
      }
    });
    return {
      title: reduced.title,
      text,
      segments: compactSegments(perLine),
      origin: input.origin,
      ...(reduced.url ? { url: reduced.url } : input.url ? { url: input.url } : {}),
      ...(reduced.outlet ? { outlet: reduced.outlet } : {}),
    };
  }
  const text = normalizePageText(input.content);
  return {
    title: text.split("\n")[0]?.trim() || "(untitled)",
    text,
    segments: segmentText(text, { aboutLaos: (t) => gazetteer.aboutLaos(t) }),
    origin: input.origin,
    ...(input.url ? { url: input.url } : {}),
  };
}

/** The next free "NNN_<hash>.txt" name in data/sources/. */
export function sourceFileName(text: string, existing: Iterable<string>): string {
  let max = -1;
  for (const f of existing) {
    const m = /^(\d{3})_/.exec(f);
    if (m) max = Math.max(max, Number(m[1]));
  }
  const hash = createHash("sha256").update(text).digest("hex").slice(0, 16);
  return `${String(max + 1).padStart(3, "0")}_${hash}.txt`;
}

export function draftId(text: string, now: string): string {
  return `${now.slice(0, 10)}-${createHash("sha256").update(text).digest("hex").slice(0, 6)}`;
}

export interface IngestResult {
  page: Page;
  draft: Draft;
}

export function ingest(input: IngestInput, ctx: IngestContext, reserved: Iterable<string> = []): IngestResult {
  const gazetteer = new Gazetteer(ctx.data);
  const page = pageFromInput(input, gazetteer);
  const extraction = extract(page, { data: ctx.data, gazetteer, today: ctx.today });
  const file = sourceFileName(page.text, [...ctx.texts.keys(), ...reserved]);
  const draft = buildDraft(extraction, {
    data: ctx.data,
    texts: ctx.texts,
    file,
    draftId: draftId(page.text, ctx.now),
    now: ctx.now,
  });
  draft.report.errors = validateDraft(ctx.data, ctx.texts, draft, page.text);
  return { page, draft };
}
