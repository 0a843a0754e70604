// Reply → Telegram HTML messages. Every piece of text is escaped here (corpus text and user input alike);
// a reply longer than one message is split between blocks, never inside a tag, an entity or a citation.
import { clipText } from "../../core/clip";
import { t } from "../../core/i18n";
import type { Citation, Line, Reply } from "../../core/reply";

/** Telegram's limit on one message's text. */
export const MESSAGE_LIMIT = 4096;
/** Quotes longer than this are shown collapsed (tap to expand) so citations stay readable on a phone. */
const EXPANDABLE_QUOTE = 300;

/** Escapes text for Telegram HTML: only &, < and > are special outside attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, "&quot;");
}

/**
 * One unit of layout. Parts are only ever cut between units. A unit whose plain `text` is too long for a
 * whole message is cut inside `text` (at a paragraph, line, sentence or word boundary) and every piece is
 * wrapped in the same `open`/`close` tags; `atomic` units (citations) are never cut.
 */
interface Unit {
  /** Separator before this unit when it follows another in the same message. */
  gap: string;
  /** Escaped markup shown before the text, on the first piece only (e.g. "• "). */
  prefix: string;
  open: string;
  /** Plain text, escaped when rendered. */
  text: string;
  close: string;
  /** Escaped markup after the text, on the last piece only (citation marks " [1][2]"). */
  suffix: string;
  atomic?: boolean;
  /** Headings stay in the same message as what follows them. */
  keepWithNext?: boolean;
}

const html = (u: Unit): string => `${u.prefix}${u.open}${escapeHtml(u.text)}${u.close}${u.suffix}`;

function cites(line: Line): string {
  return line.cites?.length ? ` ${line.cites.map((n) => `[${n}]`).join("")}` : "";
}

function lineUnit(line: Line, gap: string, prefix = ""): Unit {
  return {
    gap,
    prefix,
    open: line.strong ? "<b>" : "",
    text: line.text,
    close: line.strong ? "</b>" : "",
    suffix: cites(line),
  };
}

function isWebUrl(url: string | undefined): url is string {
  return url !== undefined && /^https?:\/\/\S+$/i.test(url);
}

/** "[1] Title · source.md", then the quote as a block quote, then the tap-to-copy /source command. */
export function citationHtml(c: Citation, quoteMax = Number.POSITIVE_INFINITY): string {
  const title = isWebUrl(c.url)
    ? `<a href="${escapeAttribute(c.url)}">${escapeHtml(c.title)}</a>`
    : escapeHtml(c.title);
  let quote = quoteMax > 0 ? c.quote.trim() : "";
  if (quote.length > quoteMax) quote = clipText(quote, Math.max(1, quoteMax));
  const quoteTag = quote.length > EXPANDABLE_QUOTE ? "<blockquote expandable>" : "<blockquote>";
  const lines = [`<b>[${c.n}]</b> ${title} · <i>${escapeHtml(c.source)}</i>`];
  if (quote) lines.push(`${quoteTag}“${escapeHtml(quote)}”</blockquote>`);
  if (c.factId) lines.push(`<code>/source ${escapeHtml(c.factId)}</code>`);
  return lines.join("\n");
}

function citationUnit(c: Citation, limit: number, quoteMax: number): Unit {
  let text = citationHtml(c, quoteMax);
  // A citation is never split; an absurdly long quote is shortened so the citation fits one message.
  for (let max = c.quote.length - (text.length - limit); text.length > limit && max > 0; max -= 64) {
    text = citationHtml(c, max);
  }
  return { gap: "\n\n", prefix: text, open: "", text: "", close: "", suffix: "", atomic: true };
}

function units(reply: Reply, limit: number, quoteMax: number): Unit[] {
  const { lang } = reply;
  const out: Unit[] = [{ gap: "", prefix: "", open: "<b>", text: reply.title, close: "</b>", suffix: "" }];
  let afterHeading = false;
  const blockGap = () => (afterHeading ? "\n" : "\n\n");
  for (const block of reply.blocks) {
    switch (block.kind) {
      case "heading":
        out.push({
          gap: "\n\n",
          prefix: "",
          open: "<b>",
          text: block.text,
          close: "</b>",
          suffix: "",
          keepWithNext: true,
        });
        afterHeading = true;
        continue;
      case "text":
        out.push(lineUnit(block.line, blockGap()));
        break;
      case "list":
        block.items.forEach((item, i) => {
          out.push(lineUnit(item, i === 0 ? blockGap() : "\n", "• "));
        });
        break;
      case "fields":
        block.fields.forEach((f, i) => {
          out.push({
            gap: i === 0 ? blockGap() : "\n",
            prefix: `<b>${escapeHtml(f.name)}:</b> `,
            open: "",
            text: f.value,
            close: "",
            suffix: "",
          });
        });
        break;
    }
    afterHeading = false;
  }
  (reply.suggestions ?? []).forEach((s, i) => {
    out.push({
      gap: i === 0 ? "\n\n" : "\n",
      prefix: "→ ",
      open: "",
      text: `${s.command} — ${s.label}`,
      close: "",
      suffix: "",
    });
  });
  if (reply.paging && reply.paging.pageCount > 1) {
    const text = `${t("page", lang)} ${reply.paging.page}/${reply.paging.pageCount}`;
    out.push({ gap: "\n\n", prefix: "", open: "<i>", text, close: "</i>", suffix: "" });
  }
  if (reply.citations.length > 0) {
    out.push({
      gap: "\n\n",
      prefix: "",
      open: "<b>",
      text: t("sources", lang),
      close: "</b>",
      suffix: "",
      keepWithNext: true,
    });
    reply.citations.forEach((c, i) => {
      const unit = citationUnit(c, limit, quoteMax);
      out.push(i === 0 ? { ...unit, gap: "\n" } : unit);
    });
  }
  return out;
}

