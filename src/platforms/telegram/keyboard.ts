// Page buttons under a paged reply. The callback data is "pg:<token>:<page>" (≤ 30 bytes, Telegram allows
// 64): the token stands for the invocation, kept in AdapterDeps.pages. After a restart the token is gone
// and the button answers politely that it has expired. "Did you mean" suggestions become buttons too: each
// is a page-1 token for the suggested command, so a tap turns the message into the answer.
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import { clipText } from "../../core/clip";
import { parseCommandText } from "../../core/dispatch";
import { type Lang, words } from "../../core/i18n";
import { type PagedInvocation, type PageTokens, pageData } from "../../core/paging";
import type { Reply } from "../../core/reply";

/** Issues a token for a paged reply, or undefined when the reply has a single page. */
export function pageTokenFor(reply: Reply, pages: PageTokens, invocation: PagedInvocation): string | undefined {
  return reply.paging && reply.paging.pageCount > 1 ? pages.issue(invocation) : undefined;
}

/** « first, ‹ previous, current/total, next ›, last » — only the buttons that lead somewhere. */
export function pageKeyboard(reply: Reply, token: string | undefined): InlineKeyboardMarkup | undefined {
  const paging = reply.paging;
  if (!token || !paging || paging.pageCount <= 1) return undefined;
  const { page, pageCount } = paging;
  const button = (text: string, target: number): InlineKeyboardButton => ({
    text,
    callback_data: pageData(token, target),
  });
  const row: InlineKeyboardButton[] = [];
  if (page > 2) row.push(button("« 1", 1));
  if (page > 1) row.push(button(`‹ ${page - 1}`, page - 1));
  row.push(button(`· ${page}/${pageCount} ·`, page));
  if (page < pageCount) row.push(button(`${page + 1} ›`, page + 1));
  if (page < pageCount - 1) row.push(button(`${pageCount} »`, pageCount));
  return { inline_keyboard: [row] };
}

const MAX_SUGGESTIONS = 4;

/** One button per suggested command (at most four), each on its own row so long names stay readable. */
export function suggestionRows(reply: Reply, pages: PageTokens, lang: Lang): InlineKeyboardButton[][] {
  return (reply.suggestions ?? []).slice(0, MAX_SUGGESTIONS).flatMap((s) => {
    const parsed = parseCommandText(s.command);
    if (!parsed) return [];
    const token = pages.issue({ command: parsed.name, text: parsed.text, lang });
    const text = clipText(s.command, 48);
    return [[{ text: `→ ${text}`, callback_data: pageData(token, 1) }]];
  });
}

/** Follow-up actions ("📊 Biểu đồ", "📄 Tải báo cáo") in one row: each a page-1 token for its command. */
export function actionRow(reply: Reply, pages: PageTokens, lang: Lang): InlineKeyboardButton[][] {
  const buttons = (reply.actions ?? []).flatMap((a) => {
    const parsed = parseCommandText(a.command);
    if (!parsed) return [];
    const token = pages.issue({ command: parsed.name, text: parsed.text, lang });
    return [{ text: clipText(a.label, 32), callback_data: pageData(token, 1) }];
  });
  return buttons.length > 0 ? [buttons] : [];
}

/**
 * "📑 Trích dẫn / Quotes" under a cited answer: a tap shows the verbatim quotes behind its [n] (the same
 * invocation, viewed as quotes). None under the quotes view itself or an answer that cites nothing.
 */
export function quotesRow(reply: Reply, pages: PageTokens, invocation: PagedInvocation): InlineKeyboardButton[][] {
  const page = reply.paging?.page ?? 1;
  const w = words(reply.lang).quotes;
  // Under the quotes view: the way back to the answer.
  if (reply.quotesOf !== undefined) {
    const { view: _quotes, ...answer } = invocation;
    return [[{ text: w.back, callback_data: pageData(pages.issue(answer), page) }]];
  }
  if (reply.error || reply.citations.length === 0) return [];
  const token = pages.issue({ ...invocation, view: "quotes" });
  return [[{ text: w.button, callback_data: pageData(token, page) }]];
}

/** Page buttons (for `pageToken`), the quotes button and suggestion buttons, or undefined when there are none. */
export function replyKeyboard(
  reply: Reply,
  pageToken: string | undefined,
  pages: PageTokens,
  lang: Lang,
  invocation?: PagedInvocation,
): InlineKeyboardMarkup | undefined {
  const rows = [
    ...(pageKeyboard(reply, pageToken)?.inline_keyboard ?? []),
    ...actionRow(reply, pages, lang),
    ...(invocation ? quotesRow(reply, pages, invocation) : []),
    ...suggestionRows(reply, pages, lang),
  ];
  return rows.length > 0 ? { inline_keyboard: rows } : undefined;
}

export function expiredButtonText(lang: Lang): string {
  return words(lang).telegram.buttonExpired;
}
