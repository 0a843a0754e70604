// A store that cannot answer (down, hung, locked, read-only) is an expected failure, not a bug: the user is told
// the store is unavailable in their language, and callers that can go on without it (the language lookup,
// readiness, digests) recognise it by class.
import { UserError } from "../core/errors";
import { both } from "../core/i18n";

export class StoreUnavailableError extends UserError {
  constructor(
    readonly operation: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(
      "store-unavailable",
      both((w) => w.storeUnavailable),
    );
    this.name = "StoreUnavailableError";
    this.message = `state store unavailable (${operation}): ${reason}`;
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** What a backend failure means, in words an operator can act on. */
export function describeStoreFailure(error: unknown): string {
  const e = (error ?? {}) as { code?: unknown; message?: unknown };
  const message = typeof e.message === "string" ? e.message : String(error);
  if (e.code === "SQLITE_BUSY" || /SQLITE_BUSY|database is locked/.test(message)) {
    return "the SQLite file is locked by another process (a backup or a second bot on the same file?)";
  }
  if (e.code === "SQLITE_READONLY" || /SQLITE_READONLY|readonly database/.test(message)) {
    return "the SQLite file is read-only (check its permissions and those of its directory)";
  }
  return message;
}
