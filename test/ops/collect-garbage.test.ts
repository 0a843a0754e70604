import { getHeapStatistics } from "node:v8";
import { describe, expect, it } from "vitest";
import { collectGarbage } from "../../src/ops/collect-garbage";

describe("collectGarbage", () => {
  it("collects what nothing refers to any more, without --expose-gc on the command line", () => {
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe("undefined");
    collectGarbage();
    const before = getHeapStatistics().used_heap_size;
    let garbage: string[] | undefined = Array.from({ length: 200_000 }, (_, i) => `record ${i}`);
    expect(getHeapStatistics().used_heap_size - before).toBeGreaterThan(8_000_000);
    garbage = undefined;
    collectGarbage();
    expect(garbage).toBeUndefined();
    expect(getHeapStatistics().used_heap_size - before).toBeLessThan(2_000_000);
  });
});
