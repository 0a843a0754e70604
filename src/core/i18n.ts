// Languages, and the way to the catalogue of words (src/core/catalogue/): Vietnamese first, English complete.
import { en } from "./catalogue/en";
import { type Catalogue, vi } from "./catalogue/vi";

export type Lang = "vi" | "en";
export type { Catalogue };

export const LANGS: readonly Lang[] = ["vi", "en"];

export function isLang(value: string): value is Lang {
  return value === "vi" || value === "en";
}

/** Picks a language from a platform locale such as "en-US", "vi", "fr". */
export function langFromLocale(locale: string | undefined, fallback: Lang = "vi"): Lang {
  if (!locale) return fallback;
  const base = locale.toLowerCase().split(/[-_]/)[0];
  if (base === "vi") return "vi";
  if (base === "en") return "en";
  return fallback;
}

const catalogues: Record<Lang, Catalogue> = { vi, en };

/** Every word in one language: `words(lang).subscribe.created`, `words(lang).notChatAdmin("group", …)`. */
export function words(lang: Lang): Catalogue {
  return catalogues[lang];
}

/** The keys whose entry is a plain label. */
export type LabelKey = { [K in keyof Catalogue]: Catalogue[K] extends string ? K : never }[keyof Catalogue];

/** One plain label: `t("sources", lang)`. */
export function t(key: LabelKey, lang: Lang): string {
  return catalogues[lang][key];
}

/** Picks the language's side of a localized text. */
export function pick(text: { vi: string; en: string }, lang: Lang): string {
  return text[lang];
}

/** A text in every language, from one catalogue entry: for errors that carry both sides (UserError). */
export function both(entry: (w: Catalogue, lang: Lang) => string): { vi: string; en: string } {
  return { vi: entry(vi, "vi"), en: entry(en, "en") };
}
