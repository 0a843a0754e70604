// What a failed send means for the queue. Recognised by shape, so the queue needs no platform library:
// grammY's GrammyError (error_code, parameters.retry_after) and HttpError, discord.js's DiscordAPIError /
// HTTPError (status) and RateLimitError (retryAfter in ms), Node network errors (code).
import { ChatGoneError } from "../core/errors";

export type SendFailure =
  | { kind: "gone" }
  | { kind: "rate-limited"; retryAfterMs: number }
  | { kind: "transient" }
  | { kind: "permanent" };

const NETWORK_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "EAI_AGAIN",
  "ENOTFOUND",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
]);

interface ErrorShape {
  name?: string;
  code?: string | number;
  error_code?: number;
  status?: number;
  parameters?: { retry_after?: number };
  retryAfter?: number;
  cause?: unknown;
}

export function classifySendError(error: unknown): SendFailure {
  if (error instanceof ChatGoneError) return { kind: "gone" };
  const e = (error ?? {}) as ErrorShape;
  const status = typeof e.error_code === "number" ? e.error_code : typeof e.status === "number" ? e.status : undefined;
  if (status === 429 || e.name === "RateLimitError") {
    const seconds = e.parameters?.retry_after;
    const ms = typeof seconds === "number" ? seconds * 1000 : typeof e.retryAfter === "number" ? e.retryAfter : 1000;
    return { kind: "rate-limited", retryAfterMs: Math.max(0, ms) };
  }
  if (status !== undefined && status >= 500) return { kind: "transient" };
  if (status !== undefined) return { kind: "permanent" };
  if (e.name === "HttpError" || e.name === "AbortError" || e.name === "TimeoutError") return { kind: "transient" };
  if (typeof e.code === "string" && NETWORK_CODES.has(e.code)) return { kind: "transient" };
  // fetch wraps the socket error: TypeError("fetch failed", { cause }).
  if (e.cause && e.cause !== error) {
    const inner = classifySendError(e.cause);
    if (inner.kind !== "permanent") return inner;
  }
  return { kind: "permanent" };
}
