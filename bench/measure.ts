// Timing helpers shared by the benchmarks: p50/p99 over enough runs, and a check list for `--check`.
import { performance } from "node:perf_hooks";

export interface Timing {
  runs: number;
  p50: number;
  p99: number;
}

/**
 * Runs `f` until `budgetMs` is spent (at least `minRuns`, at most `maxRuns`), after a warm-up of `warmup` runs and,
 * with `warmupMs`, of at least that long: code that takes microseconds is still being compiled by V8 over its
 * first few thousand calls, and a running bot has long since compiled it.
 */
export async function time(
  f: () => unknown,
  { budgetMs = 1500, minRuns = 5, maxRuns = 2000, warmup = 3, warmupMs = 0 } = {},
): Promise<Timing> {
  const warming = performance.now();
  for (let i = 0; i < warmup || performance.now() - warming < warmupMs; i++) await f();
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < maxRuns && (samples.length < minRuns || performance.now() - started < budgetMs)) {
    const t0 = performance.now();
    await f();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? Number.NaN;
  return { runs: samples.length, p50: at(0.5), p99: at(0.99) };
}

export function ms(value: number): string {
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(3)} ms`;
}

export function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

/** Targets missed in this run; `--check` turns a non-empty list into a non-zero exit. */
export class Checks {
  readonly missed: string[] = [];
  expect(label: string, ok: boolean, detail: string): void {
    if (!ok) this.missed.push(`${label}: ${detail}`);
  }
  report(check: boolean): void {
    if (this.missed.length === 0) {
      console.log("targets: all met");
      return;
    }
    console.log(`targets missed (${this.missed.length}):\n  ${this.missed.join("\n  ")}`);
    if (check) process.exitCode = 1;
  }
}
