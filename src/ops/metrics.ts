// The bot's Prometheus metrics, in their own registry (so tests and several instances never share counters).
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

export type CommandOutcome = "ok" | "user-error" | "error" | "refused";
/** The scheduler's delivery outcomes: sent, empty (nothing to say that day), missed, failed, gone (chat left). */
export type DigestOutcome = "sent" | "empty" | "missed" | "failed" | "gone";

export interface BotMetrics {
  readonly registry: Registry;
  /** Counts one command by name and outcome and records its latency. */
  commandDone(command: string, outcome: CommandOutcome, ms: number): void;
  digest(outcome: DigestOutcome, count?: number): void;
  reload(result: "ok" | "refused"): void;
  storeError(operation: string): void;
  /** The text exposition served at /metrics. */
  render(): Promise<string>;
  readonly contentType: string;
}

/** Unknown command names are folded into one label value so a user typing nonsense cannot grow the series. */
export const UNKNOWN_COMMAND = "(unknown)";

export function createMetrics(options: { knownCommands: readonly string[]; processMetrics?: boolean }): BotMetrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: "huunghi_" });
  const known = new Set(options.knownCommands);
  const commands = new Counter({
    name: "huunghi_commands_total",
    help: "Commands handled, by command name and outcome (ok, user-error, error, refused)",
    labelNames: ["command", "outcome"] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: "huunghi_command_duration_seconds",
    help: "Time from invocation to reply, by command",
    labelNames: ["command"] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const digests = new Counter({
    name: "huunghi_digests_total",
    help: "Digest deliveries by outcome (sent, empty, missed, failed, gone)",
    labelNames: ["outcome"] as const,
    registers: [registry],
  });
  const reloads = new Counter({
    name: "huunghi_reloads_total",
    help: "Corpus reloads by result (ok = swapped in, refused = broken data, old corpus kept)",
    labelNames: ["result"] as const,
    registers: [registry],
  });
  const storeErrors = new Counter({
    name: "huunghi_store_errors_total",
    help: "Failed state store operations, by operation",
    labelNames: ["operation"] as const,
    registers: [registry],
  });
  // Zero-valued series exist from the start, so rate() and alerts work before the first event.
  for (const outcome of ["sent", "empty", "missed", "failed", "gone"] as const) digests.inc({ outcome }, 0);
  for (const result of ["ok", "refused"] as const) reloads.inc({ result }, 0);

  return {
    registry,
    contentType: registry.contentType,
    commandDone(command, outcome, ms) {
      const name = known.has(command) ? command : UNKNOWN_COMMAND;
      commands.inc({ command: name, outcome });
      latency.observe({ command: name }, ms / 1000);
    },
    digest: (outcome, count = 1) => digests.inc({ outcome }, count),
    reload: (result) => reloads.inc({ result }),
    storeError: (operation) => storeErrors.inc({ operation }),
    render: () => registry.metrics(),
  };
}
