import { deserialize, serialize } from "node:v8";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PackError, pack, unpack } from "../../src/corpus/snapshot-pack";

/** Through v8 as a snapshot file goes: packed, serialized, read back, unpacked. */
const roundTrip = (value: unknown) => unpack(deserialize(serialize(pack(value))));

describe("snapshot pack", () => {
  it("gives back any JSON value as it was", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(roundTrip(value)).toEqual(value);
      }),
    );
  });

  it("keeps a field named __proto__ as a field, not as the object's prototype", () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}');
    const back = roundTrip(value) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(["__proto__", "a"]);
    expect(back).toEqual(value);
  });

  it("keeps numbers exactly: small and large integers, fractions, -0, NaN and infinities", () => {
    const numbers = [
      0,
      -0,
      1,
      -1,
      2 ** 27 - 1,
      -(2 ** 27),
      2 ** 27,
      -(2 ** 27) - 1,
      2 ** 53,
      0.1,
      NaN,
      Infinity,
      -Infinity,
    ];
    const back = roundTrip(numbers) as number[];
    back.forEach((n, i) => expect(Object.is(n, numbers[i])).toBe(true));
  });

  it("writes each distinct string once, however often it is used", () => {
    const quote = "Hai bên thống nhất tiếp tục tăng cường hợp tác toàn diện.";
    const records = Array.from({ length: 1000 }, (_, i) => ({ id: `r-${i}`, country: "VN", quote: `${quote}` }));
    const packed = pack(records);
    expect(packed.strings.length).toBe(1000 + 2);
    expect(roundTrip(records)).toEqual(records);
  });

  it("keeps an object used twice as one object, and undefined fields as fields", () => {
    const shared = { ids: ["son-la"] };
    const value = { a: shared, b: [shared, shared], gone: undefined };
    const back = roundTrip(value) as typeof value;
    expect(back).toEqual(value);
    expect(back.a).toBe(back.b[0]);
    expect(back.b[1]).toBe(back.b[0]);
    expect("gone" in back).toBe(true);
  });

  it("keeps maps, sets, typed arrays and empty objects, and gives class instances back as plain fields", () => {
    class Index {
      readonly byId = new Map<string, number[]>([
        ["a", [1, 2]],
        ["b", []],
      ]);
      readonly seen = new Set(["x", 3]);
      readonly postings = Int32Array.of(5, -7, 9);
      readonly freqs = Uint16Array.of(1, 65535);
      readonly empty = {};
    }
    const index = new Index();
    const back = roundTrip({ index, again: index.postings }) as { index: Index; again: Int32Array };
    expect(Object.getPrototypeOf(back.index)).toBe(Object.prototype);
    expect(back.index.byId).toEqual(index.byId);
    expect(back.index.seen).toEqual(index.seen);
    expect(back.index.postings).toEqual(index.postings);
    expect(back.index.freqs).toEqual(index.freqs);
    expect(back.index.empty).toEqual({});
    expect(back.again).toBe(back.index.postings);
  });

  it("refuses what a snapshot cannot hold, naming where it is", () => {
    expect(() => pack({ a: [1, () => 1] })).toThrow(PackError);
    expect(() => pack({ a: [1, () => 1] })).toThrow("snapshot.a[1]");
    expect(() => pack({ when: new Date(0) })).toThrow("Date (at snapshot.when)");
    expect(() => pack({ big: 1n })).toThrow("bigint");
    // Lengths and indexes share a 32-bit op with the tag: what would not fit is refused, not wrapped around.
    expect(() => pack({ list: Object.assign([], { length: 2 ** 27 }) })).toThrow("too large to pack");
  });

  it("refuses packed values that were cut short or altered", () => {
    const packed = pack({ a: [1, 2, 3] });
    expect(() => unpack({ ...packed, ops: packed.ops.slice(0, -1) })).toThrow("ends too soon");
    expect(() => unpack({ ...packed, ops: Int32Array.of(...packed.ops, 1 << 4) })).toThrow("left over");
    expect(() => unpack({ ...packed, ops: Int32Array.of(15) })).toThrow("unknown op");
  });
});
