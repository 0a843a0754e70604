// Work written as a generator that yields between steps of a few milliseconds, run either at once or with a pause
// between steps (a reload builds the next corpus version in slices, so commands keep being answered: Corpus.build).

export function runSteps<T>(steps: Generator<void, T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

export async function runStepsPausing<T>(steps: Generator<void, T>, pause: () => Promise<void>): Promise<T> {
  let step = steps.next();
  while (!step.done) {
    await pause();
    step = steps.next();
  }
  return step.value;
}
