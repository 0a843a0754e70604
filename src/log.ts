// Structured logs (pino). Secrets are redacted by path and by value, so a token never reaches the output:
// paths catch known fields, and every written line is scrubbed of each secret in its raw, URL-encoded and
// JSON-escaped forms (a token can hide inside an error message or a request URL such as /bot<token>/getMe),
// and of the password of any URL with one (redis://user:password@host).
import pino, { type DestinationStream, type Logger } from "pino";

export const REDACTED = "[REDACTED]";

/**
 * Secrets shorter than this are not scrubbed by value: replacing every "abc" in every line would mangle the
 * logs and hide nothing useful. (A short Redis password is still removed from URLs, see below.)
 */
export const MIN_SECRET_LENGTH = 4;

/** Something that may be a URL with user info ("scheme://…@…"); each candidate is checked by the URL parser. */
const URL_WITH_USERINFO = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>\\/?#]*@[^\s"'<>\\]*/gi;

/**
 * "redis://user:pw@host:6379/0" → "redis://user:***@host:6379/0". The URL parser decides whether there is a
 * password at all; the text is then cut where the parser cut it (user info ends at the last "@" before the
 * host), so an odd character in the password cannot leave part of it behind.
 */
export function redactUrlPassword(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (!parsed.password) return url;
  const start = url.indexOf("//") + 2;
  const rest = url.slice(start);
  const hostEnd = rest.search(/[/?#]/);
  const authority = hostEnd < 0 ? rest : rest.slice(0, hostEnd);
  const at = authority.lastIndexOf("@");
  const colon = authority.indexOf(":");
  if (at < 0 || colon < 0 || colon > at) return url;
  return `${url.slice(0, start + colon + 1)}***${url.slice(start + at)}`;
}

/** The spellings a secret can take inside a JSON log line. */
export function secretForms(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]);
  return [...forms].filter((s) => s.length > 0);
}

export function createLogger(
  options: { level?: string; secrets?: string[]; destination?: DestinationStream } = {},
): Logger {
  const forms = (options.secrets ?? [])
    .filter((s) => s.length >= MIN_SECRET_LENGTH)
    .flatMap(secretForms)
    // Longest first, so a secret that contains another is replaced whole.
    .sort((a, b) => b.length - a.length);
  const scrub = (text: string): string =>
    forms
      .reduce((acc, s) => acc.split(s).join(REDACTED), text)
      // Any URL password (the store's redis://user:pw@host, a proxy), whatever its length.
      .replace(URL_WITH_USERINFO, (url) => redactUrlPassword(url));
  const base = {
    level: options.level ?? process.env.LOG_LEVEL ?? "info",
    redact: {
      paths: [
        "token",
        "*.token",
        "secret",
        "*.secret",
        "password",
        "*.password",
        "authorization",
        "headers.authorization",
        "*.headers.authorization",
        "config.token",
      ],
      censor: REDACTED,
    },
    hooks: {
      streamWrite: scrub,
    },
  };
  return options.destination ? pino(base, options.destination) : pino(base);
}
