// Discord drops an interaction that is not acknowledged within 3 seconds. Work that answers quickly
// replies directly; work that is still running after `afterMs` is deferred first, then the reply edits in.

import { within } from "../../core/within";

export interface Deferred<T> {
  value: T;
  deferred: boolean;
}

/** Awaits `work`; if it is not done after `afterMs`, awaits `defer()` first (once), then the work. */
export async function answerInTime<T>(
  work: Promise<T>,
  afterMs: number,
  defer: () => Promise<unknown>,
): Promise<Deferred<T>> {
  const late = Symbol("late");
  const first = await within(work, afterMs, () => late);
  if (first !== late) return { value: first as T, deferred: false };
  await defer();
  return { value: await work, deferred: true };
}