/**
 * Renders a reply as one or more HTML messages, each at most `limit` characters of markup.
 * A page of a paginated list (and a compact reply, such as a digest) stays ONE message, so page buttons edit all
 * of it and a digest counts as one post: its quotes are shortened (then left out) until it fits; each citation
 * keeps its `/source` command, which shows the full quote.
 */
export function renderReply(reply: Reply, limit = MESSAGE_LIMIT): string[] {
  if ((reply.paging && reply.paging.pageCount > 1) || reply.compact) {
    for (const quoteMax of [Number.POSITIVE_INFINITY, 160, 80, 0]) {
      const parts = renderParts(reply, limit, quoteMax);
      if (parts.length === 1) return parts;
    }
  }
  return renderParts(reply, limit, Number.POSITIVE_INFINITY);
}

function renderParts(reply: Reply, limit: number, quoteMax: number): string[] {
  const parts: string[] = [];
  let current = "";
  const flush = () => {
    if (current.trim()) parts.push(current);
    current = "";
  };
  const list = units(reply, limit, quoteMax);
  list.forEach((unit, i) => {
    const whole = html(unit);
    const gap = current ? unit.gap : "";
    const next = list[i + 1];
    // A heading moves to the next message rather than end this one without its content.
    const needed = unit.keepWithNext && next ? Math.min(limit, whole.length + next.gap.length + html(next).length) : 0;
    if (current && current.length + gap.length + Math.max(whole.length, needed) > limit) flush();
    if (whole.length <= limit - (current ? unit.gap.length + current.length : 0)) {
      current += (current ? unit.gap : "") + whole;
      return;
    }
    flush();
    const pieces = splitUnit(unit, limit);
    for (const piece of pieces.slice(0, -1)) parts.push(piece);
    current = pieces.at(-1) ?? "";
  });
  flush();
  return parts;
}

/** Cuts an oversized unit into pieces that each fit a message, all wrapped in the unit's tags. */
function splitUnit(unit: Unit, limit: number): string[] {
  if (unit.atomic) return [unit.prefix.slice(0, limit)];
  const overhead = unit.prefix.length + unit.open.length + unit.close.length + unit.suffix.length;
  const texts = splitPlain(unit.text, Math.max(16, limit - overhead));
  return texts.map(
    (text, i) =>
      `${i === 0 ? unit.prefix : ""}${unit.open}${escapeHtml(text)}${unit.close}${i === texts.length - 1 ? unit.suffix : ""}`,
  );
}

const escapedLength = (c: string): number => (c === "&" ? 5 : c === "<" || c === ">" ? 4 : c.length);

/**
 * Splits plain text into pieces whose escaped length is at most `budget`, preferring to cut at a blank
 * line, then a line break, then a sentence end, then a space; never between the halves of a surrogate pair.
 */
export function splitPlain(text: string, budget: number): string[] {
  const out: string[] = [];
  let rest = text;
  for (;;) {
    let fit = 0;
    let size = 0;
    for (const ch of rest) {
      const next = size + escapedLength(ch);
      if (next > budget) break;
      size = next;
      fit += ch.length;
    }
    if (fit >= rest.length) break;
    const window = rest.slice(0, fit);
    const boundary = [blankLineEnd, lineEnd, sentenceEnd, spaceEnd]
      .map((find) => find(window))
      .find((at) => at >= fit / 2);
    const cut = boundary ?? Math.max(1, fit);
    const piece = rest.slice(0, cut).trimEnd();
    if (piece) out.push(piece);
    rest = rest.slice(cut).trimStart();
  }
  if (rest || out.length === 0) out.push(rest);
  return out;
}

// Boundary finders: the index just after the last boundary of each kind in `window`, or -1.
const blankLineEnd = (window: string): number => {
  const at = window.lastIndexOf("\n\n");
  return at < 0 ? -1 : at + 2;
};
const lineEnd = (window: string): number => {
  const at = window.lastIndexOf("\n");
  return at < 0 ? -1 : at + 1;
};
const sentenceEnd = (window: string): number => {
  for (let i = window.length - 2; i >= 0; i--) {
    if (".!?…;".includes(window[i] ?? "") && /\s/.test(window[i + 1] ?? "")) return i + 1;
  }
  return -1;
};
const spaceEnd = (window: string): number => {
  for (let i = window.length - 1; i >= 0; i--) if (/\s/.test(window[i] ?? "")) return i + 1;
  return -1;
};
