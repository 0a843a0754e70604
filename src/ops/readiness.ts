// Readiness: the corpus is loaded, the store answers, and every configured platform is connected.
import type { StateStore } from "../core/services";
import { noAnswerWithin, within } from "../core/within";

export interface CheckResult {
  ok: boolean;
  detail: string;
}

export interface ReadinessReport {
  ready: boolean;
  checks: { corpus: CheckResult; store: CheckResult; platforms: CheckResult };
}

export interface ReadinessSources {
  /** The corpus version being served, or undefined while none is loaded. */
  corpusVersion(): string | undefined;
  store?: StateStore;
  platforms(): readonly { name: string; connected: boolean }[];
  /** A ping slower than this counts as the store being down. */
  storeTimeoutMs?: number;
}

export async function checkReadiness(sources: ReadinessSources): Promise<ReadinessReport> {
  const version = sources.corpusVersion();
  const corpus: CheckResult = version ? { ok: true, detail: version } : { ok: false, detail: "no corpus loaded" };
  const store = await pingStore(sources.store, sources.storeTimeoutMs ?? 2000);
  const list = sources.platforms();
  const down = list.filter((p) => !p.connected).map((p) => p.name);
  const platforms: CheckResult =
    down.length > 0
      ? { ok: false, detail: `not connected: ${down.join(", ")}` }
      : { ok: true, detail: list.length ? list.map((p) => p.name).join(", ") : "none configured" };
  return { ready: corpus.ok && store.ok && platforms.ok, checks: { corpus, store, platforms } };
}

async function pingStore(store: StateStore | undefined, timeoutMs: number): Promise<CheckResult> {
  if (!store) return { ok: false, detail: "no store" };
  try {
    await within(store.ping(), timeoutMs, noAnswerWithin(timeoutMs));
    return { ok: true, detail: "reachable" };
  } catch (error) {
    return { ok: false, detail: `unreachable: ${(error as Error)?.message ?? String(error)}` };
  }
}
