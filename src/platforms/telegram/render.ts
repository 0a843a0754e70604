// Reply → Telegram HTML messages. Every piece of text is escaped here (corpus text and user input alike);
// a reply longer than one message is split between blocks, never inside a tag, an entity or a citation.
import { type Lang, t } from "../../core/i18n";
import type { Line, Reply } from "../../core/reply";
import { citeNumbers, type SourceGroup, sourceGroups, sourceParts } from "../../core/source-list";

/** Telegram's limit on one message's text. */
export const MESSAGE_LIMIT = 4096;

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

/** "<b>[1–3, 5]</b> Outlet · short title · date": one line per source; the quotes are behind the Quotes button. */
export function sourceHtml(group: SourceGroup, lang: Lang): string {
  const { outlet, title, date } = sourceParts(group, lang);
  const named = isWebUrl(group.url)
    ? `<a href="${escapeAttribute(group.url)}">${escapeHtml(title)}</a>`
    : escapeHtml(title);
  return `<b>${citeNumbers(group.numbers)}</b> ${[escapeHtml(outlet), named, escapeHtml(date)].filter((x) => x).join(" · ")}`;
}

function units(reply: Reply): Unit[] {
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
    // Each source once, with the numbers cited from it; a line is never split.
    sourceGroups(reply.citations).forEach((group) => {
      out.push({ gap: "\n", prefix: sourceHtml(group, lang), open: "", text: "", close: "", suffix: "", atomic: true });
    });
  }
  return out;
}

/**
 * Renders a reply as one or more HTML messages, each at most `limit` characters of markup. Answers are written to
 * fit one message (sources are listed once each, quotes are behind the Quotes button); a longer one is split
 * between units, never inside a tag, an entity or a source line.
 */
export function renderReply(reply: Reply, limit = MESSAGE_LIMIT): string[] {
  return renderParts(reply, limit);
}

function renderParts(reply: Reply, limit: number): string[] {
  const parts: string[] = [];
  let current = "";
  const flush = () => {
    if (current.trim()) parts.push(current);
    current = "";
  };
  const list = units(reply);
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
