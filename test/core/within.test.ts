// The one timeout race (src/core/within.ts), as readiness, shutdown, the Redis connect and Discord's deferral use it.
import { describe, expect, it } from "vitest";
import { noAnswerWithin, within } from "../../src/core/within";

const resolvesAfter = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe("within", () => {
  it("gives the work's result when it comes first", async () => {
    expect(await within(Promise.resolve("done"), 1_000, () => "late")).toBe("done");
  });

  it("gives what late() says when the time passes first", async () => {
    expect(await within(resolvesAfter(1_000, "done"), 1, () => "late")).toBe("late");
  });

  it("turns lateness into an error with noAnswerWithin", async () => {
    await expect(within(resolvesAfter(1_000, "done"), 1, noAnswerWithin(1))).rejects.toThrow("no answer within 1 ms");
  });

  it("rejects as the work does, and never times out an infinite bound", async () => {
    await expect(within(Promise.reject(new Error("broken")), 1_000, () => "late")).rejects.toThrow("broken");
    expect(await within(resolvesAfter(5, "done"), Number.POSITIVE_INFINITY, () => "late")).toBe("done");
  });
});
