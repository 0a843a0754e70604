// The one timeout race: a piece of work, or what to do when it takes too long, whichever comes first.

/**
 * Settles as `work` does, or as `late()` once `ms` have passed first (an infinite `ms` never is late). The timer
 * is cleared either way and never keeps the process alive. `late` may throw to turn lateness into a failure.
 */
export function within<T, L>(work: Promise<T>, ms: number, late: () => L | Promise<L>): Promise<T | L> {
  if (!Number.isFinite(ms)) return work;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<L>((resolve, reject) => {
    timer = setTimeout(
      () => {
        try {
          resolve(late());
        } catch (error) {
          reject(error);
        }
      },
      Math.max(0, ms),
    );
    (timer as { unref?: () => void }).unref?.();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** For `within`: lateness as an error, "no answer within 500 ms". */
export function noAnswerWithin(ms: number): () => never {
  return () => {
    throw new Error(`no answer within ${ms} ms`);
  };
}
