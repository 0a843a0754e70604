// Structured logs (pino). Secrets are redacted by path and by value, so a token never reaches the output.
import pino, { type DestinationStream, type Logger } from "pino";

export function createLogger(
  options: { level?: string; secrets?: string[]; destination?: DestinationStream } = {},
): Logger {
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 6);
  const scrub = (text: string): string => secrets.reduce((acc, s) => acc.split(s).join("[REDACTED]"), text);
  const base = {
    level: options.level ?? process.env.LOG_LEVEL ?? "info",
    redact: {
      paths: [
        "token",
        "*.token",
        "secret",
        "*.secret",
        "headers.authorization",
        "*.headers.authorization",
        "config.token",
      ],
      censor: "[REDACTED]",
    },
    hooks: {
      streamWrite: scrub,
    },
  };
  return options.destination ? pino(base, options.destination) : pino(base);
}
