import { type Lang, t } from "../../core/i18n";
import { type Reply, renderPlain } from "../../core/reply";

export function renderForConsole(reply: Reply, lang: Lang): string {
  return renderPlain(reply, { sources: t("sources", lang), page: t("page", lang) });
}
