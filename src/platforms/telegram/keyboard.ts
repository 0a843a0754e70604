// A reply's offers (shared/offers.ts) drawn as an inline keyboard: page buttons, follow-up actions in one row,
// the quotes button, then one row per "did you mean" suggestion. Callback data is "pg:<token>:<page>" (≤ 30
// bytes, Telegram allows 64); after a restart without a store the token is gone and the button answers politely
// that it has expired.
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import { clipText } from "../../core/clip";
import { type Lang, words } from "../../core/i18n";
import { pageData } from "../../core/paging";
import type { Reply } from "../../core/reply";
import type { Button, Offers, PageNav } from "../shared/offers";

/** « first, ‹ previous, current/total, next ›, last » — only the buttons that lead somewhere. */
export function pageKeyboard(reply: Reply, token: string | undefined): InlineKeyboardMarkup | undefined {
  const paging = reply.paging;
  if (!token || !paging || paging.pageCount <= 1) return undefined;
  return { inline_keyboard: [pageRow({ token, ...paging })] };
}

function pageRow({ token, page, pageCount }: PageNav): InlineKeyboardButton[] {
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
  return row;
}

const button = (b: Button, label: string): InlineKeyboardButton => ({ text: label, callback_data: b.data });

/** The whole keyboard, or undefined when the reply offers nothing. */
export function replyKeyboard(offers: Offers): InlineKeyboardMarkup | undefined {
  const rows: InlineKeyboardButton[][] = [
    ...(offers.pages ? [pageRow(offers.pages)] : []),
    ...(offers.actions.length > 0 ? [offers.actions.map((a) => button(a, clipText(a.label, 32)))] : []),
    ...(offers.quotes ? [[button(offers.quotes, offers.quotes.label)]] : []),
    // Each on its own row, so long commands stay readable.
    ...offers.suggestions.map((s) => [button(s, `→ ${clipText(s.label, 48)}`)]),
  ];
  return rows.length > 0 ? { inline_keyboard: rows } : undefined;
}

export function expiredButtonText(lang: Lang): string {
  return words(lang).telegram.buttonExpired;
}
