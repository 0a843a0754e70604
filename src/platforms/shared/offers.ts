// What a reply offers under it, for every platform alike: page turning, follow-up actions, its quotes (or the
// way back from them) and "did you mean" suggestions. Each is one mechanism, a button that runs an invocation
// again: its data is "pg:<token>:<page>" (core/paging.ts), the token standing for the invocation. Platforms
// only draw them (arrows, rows, their label limits).
import { parseCommandText } from "../../core/dispatch";
import { type Lang, words } from "../../core/i18n";
import { type PagedInvocation, type PageTokens, pageData } from "../../core/paging";
import type { Reply } from "../../core/reply";

export interface Button {
  /** Unclipped: the platform clips it to its own limit. */
  label: string;
  /** Callback data / custom id: "pg:<token>:<page>". */
  data: string;
}

export interface PageNav {
  token: string;
  page: number;
  pageCount: number;
}

export interface Offers {
  /** The invocation's language: the buttons' answers come in it. */
  lang: Lang;
  /** Turning pages (only when there are several): the platform draws its arrows with `pageData(token, n)`. */
  pages?: PageNav;
  /** Follow-up commands (`Reply.actions`: chart, briefing note). */
  actions: Button[];
  /** The verbatim quotes of this answer, or back from them to the answer. */
  quotes?: Button;
  /** "Did you mean": at most four, each command once; the label is the suggested command. */
  suggestions: Button[];
}

const MAX_SUGGESTIONS = 4;

/** What a button runs: the invocation as a page token keeps it (no caller, no attachment). */
export function pagedOf(inv: PagedInvocation): PagedInvocation {
  const paged: PagedInvocation = { command: inv.command, lang: inv.lang };
  if (inv.args) paged.args = inv.args;
  if (inv.text !== undefined) paged.text = inv.text;
  if (inv.view) paged.view = inv.view;
  return paged;
}

/** A token for the pages of `shown`, or undefined when it has one page. `parts`: they are parts of one reply. */
export function pageToken(
  shown: Reply,
  pages: PageTokens,
  invocation: PagedInvocation,
  parts = false,
): string | undefined {
  if (!shown.paging || shown.paging.pageCount <= 1) return undefined;
  return pages.issue(parts ? { ...pagedOf(invocation), parts: true } : pagedOf(invocation));
}

/**
 * The offers under `reply`. `token`: its pages' token (none, no page buttons); `invocation`: what it answered
 * (none: no quotes button, as under a message only its reader sees).
 */
export function offersFor(
  reply: Reply,
  pages: PageTokens,
  lang: Lang,
  options: { token?: string | undefined; invocation?: PagedInvocation | undefined } = {},
): Offers {
  const run = (command: string): string | undefined => {
    const parsed = parseCommandText(command);
    return parsed ? pageData(pages.issue({ command: parsed.name, text: parsed.text, lang }), 1) : undefined;
  };
  const offers: Offers = { lang, actions: [], suggestions: [] };
  const paging = reply.paging;
  if (options.token && paging && paging.pageCount > 1) offers.pages = { token: options.token, ...paging };
  for (const a of reply.actions ?? []) {
    const data = run(a.command);
    if (data) offers.actions.push({ label: a.label, data });
  }
  if (options.invocation) {
    const quotes = quotesButton(reply, pages, options.invocation);
    if (quotes) offers.quotes = quotes;
  }
  const seen = new Set<string>();
  for (const s of (reply.suggestions ?? []).slice(0, MAX_SUGGESTIONS)) {
    if (seen.has(s.command)) continue;
    const data = run(s.command);
    if (!data) continue;
    seen.add(s.command);
    offers.suggestions.push({ label: s.command, data });
  }
  return offers;
}

/** "📑 Trích dẫn / Quotes" under a cited answer (the same invocation viewed as quotes); "↩" back under them. */
function quotesButton(reply: Reply, pages: PageTokens, invocation: PagedInvocation): Button | undefined {
  const w = words(reply.lang).quotes;
  const page = reply.paging?.page ?? 1;
  const { view: _quotes, ...answer } = pagedOf(invocation);
  if (reply.quotesOf !== undefined) return { label: w.back, data: pageData(pages.issue(answer), page) };
  if (reply.error || reply.citations.length === 0) return undefined;
  return { label: w.button, data: pageData(pages.issue({ ...answer, view: "quotes" }), page) };
}
