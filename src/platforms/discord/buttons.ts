// Buttons under a reply: ◀ previous · page n/m · next ▶ for paged answers, and "did you mean" suggestions.
// Custom ids are "pg:<token>:<page>" (at most 30 characters, well within Discord's 100).
import { type APIActionRowComponent, type APIButtonComponent, ButtonStyle, ComponentType } from "discord.js";
import { parseCommandText } from "../../core/dispatch";
import { type Lang, words } from "../../core/i18n";
import { type PagedInvocation, pageData } from "../../core/paging";
import type { Paging, Reply } from "../../core/reply";
import { clip, LIMITS } from "./limits";
import { dt } from "./texts";

export function pageButtons(token: string, paging: Paging, lang: Lang): APIActionRowComponent<APIButtonComponent>[] {
  const { page, pageCount } = paging;
  if (pageCount <= 1) return [];
  // Ids must be unique within a message: the disabled ends point one step outside the range.
  const button = (
    label: string,
    target: number,
    disabled: boolean,
    style: ButtonStyle.Primary | ButtonStyle.Secondary,
  ): APIButtonComponent => ({
    type: ComponentType.Button,
    style,
    label: clip(label, LIMITS.buttonLabel),
    custom_id: pageData(token, target),
    disabled,
  });
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        button(`◀ ${dt("previous", lang)}`, page - 1, page <= 1, ButtonStyle.Primary),
        button(`${page}/${pageCount}`, page, true, ButtonStyle.Secondary),
        button(`${dt("next", lang)} ▶`, page + 1, page >= pageCount, ButtonStyle.Primary),
      ],
    },
  ];
}

/** At most this many "did you mean" buttons, in one row. */
const MAX_SUGGESTIONS = 4;

/**
 * "Did you mean" suggestions as buttons: each is a page-1 token for the suggested command, so a click runs it
 * (the same "pg:" ids as pages; `issue` remembers the invocation).
 */
export function suggestionButtons(
  suggestions: Reply["suggestions"],
  issue: (inv: PagedInvocation) => string,
  lang: Lang,
): APIActionRowComponent<APIButtonComponent>[] {
  const buttons: APIButtonComponent[] = [];
  const seen = new Set<string>();
  for (const s of (suggestions ?? []).slice(0, MAX_SUGGESTIONS)) {
    const parsed = parseCommandText(s.command);
    if (!parsed || seen.has(s.command)) continue;
    seen.add(s.command);
    const token = issue({ command: parsed.name, text: parsed.text, lang });
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: clip(`→ ${s.command}`, LIMITS.buttonLabel),
      custom_id: pageData(token, 1),
    });
  }
  return buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons }] : [];
}

/**
 * Follow-up actions ("📊 Biểu đồ", "📄 Tải báo cáo") as one row of buttons: each a page-1 token for its command,
 * so a click runs it (its file comes as a new message; the answer stays).
 */
export function actionButtons(
  actions: Reply["actions"],
  issue: (inv: PagedInvocation) => string,
  lang: Lang,
): APIActionRowComponent<APIButtonComponent>[] {
  const buttons: APIButtonComponent[] = (actions ?? []).slice(0, 5).flatMap((a) => {
    const parsed = parseCommandText(a.command);
    if (!parsed) return [];
    const token = issue({ command: parsed.name, text: parsed.text, lang });
    return [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        label: clip(a.label, LIMITS.buttonLabel),
        custom_id: pageData(token, 1),
      } satisfies APIButtonComponent,
    ];
  });
  return buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons }] : [];
}

/**
 * "📑 Trích dẫn / Quotes" under a cited answer (the same invocation viewed as its quotes), and "↩" back to the
 * answer under the quotes view. Same "pg:" ids as pages.
 */
export function quotesButtons(
  reply: Reply,
  invocation: PagedInvocation,
  issue: (inv: PagedInvocation) => string,
): APIActionRowComponent<APIButtonComponent>[] {
  const w = words(reply.lang).quotes;
  const page = reply.paging?.page ?? 1;
  const { view: _quotes, ...answer } = invocation;
  let button: APIButtonComponent | undefined;
  if (reply.quotesOf !== undefined) {
    button = {
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: w.back,
      custom_id: pageData(issue(answer), page),
    };
  } else if (!reply.error && reply.citations.length > 0) {
    const token = issue({ ...answer, view: "quotes" });
    button = {
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: w.button,
      custom_id: pageData(token, page),
    };
  }
  return button ? [{ type: ComponentType.ActionRow, components: [button] }] : [];
}
