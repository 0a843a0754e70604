// Builds the StatusInfo shown by /status from the running pieces.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Corpus } from "../core/corpus";
import type { StateStore, StatusInfo } from "../core/services";

/** The bot's version from package.json. */
export const BOT_VERSION: string = (() => {
  try {
    const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, "..", "..", "package.json"), "utf8")) as {
      version?: string;
    };
    return pkg.version ?? "unknown";
  } catch {
    return "unknown";
  }
})();

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
    const next = await sources.nextDigest?.();
    if (next) info.nextDigest = next;
    return info;
  };
}
