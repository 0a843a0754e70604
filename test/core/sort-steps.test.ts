import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { byCodeUnits, sortSteps } from "../../src/core/sort-steps";

function run<T>(items: T[], compare: (a: T, b: T) => number): { sorted: T[]; steps: number } {
  const it = sortSteps(items, compare);
  let steps = 0;
  let next = it.next();
  while (!next.done) {
    steps++;
    next = it.next();
  }
  return { sorted: next.value, steps };
}

describe("sortSteps", () => {
  it("sorts as Array.prototype.sort does, in place, and stays stable", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.nat()), { maxLength: 5000 }), (pairs) => {
        const items = pairs.map(([key, n], i) => ({ key, n, i }));
        const expected = [...items].sort((a, b) => a.key - b.key);
        const { sorted } = run(items, (a, b) => a.key - b.key);
        expect(sorted).toBe(items);
        expect(sorted).toEqual(expected);
      }),
      { seed: 42, numRuns: 60 },
    );
  });

  it("yields while sorting a long list, so a sliced build can pause", () => {
    const words = Array.from({ length: 20_000 }, (_, i) => `w${(i * 7919) % 20_000}`);
    const { sorted, steps } = run([...words], byCodeUnits);
    expect(sorted).toEqual([...words].sort());
    expect(steps).toBeGreaterThan(20);
  });
});
