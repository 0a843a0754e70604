import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { byCodeUnits, sortSteps } from "../../src/core/sort-steps";
import { runSteps, runStepsPausing } from "../../src/core/steps";

/** Sorted in a run with pauses (a sliced build): the merge sort in steps. */
async function inSlices<T>(items: T[], compare: (a: T, b: T) => number): Promise<{ sorted: T[]; steps: number }> {
  let steps = 0;
  const sorted = await runStepsPausing(sortSteps(items, compare), async () => {
    steps++;
  });
  return { sorted, steps };
}

describe("sortSteps", () => {
  it("sorts as Array.prototype.sort does, in place, and stays stable, in slices and at once", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.nat()), { maxLength: 5000 }),
        async (pairs) => {
          const items = pairs.map(([key, n], i) => ({ key, n, i }));
          const expected = [...items].sort((a, b) => a.key - b.key);
          const copy = [...items];
          const { sorted } = await inSlices(items, (a, b) => a.key - b.key);
          expect(sorted).toBe(items);
          expect(sorted).toEqual(expected);
          const atOnce = runSteps(sortSteps(copy, (a, b) => a.key - b.key));
          expect(atOnce).toBe(copy);
          expect(atOnce).toEqual(expected);
        },
      ),
      { seed: 42, numRuns: 60 },
    );
  });

  it("yields while sorting a long list in a sliced build, and sorts strings in code-unit order either way", async () => {
    const words = Array.from({ length: 20_000 }, (_, i) => `w${(i * 7919) % 20_000}${i % 3 ? "ắ" : "Z"}`);
    const expected = [...words].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const { sorted, steps } = await inSlices([...words], byCodeUnits);
    expect(sorted).toEqual(expected);
    expect(steps).toBeGreaterThan(20);
    expect(runSteps(sortSteps([...words], byCodeUnits))).toEqual(expected);
  });
});
