// Which language a page is in, and how a text waiting for its translation is marked. A Vietnamese article gives
// Vietnamese text with the English marked as pending (English replies then say so rather than show nothing);
// an English article gives English text with the Vietnamese marked the same way.
import type { Localized } from "../core/model";

/** Letters only Vietnamese writes: with them in more than 1% of the letters, the text is Vietnamese. */
const VIETNAMESE = /[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]/giu;

export function detectLanguage(text: string): "vi" | "en" {
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  const marked = (text.match(VIETNAMESE) ?? []).length;
  return letters > 0 && marked / letters > 0.01 ? "vi" : "en";
}

export const PENDING = { en: "[translation pending] ", vi: "[chưa dịch] " } as const;

/** A text in the page's language, the other side marked as pending translation. */
export function localizedFrom(text: string, lang: "vi" | "en"): Localized {
  return lang === "vi" ? { vi: text, en: `${PENDING.en}${text}` } : { vi: `${PENDING.vi}${text}`, en: text };
}

export function isPendingTranslation(text: string): boolean {
  return text.startsWith(PENDING.en) || text.startsWith(PENDING.vi);
}
