// Escaping for Discord markdown. Corpus and user text is plain; in an embed, "*", "_", "`", "[x](y)",
// "<@id>" or a leading "#" would otherwise format, link or mention.

/**
 * Characters that format anywhere in a line ("[" and "]" also stop masked links, "<" mentions such as
 * <@id> and <#channel>). A backslash before punctuation shows the character itself.
 */
const INLINE = /[\\*_~`|[\]<]/g;
/** Characters that format only at the start of a line: headings, quotes, lists. */
const LINE_START = /^(\s*)(?:([#>\-+])|(\d+)\.(?=\s))/gm;

export function escapeMarkdown(text: string): string {
  return text
    .replace(INLINE, "\\$&")
    .replace(LINE_START, (_m, space: string, mark: string | undefined, digits: string | undefined) =>
      // A backslash before a digit would show; "1\." is how an ordered-list marker is escaped.
      mark ? `${space}\\${mark}` : `${space}${digits}\\.`,
    );
}

/** A link Discord will render as a masked link, or undefined when the address is not a plain http(s) URL. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return undefined;
    const href = parsed.href;
    return /[\s()<>]/.test(href) || href.length > 512 ? undefined : href;
  } catch {
    return undefined;
  }
}
