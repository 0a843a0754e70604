// Builds the StatusInfo shown by /status from the running pieces.
import type { Corpus } from "../core/corpus";
import { formatInstant } from "../core/format";
import type { StateStore, StatusInfo } from "../core/services";
import { BOT_VERSION } from "../version";

export interface StatusSources {
  version?: string;
  /** When the process started serving (ms since the epoch). */
  startedAt: number;
  corpus(): Corpus;
  platforms(): readonly { name: string; connected: boolean }[];
  store?: StateStore;
  /** The next digest due, as text (time and zone), if the scheduler knows one. */
  nextDigest?(): string | undefined | Promise<string | undefined>;
  now?: () => number;
}

export function createStatus(sources: StatusSources): () => Promise<StatusInfo> {
  const now = sources.now ?? Date.now;
  return async () => {
    const corpus = sources.corpus();
    const info: StatusInfo = {
      version: sources.version ?? BOT_VERSION,
      corpusVersion: corpus.version,
      counts: corpus.counts(),
      uptimeSeconds: Math.round((now() - sources.startedAt) / 1000),
      platforms: sources.platforms().map((p) => ({ name: p.name, connected: p.connected })),
      subscriptions: 0,
    };
    if (sources.store) {
      try {
        info.subscriptions = (await sources.store.listSubscriptions()).length;
        info.store = { ok: true, detail: "reachable" };
      } catch (error) {
        info.store = { ok: false, detail: (error as Error)?.message ?? String(error) };
      }
    }
    // The next digest comes from the subscriptions in the store: a failing store must not sink the whole
    // report, which exists precisely to show what is wrong.
    try {
      const next = await sources.nextDigest?.();
      if (next) info.nextDigest = next;
    } catch (error) {
      info.nextDigestError = (error as Error)?.message ?? String(error);
    }
    return info;
  };
}

export interface NextDigestOptions {
  /** DIGEST_ENABLED. */
  enabled: boolean;
  /** The zone the time is shown in (BOT_TIMEZONE). */
  zone: string;
  /** The scheduler's next due time (reads the subscriptions from the store, so it can throw). */
  nextRun(): Promise<Date | undefined>;
}

/** The "next digest" text for /status: "25/11/2026 08:00 GMT+7", "off (…)", or undefined when none is due. */
export function nextDigestText(options: NextDigestOptions): () => Promise<string | undefined> {
  return async () => {
    if (!options.enabled) return "off (DIGEST_ENABLED=false)";
    const next = await options.nextRun();
    return next && formatInstant(next, options.zone);
  };
}
