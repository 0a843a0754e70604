// Page buttons under a paged reply: ◀ previous · page n/m · next ▶. Custom ids are "pg:<token>:<page>"
// (at most 30 characters, well within Discord's 100); clicking one edits the same message.
import { type APIActionRowComponent, type APIButtonComponent, ButtonStyle, ComponentType } from "discord.js";
import type { Lang } from "../../core/i18n";
import { pageData } from "../../core/paging";
import type { Paging } from "../../core/reply";
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
