// Graceful shutdown: on SIGTERM/SIGINT, run the steps in order (stop taking updates, finish in-flight work,
// flush the store), then exit 0. Each step can have its own bound, so one that hangs is cut short and the
// steps after it (closing the store) still run; a step that fails or is cut short makes the exit code 1. If the
// whole stop takes longer than the overall bound, the process exits 1 at once, naming the step it was stuck in.
import type { Logger } from "pino";
import { within } from "../core/within";

export interface ShutdownStep {
  name: string;
  run(): unknown;
  /**
   * The share of the overall bound (0–1], counted from the start of the stop, by which this step must be over.
   * Past it the step is left behind (logged, exit code 1) and the next one starts. Without it, a step may use
   * whatever is left of the overall bound.
   */
  by?: number;
}

export interface ShutdownOptions {
  steps: readonly ShutdownStep[];
  timeoutMs: number;
  logger: Logger;
  exit?: (code: number) => void;
}

/** `exitCode` 1 for a stop caused by a failure (a platform that would not start); the steps run all the same. */
export type Shutdown = (reason: string, exitCode?: number) => Promise<number>;

export function createShutdown(options: ShutdownOptions): Shutdown {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let running: Promise<number> | undefined;
  return (reason, exitCode = 0) => {
    running ??= (async () => {
      const { logger } = options;
      logger.info({ reason, timeoutMs: options.timeoutMs }, "shutting down");
      const startedAt = Date.now();
      let current = "(start)";
      let code = exitCode;
      const timer = setTimeout(() => {
        logger.error({ step: current, timeoutMs: options.timeoutMs }, "shutdown took too long; exiting now");
        exit(1);
      }, options.timeoutMs);
      for (const step of options.steps) {
        current = step.name;
        const boundMs = step.by === undefined ? Number.POSITIVE_INFINITY : step.by * options.timeoutMs;
        try {
          const work = Promise.resolve().then(() => step.run());
          const outcome = within(
            work.then(() => "done" as const),
            startedAt + boundMs - Date.now(),
            () => "cut" as const,
          );
          if ((await outcome) === "cut") {
            code = 1;
            // Keep a late failure of the abandoned step from surfacing as an unhandled rejection.
            work.catch(() => {});
            logger.error({ step: step.name, boundMs }, "shutdown step not finished in time; left behind");
          } else {
            logger.debug({ step: step.name }, "shutdown step done");
          }
        } catch (error) {
          code = 1;
          logger.error({ err: error, step: step.name }, "shutdown step failed");
        }
      }
      clearTimeout(timer);
      logger.info({ code, ms: Date.now() - startedAt }, "stopped");
      exit(code);
      return code;
    })();
    return running;
  };
}

/** Waits for all of `work` (one failure must not cut the others short), then throws the first failure if any. */
export async function allSettledOrThrow(work: readonly Promise<unknown>[]): Promise<void> {
  const results = await Promise.allSettled(work);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
}

/** Calls `shutdown` on SIGTERM and SIGINT; a second signal while shutting down exits at once. */
export function handleStopSignals(
  shutdown: Shutdown,
  logger: Logger,
  exit = (code: number) => process.exit(code),
): () => void {
  let received = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    received += 1;
    if (received > 1) {
      logger.warn({ signal }, "second stop signal: exiting without waiting");
      exit(1);
      return;
    }
    void shutdown(signal);
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  return () => {
    process.off("SIGTERM", onSignal);
    process.off("SIGINT", onSignal);
  };
}
