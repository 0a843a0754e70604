import { describe, expect, it } from "vitest";
import { decodeSnapshot, decodeSnapshotSteps, encodeSnapshot } from "../../src/corpus/snapshot-codec";
import { unframe } from "../../src/corpus/snapshot-file";

const value = {
  words: Array.from({ length: 40_000 }, (_, i) => `từ ${i % 36_000}`),
  // Lengths that leave the next array off an 8-byte boundary, and every kind a snapshot may hold.
  small: Array.from({ length: 300 }, (_, i) => Int32Array.from({ length: (i % 5) + 1 }, (_, k) => k + i)),
  odd: [Uint8Array.of(1, 2, 3), Int16Array.of(-4, 5, 6), Uint8ClampedArray.of(7), Int8Array.of(-8)],
  wide: [Uint16Array.of(9), Uint32Array.of(10), Float32Array.of(0.5), BigInt64Array.of(-11n), BigUint64Array.of(12n)],
  view: new DataView(Uint8Array.of(13, 14, 15).buffer, 1, 2),
  large: Float64Array.from({ length: 300_000 }, (_, i) => i / 3),
};
const late = { names: ["a.txt", "b.txt"], bytes: Uint8Array.from([1, 2, 3, 4, 5]), starts: Int32Array.of(0, 2, 5) };

describe("snapshot codec", () => {
  it("gives back both values, from a file in parts, read in several steps", async () => {
    const file = await encodeSnapshot("k", value, Promise.resolve(late));
    expect((unframe(file) as Buffer[]).length).toBeGreaterThan(3);
    const steps = decodeSnapshotSteps(file, "k");
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    expect(yields).toBeGreaterThan(2);
    expect(step.value).toEqual({ value, late });
    expect(decodeSnapshot(file, "other key")).toBeUndefined();
  });

  it("puts every typed array of both values into one block of exactly their size, apart from the file's bytes", async () => {
    const file = await encodeSnapshot("k", value, Promise.resolve(late));
    const back = decodeSnapshot(file, "k") as { value: typeof value; late: typeof late };
    const { small, odd, wide, view, large } = back.value;
    const views = [...small, ...odd, ...wide, view, large, back.late.bytes, back.late.starts];
    const block = back.value.large.buffer;
    for (const view of views) expect(view.buffer).toBe(block);
    const aligned = (n: number) => Math.ceil(n / 8) * 8;
    expect(block.byteLength).toBe(views.reduce((sum, v) => sum + aligned(v.byteLength), 0));
    expect(block).not.toBe(file.buffer);
  });

  it("gives a Buffer back as a Uint8Array, and refuses a kind of array it does not know", async () => {
    const file = await encodeSnapshot("k", { b: Buffer.from("abc") }, Promise.resolve(null));
    const back = decodeSnapshot(file, "k")?.value as { b: Uint8Array };
    expect(back.b).toEqual(Uint8Array.from(Buffer.from("abc")));
    expect(Buffer.isBuffer(back.b)).toBe(false);
    const odd = Object.defineProperty(new Uint8Array(2), Symbol.toStringTag, { value: "Odd" });
    await expect(encodeSnapshot("k", { o: odd }, Promise.resolve(null))).rejects.toThrow("cannot hold a Odd");
  });
});
