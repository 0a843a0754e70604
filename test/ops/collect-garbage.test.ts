import { getHeapStatistics } from "node:v8";
import { describe, expect, it, vi } from "vitest";
import { collectGarbage, collectLoadGarbage } from "../../src/ops/collect-garbage";

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

  it("after a load, collects at once and once more half a second later", () => {
    vi.useFakeTimers();
    try {
      collectLoadGarbage();
      const before = getHeapStatistics().used_heap_size;
      let garbage: string[] | undefined = Array.from({ length: 200_000 }, (_, i) => `record ${i}`);
      expect(getHeapStatistics().used_heap_size - before).toBeGreaterThan(8_000_000);
      garbage = undefined;
      vi.advanceTimersByTime(500);
      expect(garbage).toBeUndefined();
      expect(getHeapStatistics().used_heap_size - before).toBeLessThan(2_000_000);
    } finally {
      vi.useRealTimers();
    }
  });
});
