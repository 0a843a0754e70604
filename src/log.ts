// Structured logs (pino). Secrets are redacted by path and by value, so a token never reaches the output:
// paths catch known fields, and every written line is scrubbed of each secret in its raw, URL-encoded and
// JSON-escaped forms (a token can hide inside an error message or a request URL such as /bot<token>/getMe).
import pino, { type DestinationStream, type Logger } from "pino";

export const REDACTED = "[REDACTED]";

/** The spellings a secret can take inside a JSON log line. */
export function secretForms(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]);
  return [...forms].filter((s) => s.length > 0);
}

export function createLogger(
  options: { level?: string; secrets?: string[]; destination?: DestinationStream } = {},
): Logger {
  const forms = (options.secrets ?? [])
    .filter((s) => s.length >= 6)
    .flatMap(secretForms)
    // Longest first, so a secret that contains another is replaced whole.
    .sort((a, b) => b.length - a.length);
  const scrub = (text: string): string => forms.reduce((acc, s) => acc.split(s).join(REDACTED), text);
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
