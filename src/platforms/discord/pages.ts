// A reply too long for one Discord message is cut into parts, each shown whole: every [n] in a part's text is
// listed among that part's sources, nothing is shortened away. Parts are turned with the same buttons as pages.
// Pure: no client, no I/O.

import type { APIEmbed } from "discord.js";
import { words } from "../../core/i18n";
import type { Block, Line, Reply } from "../../core/reply";
import { clip, LIMITS } from "./limits";
import { escapeMarkdown } from "./markdown";
import { bodyLines, citationLine, renderEmbeds } from "./render";

/** Citation numbers shown in an embed's text (description and non-source fields). */
function citedNumbers(reply: Reply): Set<number> {
  const cited = new Set<number>();
  for (const b of reply.blocks) {
    const lines: Line[] = b.kind === "text" ? [b.line] : b.kind === "list" ? b.items : [];
    for (const line of lines) for (const n of line.cites ?? []) cited.add(n);
  }
  return cited;
}

/** Whether `reply` renders in one message with its body whole and every source it cites listed. */
export function fitsWhole(reply: Reply, embeds: APIEmbed[] = renderEmbeds(reply)): boolean {
  const all = embeds.map((e) => [e.description ?? "", ...(e.fields ?? []).map((f) => f.value)].join("\n")).join("\n");
  if (all.includes(words(reply.lang).discord.shortened) || all.includes(words(reply.lang).discord.moreSources))
    return false;
  const listed = new Set(
    embeds.flatMap((e) =>
      (e.fields ?? []).flatMap((f) => [...f.value.matchAll(/^\[(\d+)\]/gm)].map((m) => Number(m[1]))),
    ),
  );
  return [...citedNumbers(reply)].every((n) => listed.has(n));
}

/** Blocks cut to the smallest units a part may start or end at: one list item each, headings kept with what follows. */
function units(blocks: readonly Block[]): Block[][] {
  const out: Block[][] = [];
  let heading: Block | undefined;
  const push = (b: Block) => {
    out.push(heading ? [heading, b] : [b]);
    heading = undefined;
  };
  for (const b of blocks) {
    if (b.kind === "heading") {
      if (heading) out.push([heading]);
      heading = b;
    } else if (b.kind === "list") {
      for (const item of b.items) push({ kind: "list", items: [item] });
    } else push(b);
  }
  if (heading) out.push([heading]);
  return out;
}

/** Joins neighbouring one-item lists back into one list block. */
function merge(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const last = out.at(-1);
    if (b.kind === "list" && last?.kind === "list")
      out[out.length - 1] = { kind: "list", items: [...last.items, ...b.items] };
    else out.push(b);
  }
  return out;
}

function part(reply: Reply, blocks: Block[], last: boolean): Reply {
  const cited = citedNumbers({ ...reply, blocks });
  const out: Reply = { ...reply, blocks: merge(blocks), citations: reply.citations.filter((c) => cited.has(c.n)) };
  if (!last) delete out.suggestions;
  return out;
}

/**
 * The reply as parts that each fit one message whole; one part when it already fits. Parts carry `paging`
 * (k of n) so the footer and the buttons show where the reader is. A reply that is itself one page of a
 * paged list is returned as it is: its command pages it already.
 */
export function discordParts(reply: Reply): Reply[] {
  if (fitsWhole(reply) || (reply.paging && reply.paging.pageCount > 1)) return [reply];
  // Packed by the renderer's own measure (body + sources within the 6,000 shared by a message's embeds), so the
  // cut costs one pass, not a render per unit.
  const available =
    LIMITS.embedsTotal - clip(escapeMarkdown(reply.title), LIMITS.embedTitle).length - FOOTER_RESERVE - SLACK;
  const citeCost = new Map(
    reply.citations.map((c) => [c.n, Math.min(citationLine(c, reply.lang).length, LIMITS.fieldValue) + 1]),
  );
  const parts: Block[][] = [];
  let current: Block[] = [];
  let used = 0;
  let cited = new Set<number>();
  for (const unit of units(reply.blocks)) {
    const bodyCost = bodyLines({ ...reply, blocks: unit, suggestions: [] }, reply.lang).join("\n").length + 1;
    const fresh = [...citedNumbers({ ...reply, blocks: unit })].filter((n) => !cited.has(n));
    const cost = bodyCost + fresh.reduce((sum, n) => sum + (citeCost.get(n) ?? 0), 0);
    if (current.length > 0 && used + cost > available) {
      parts.push(current);
      current = [];
      used = 0;
      cited = new Set();
      const all = [...citedNumbers({ ...reply, blocks: unit })];
      used = bodyCost + all.reduce((sum, n) => sum + (citeCost.get(n) ?? 0), 0);
      for (const n of all) cited.add(n);
      current.push(...unit);
      continue;
    }
    used += cost;
    for (const n of fresh) cited.add(n);
    current.push(...unit);
  }
  parts.push(current);
  if (parts.length === 1) return [reply]; // one unit too big on its own: rendered shortened, as before
  return parts.map((blocks, i) => ({
    ...part(reply, blocks, i === parts.length - 1),
    paging: { page: i + 1, pageCount: parts.length },
  }));
}

/** Room kept for the footer ("Trang 12/40 · Hữu Nghị · …"), the sources' field names and the renderer's margin. */
const FOOTER_RESERVE = 80;
const SLACK = 400;
