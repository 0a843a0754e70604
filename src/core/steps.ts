// Work written as a generator that yields between steps of a few milliseconds, run either at once or with a pause
// between steps (a reload builds the next corpus version in slices, so commands keep being answered: Corpus.build).

export function runSteps<T>(steps: Generator<void, T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

export async function runStepsPausing<T>(steps: Generator<void, T>, pause: () => Promise<void>): Promise<T> {
  let step = next(steps);
  while (!step.done) {
    await pause();
    step = next(steps);
  }
  return step.value;
}

/** Steps of runs with pauses running now (nested, or not at all). */
let pausing = 0;

function next<T>(steps: Generator<void, T>): IteratorResult<void, T> {
  pausing++;
  try {
    return steps.next();
  } finally {
    pausing--;
  }
}

/** Whether the step running now is one of a run with pauses: work that could take long must yield in it. */
export function inPausedRun(): boolean {
  return pausing > 0;
}
