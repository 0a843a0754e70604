// A reply's offers (shared/offers.ts) drawn as Discord buttons: ◀ previous · page n/m · next ▶ for paged
// answers, then a row each for actions, quotes and "did you mean" suggestions. Custom ids are "pg:<token>:<page>"
// (at most 30 characters, well within Discord's 100).
import { type APIActionRowComponent, type APIButtonComponent, ButtonStyle, ComponentType } from "discord.js";
import { type Lang, words } from "../../core/i18n";
import { pageData } from "../../core/paging";
import type { Paging } from "../../core/reply";
import type { Button } from "../shared/offers";
import { clip, LIMITS } from "./limits";

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
        button(`◀ ${words(lang).discord.previous}`, page - 1, page <= 1, ButtonStyle.Primary),
        button(`${page}/${pageCount}`, page, true, ButtonStyle.Secondary),
        button(`${words(lang).discord.next} ▶`, page + 1, page >= pageCount, ButtonStyle.Primary),
      ],
    },
  ];
}

const rowOf = (buttons: APIButtonComponent[]): APIActionRowComponent<APIButtonComponent>[] =>
  buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons }] : [];

const drawn = (b: Button, label: string, style: ButtonStyle.Primary | ButtonStyle.Secondary): APIButtonComponent => ({
  type: ComponentType.Button,
  style,
  label: clip(label, LIMITS.buttonLabel),
  custom_id: b.data,
});

/** "Did you mean" suggestions (at most four, shared/offers.ts) in one row: a click runs the suggested command. */
export function suggestionButtons(suggestions: readonly Button[]): APIActionRowComponent<APIButtonComponent>[] {
  return rowOf(suggestions.map((s) => drawn(s, `→ ${s.label}`, ButtonStyle.Secondary)));
}

/** Follow-up actions ("📊 Biểu đồ", "📄 Tải báo cáo") in one row of at most five: a click runs the command. */
export function actionButtons(actions: readonly Button[]): APIActionRowComponent<APIButtonComponent>[] {
  return rowOf(actions.slice(0, LIMITS.buttonsPerRow).map((a) => drawn(a, a.label, ButtonStyle.Primary)));
}

/** "📑 Trích dẫn / Quotes" under a cited answer, or "↩" back to the answer under its quotes. */
export function quotesButtons(quotes: Button | undefined): APIActionRowComponent<APIButtonComponent>[] {
  return rowOf(quotes ? [drawn(quotes, quotes.label, ButtonStyle.Secondary)] : []);
}
