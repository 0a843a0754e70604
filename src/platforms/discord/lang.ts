// Reply language on Discord: the user's own /lang choice, else their Discord locale ("vi" → Vietnamese,
// "en-US"/"en-GB" → English), else English unless this deployment prefers Vietnamese (DISCORD_PREFER_VIETNAMESE).
import type { Lang } from "../../core/i18n";
import type { Reply } from "../../core/reply";

export function langFromDiscordLocale(locale: string | undefined, preferVietnamese: boolean): Lang {
  const base = locale?.toLowerCase().split(/[-_]/)[0];
  if (base === "vi") return "vi";
  if (base === "en") return "en";
  return preferVietnamese ? "vi" : "en";
}

export async function replyLang(
  userId: string,
  locale: string | undefined,
  preferVietnamese: boolean,
  stored: ((userId: string) => Promise<Lang | undefined>) | undefined,
  onError: (error: unknown) => void,
): Promise<Lang> {
  if (stored) {
    try {
      const chosen = await stored(userId);
      if (chosen) return chosen;
    } catch (error) {
      // A store outage must not stop the answer; the locale still gives a language.
      onError(error);
    }
  }
  return langFromDiscordLocale(locale, preferVietnamese);
}

/** Letters with Vietnamese diacritics (English replies have them only in proper names). */
const VIETNAMESE_LETTERS = /[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵấầẩẫậắằẳẵặếềểễệốồổỗộớờởỡợứừửữự]/giu;

/**
 * The language a finished reply is written in, for the few labels the renderer adds ("Nguồn"/"Sources").
 * Used by send(), whose caller (the digest scheduler) built the reply in the subscription's language:
 * Vietnamese prose marks about one letter in four, English prose only the names it quotes.
 */
export function langOfReply(reply: Reply): Lang {
  const text = [reply.title, ...reply.blocks.map((b) => JSON.stringify(b))].join(" ");
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const marked = text.match(VIETNAMESE_LETTERS)?.length ?? 0;
  return letters > 0 && marked / letters > 0.06 ? "vi" : "en";
}
