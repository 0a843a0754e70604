import { describe, expect, it } from "vitest";
import { runSteps, runStepsPausing } from "../../src/core/steps";

function* countTo(n: number, seen: number[]): Generator<void, number> {
  for (let i = 1; i <= n; i++) {
    seen.push(i);
    yield;
  }
  return n * 10;
}

describe("steps", () => {
  it("runs every step at once and gives the result", () => {
    const seen: number[] = [];
    expect(runSteps(countTo(4, seen))).toBe(40);
    expect(seen).toEqual([1, 2, 3, 4]);
  });

  it("pauses once between each step, before the work goes on", async () => {
    const log: string[] = [];
    const seen: number[] = [];
    const steps = countTo(3, seen);
    const result = await runStepsPausing(steps, async () => {
      log.push(`pause after ${seen.at(-1)}`);
    });
    expect(result).toBe(30);
    expect(log).toEqual(["pause after 1", "pause after 2", "pause after 3"]);
  });
});
