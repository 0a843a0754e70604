// Inline mode: "@ThisBot son la" in any chat offers the province briefing, its agreements and search hits;
// choosing one inserts the formatted message. Everything comes from the core commands, nothing is
// rendered twice: list replies are cut into one result per item, carrying the citations that item uses.
import { createHash } from "node:crypto";
import type { Context, Middleware } from "grammy";
import type { InlineQueryResultArticle } from "grammy/types";
import { clipLine as clip, headWithin } from "../../core/clip";
import type { Caller } from "../../core/command";
import { findCommand } from "../../core/dispatch";
import { type Lang, words } from "../../core/i18n";
import type { Province } from "../../core/model";
import type { Block, Line, Reply } from "../../core/reply";
import { resolveProvince } from "../../core/resolve";
import type { AdapterDeps } from "../adapter";
import { callerOf } from "../shared/asker";
import { askerOf, langOf } from "./caller";
import { escapeHtml, MESSAGE_LIMIT, renderReply } from "./render";

/** Telegram's limits: 50 results per answer, result ids of at most 64 bytes. */
export const MAX_RESULTS = 50;
const MAX_ID_BYTES = 64;
const PROVINCE_RESULTS = 5;
const QUERY_MAX = 200;

export function inlineQueryHandler(deps: AdapterDeps): Middleware<Context> {
  return async (ctx) => {
    const query = ctx.inlineQuery;
    if (!query) return;
    const lang = await langOf(ctx.from, deps);
    // Inline results are the asker's own: as in a private chat with the bot.
    const caller = await callerOf(askerOf(ctx.api, { id: query.from.id, type: "private" }, query.from), undefined);
    const results = await inlineResults(query.query, lang, caller, deps);
    await ctx.answerInlineQuery(results, {
      cache_time: 30,
      // Results depend on the user's language.
      is_personal: true,
      ...(results.length === 0
        ? {
            button: {
              text: words(lang).telegram.inlineNoResults,
              start_parameter: "help",
            },
          }
        : {}),
    });
  };
}

export async function inlineResults(
  rawQuery: string,
  lang: Lang,
  caller: Caller,
  deps: AdapterDeps,
): Promise<InlineQueryResultArticle[]> {
  const query = headWithin(rawQuery.trim(), QUERY_MAX);
  if (!query) return [];
  const has = (name: string) => findCommand(deps.commands, name) !== undefined;
  const run = (command: string, text: string) => deps.handle({ command, text, lang, caller });
  const results: InlineQueryResultArticle[] = [];
  const seen = new Set<string>();
  const add = (result: InlineQueryResultArticle) => {
    if (results.length >= MAX_RESULTS || seen.has(result.id)) return;
    seen.add(result.id);
    results.push(result);
  };

  const provinces = matchingProvinces(deps, query);
  if (has("province")) {
    for (const p of provinces) {
      const reply = await run("province", p.name.vi);
      if (!reply.error) add(article(`p:${p.id}`, reply, lang, `/province ${p.name.vi}`));
    }
  }
  if (has("agreements")) {
    // Agreements of the matched provinces, or of a year / period typed directly ("2022", "2019-2022").
    const texts = /^\d{4}(\s*[-–]\s*\d{4})?$/.test(query) ? [query] : provinces.map((p) => p.name.vi);
    for (const text of texts) {
      const reply = await run("agreements", text);
      if (!reply.error) for (const item of perSection(reply, `a:${text}`, lang)) add(item);
    }
  }
  if (has("search") && query.length >= 2) {
    const reply = await run("search", query);
    if (!reply.error) for (const item of perItem(reply, `s:${query}`, lang)) add(item);
  }
  return results;
}

function matchingProvinces(deps: AdapterDeps, query: string): Province[] {
  const r = resolveProvince(deps.corpus(), query);
  const found = r.kind === "found" ? [r.province] : r.kind === "ambiguous" ? r.candidates : [];
  return found.slice(0, PROVINCE_RESULTS);
}

/** A result id within 64 bytes: the readable key when short enough, else a hash of it. */
export function resultId(key: string): string {
  if (/^[\x21-\x7e]+$/.test(key) && key.length <= MAX_ID_BYTES) return key;
  return `${key.slice(0, 2)}${createHash("sha256").update(key).digest("base64url").slice(0, 40)}`;
}

/** One result inserting the whole reply (its first message, with a pointer to the command for the rest). */
function article(key: string, reply: Reply, lang: Lang, command: string): InlineQueryResultArticle {
  const more = command ? words(lang).telegram.inlineMore(command) : "…";
  const moreHtml = `\n\n<i>${escapeHtml(more)}</i>`;
  const parts = renderReply(reply, MESSAGE_LIMIT - moreHtml.length);
  return {
    type: "article",
    id: resultId(key),
    title: clip(reply.title, 100),
    description: clip(firstText(reply), 200),
    input_message_content: {
      message_text: (parts[0] ?? escapeHtml(reply.title)) + (parts.length > 1 ? moreHtml : ""),
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
    },
  };
}

/** Keeps only the citations `blocks` refer to (numbers unchanged, so "[3]" still finds source [3]). */
function citedIn(reply: Reply, blocks: Block[]): Reply["citations"] {
  const cited = new Set<number>();
  for (const b of blocks) {
    const lines = b.kind === "text" ? [b.line] : b.kind === "list" ? b.items : [];
    for (const line of lines) for (const n of line.cites ?? []) cited.add(n);
  }
  return reply.citations.filter((c) => cited.has(c.n));
}

/** One result per list item of a reply (search hits), each with only the citations it uses. */
function perItem(reply: Reply, keyPrefix: string, lang: Lang): InlineQueryResultArticle[] {
  const items: Line[] = reply.blocks.flatMap((b) => (b.kind === "list" ? b.items : []));
  return items.map((item, i) => {
    const blocks: Block[] = [{ kind: "text", line: item }];
    const single: Reply = { lang: reply.lang, title: reply.title, blocks, citations: citedIn(reply, blocks) };
    const result = article(`${keyPrefix}:${i}`, single, lang, "");
    return { ...result, title: clip(item.text, 100), description: clip(reply.title, 200) };
  });
}

/** One result per headed section of a reply (one agreement each), with the citations it uses. */
function perSection(reply: Reply, keyPrefix: string, lang: Lang): InlineQueryResultArticle[] {
  const sections: { heading: string; blocks: Block[] }[] = [];
  for (const b of reply.blocks) {
    if (b.kind === "heading") sections.push({ heading: b.text, blocks: [] });
    else sections.at(-1)?.blocks.push(b);
  }
  return sections.map((section, i) => {
    const single: Reply = {
      lang: reply.lang,
      title: section.heading,
      blocks: section.blocks,
      citations: citedIn(reply, section.blocks),
    };
    const result = article(`${keyPrefix}:${i}`, single, lang, "");
    return { ...result, description: clip(reply.title, 200) };
  });
}

function firstText(reply: Reply): string {
  for (const b of reply.blocks) {
    if (b.kind === "text") return b.line.text;
    if (b.kind === "list" && b.items[0]) return b.items[0].text;
    if (b.kind === "fields") return b.fields.map((f) => `${f.name}: ${f.value}`).join(" · ");
  }
  return "";
}
