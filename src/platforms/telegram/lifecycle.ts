// Signing in and staying signed in. An unreachable Bot API at start-up is retried with each attempt logged
// (the other platforms and digests start meanwhile); a refused token ends Telegram's start-up at once. Once
// polling, a 409 Conflict (a second poller on the token) or any other end of the runner is logged and polling
// restarts after a growing pause; a 401 (token revoked) stops Telegram alone. Nothing here rejects unhandled.
import { type Api, GrammyError } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Logger } from "pino";

export interface RetryDelays {
  /** First pause after a failure (default 1 s). */
  firstMs?: number;
  /** Pauses double up to this (default 60 s). */
  maxMs?: number;
}

/** One getMe attempt may take this long (a black-holed host would otherwise hold it for minutes). */
const ATTEMPT_TIMEOUT_MS = 10_000;

/** Telegram answers 401 for a revoked or mistyped token and 404 for a token of the wrong shape. */
export function isTokenRefused(error: unknown): boolean {
  return error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404);
}

export function isConflict(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 409;
}

export class TokenRefusedError extends Error {
  constructor(cause: unknown) {
    super(
      `Telegram refused the bot token (${(cause as Error)?.message ?? String(cause)}): check TELEGRAM_BOT_TOKEN (revoked or mistyped?)`,
    );
    this.name = "TokenRefusedError";
  }
}

/** Grows a pause from `firstMs`, doubling up to `maxMs`; `reset` after a success. */
export function backoff(delays: RetryDelays = {}) {
  const first = delays.firstMs ?? 1000;
  const max = delays.maxMs ?? 60_000;
  let next = first;
  return {
    next(): number {
      const now = next;
      next = Math.min(max, next * 2);
      return now;
    },
    reset(): void {
      next = first;
    },
  };
}

/** Resolves after `ms`, or rejects with an AbortError when `signal` aborts first. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * getMe until it answers, each failure logged with the next pause. `api` must be one without auto-retry
 * (grammY's auto-retry retries network errors forever without a word). A refused token throws
 * TokenRefusedError at once: retrying cannot fix it.
 */
export async function signIn(
  api: Api,
  log: Logger,
  signal: AbortSignal,
  delays: RetryDelays & { onRetry?: () => void } = {},
): Promise<UserFromGetMe> {
  const wait = backoff(delays);
  for (let attempt = 1; ; attempt++) {
    try {
      const attemptSignal = AbortSignal.any([signal, AbortSignal.timeout(ATTEMPT_TIMEOUT_MS)]);
      // grammY types its signal as the abort-controller shim; Node's own AbortSignal is what it uses at run time.
      return await api.getMe(attemptSignal as Parameters<Api["getMe"]>[0]);
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      if (isTokenRefused(error)) throw new TokenRefusedError(error);
      const retryInMs = wait.next();
      log.warn(
        { err: error, attempt, retryInMs },
        `telegram: cannot reach the Bot API (getMe attempt ${attempt} failed); retrying in ${Math.round(retryInMs / 1000)} s — the other platforms and digests carry on meanwhile`,
      );
      delays.onRetry?.();
      await pause(retryInMs, signal);
    }
  }
}
