// Reloads that do not come from a chat (SIGHUP, a change in data/): logged and audited like /reload,
// and at most one at a time, with one more run when files changed while a reload was going on.
import type { Logger } from "pino";
import type { ReloadOutcome, StateStore } from "../core/services";
import type { BotMetrics } from "./metrics";

/** Wraps the holder's reload so every outcome is counted in the metrics. */
export function countedReload(reload: () => Promise<ReloadOutcome>, metrics: BotMetrics): () => Promise<ReloadOutcome> {
  return async () => {
    const outcome = await reload();
    metrics.reload(outcome.ok ? "ok" : "refused");
    return outcome;
  };
}

/** A one-line summary of a diff: "provinces +1 −0 ~2, events +3 −0 ~0". */
export function summarizeDiff(diff: ReloadOutcome["diff"]): string {
  const parts = Object.entries(diff ?? {}).map(
    ([kind, d]) => `${kind} +${d.added.length} −${d.removed.length} ~${d.changed.length}`,
  );
  return parts.length ? parts.join(", ") : "no changes";
}

export interface OpsReloadOptions {
  reload: () => Promise<ReloadOutcome>;
  /** Who asked, for the audit log: "system:sighup", "system:data-watch". */
  who: string;
  store?: StateStore;
  logger: Logger;
}

export async function reloadFromOps(options: OpsReloadOptions): Promise<ReloadOutcome> {
  const { logger } = options;
  let outcome: ReloadOutcome;
  try {
    outcome = await options.reload();
  } catch (error) {
    logger.error({ err: error, trigger: options.who }, "reload failed");
    await audit(options, "failed", `internal error: ${(error as Error)?.message ?? String(error)}`);
    throw error;
  }
  if (outcome.ok) {
    const summary = summarizeDiff(outcome.diff);
    logger.info({ trigger: options.who, version: outcome.version, diff: outcome.diff }, `corpus reloaded: ${summary}`);
    await audit(options, "ok", `version ${outcome.version}: ${summary}`);
  } else {
    const errors = outcome.errors ?? [];
    logger.error(
      { trigger: options.who, version: outcome.version, errors },
      `reload refused: ${errors.length} error(s) in data; still serving ${outcome.version}`,
    );
    await audit(options, "failed", `${errors.length} error(s); first: ${errors[0]?.file} ${errors[0]?.path}`);
  }
  return outcome;
}

async function audit(options: OpsReloadOptions, result: "ok" | "failed", detail: string): Promise<void> {
  await options.store
    ?.appendAudit({
      at: new Date().toISOString(),
      who: options.who,
      where: "process",
      what: "/reload",
      result,
      detail: detail.slice(0, 200),
    })
    .catch((error: unknown) => options.logger.warn({ err: error }, "could not write the audit log"));
}

/** Runs `task` at most once at a time; calls made meanwhile collapse into one more run afterwards. */
export function serialTrigger(task: () => Promise<unknown>): { (): Promise<void>; idle(): Promise<void> } {
  let running: Promise<void> | undefined;
  let again = false;
  const trigger = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await task().catch(() => {});
        } while (again);
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  trigger.idle = async () => {
    await running;
  };
  return trigger;
}
