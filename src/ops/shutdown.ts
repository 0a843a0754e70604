// Graceful shutdown: on SIGTERM/SIGINT, run the steps in order (stop taking updates, finish in-flight work,
// flush the store), then exit 0. A step that fails is logged and makes the exit code 1; a shutdown that takes
// longer than the bound exits 1 naming the step it was stuck in.
import type { Logger } from "pino";

export interface ShutdownStep {
  name: string;
  run(): unknown;
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
      logger.info({ reason }, "shutting down");
      let current = "(start)";
      let code = exitCode;
      const timer = setTimeout(() => {
        logger.error({ step: current, timeoutMs: options.timeoutMs }, "shutdown took too long; exiting now");
        exit(1);
      }, options.timeoutMs);
      for (const step of options.steps) {
        current = step.name;
        try {
          await step.run();
          logger.debug({ step: step.name }, "shutdown step done");
        } catch (error) {
          code = 1;
          logger.error({ err: error, step: step.name }, "shutdown step failed");
        }
      }
      clearTimeout(timer);
      logger.info({ code }, "stopped");
      exit(code);
      return code;
    })();
    return running;
  };
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
