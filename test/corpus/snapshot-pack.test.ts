import { deserialize, getHeapStatistics, serialize, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PackError, pack, unpack, unpackSteps } from "../../src/corpus/snapshot-pack";

/** Through v8 as a snapshot file goes: packed, serialized, read back, unpacked. */
const roundTrip = (value: unknown) => unpack(deserialize(serialize(pack(value))));

describe("snapshot pack", () => {
  it("unpacks in steps that stop anywhere inside a value, and gives the value unpack gives", () => {
    const value = {
      deep: Array.from({ length: 3_000 }, (_, i) => ({
        i,
        tags: [`t${i % 7}`, [i, { n: i }]],
        m: new Map([[i, `v${i}`]]),
      })),
      set: new Set(Array.from({ length: 50_000 }, (_, i) => i)),
    };
    const packed = deserialize(serialize(pack(value)));
    const steps = unpackSteps(packed);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    expect(yields).toBeGreaterThan(1);
    expect(step.value).toEqual(value);
    expect(step.value).toEqual(unpack(packed));
  });

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

  it("gives typed arrays and DataViews back with their own bytes, as node's serializer writes each view", () => {
    const buffer = new ArrayBuffer(16);
    const value = { a: new Int32Array(buffer, 0, 2), b: new Uint8Array(buffer, 8, 8), d: new DataView(buffer, 12, 4) };
    value.a[1] = 7;
    value.d.setUint8(0, 9);
    const back = roundTrip(value) as typeof value;
    expect([...back.a]).toEqual([0, 7]);
    expect(back.b[4]).toBe(9);
    expect(back.d).toBeInstanceOf(DataView);
    expect(back.d.byteLength).toBe(4);
    expect(back.d.getUint8(0)).toBe(9);
  });

  it("refuses what a snapshot cannot hold, naming where it is", () => {
    expect(() => pack({ a: [1, () => 1] })).toThrow(PackError);
    expect(() => pack({ a: [1, () => 1] })).toThrow("snapshot.a[1]");
    expect(() => pack({ when: new Date(0) })).toThrow("Date (at snapshot.when)");
    expect(() => pack({ big: 1n })).toThrow("bigint");
    // Built-ins that would come back as `{}`, and holes that would come back as values.
    expect(() => pack({ name: new String("Sơn La") })).toThrow("String (at snapshot.name)");
    expect(() => pack([new WeakMap()])).toThrow("WeakMap");
    expect(() => pack({ later: Promise.resolve(1) })).toThrow("Promise");
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    expect(() => pack({ list: [1, , 3] })).toThrow("hole (at snapshot.list[1])");
    // Lengths and indexes share a 32-bit op with the tag: what would not fit is refused, not wrapped around.
    expect(() => pack({ list: Object.assign([], { length: 2 ** 27 }) })).toThrow("too large to pack");
  });

  it("refuses a cycle when packing, and a packed value that refers to itself when unpacking", () => {
    const list: unknown[] = [1];
    list.push({ back: list });
    expect(() => pack({ list })).toThrow("cycle (at snapshot.list[1].back)");
    const map = new Map<string, unknown>();
    map.set("self", map);
    expect(() => pack(map)).toThrow("cycle");
    // The same object twice, side by side, is not a cycle.
    const shared = { a: 1 };
    expect(roundTrip([shared, { inner: shared }])).toEqual([shared, { inner: shared }]);
    // [ [ SEEN 0 ] ]: an array holding the array around it.
    const selfish = { ops: Int32Array.of((1 << 4) | 3, (1 << 4) | 3, (0 << 4) | 5), strings: [], shapes: [] };
    expect(() => unpack({ ...selfish, numbers: new Float64Array(0), views: [] })).toThrow("inside itself");
  });

  it("gives back arrays at their exact length and objects with their fields in one literal", () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const packed = pack(Array.from({ length: 50_000 }, (_, i) => [i]));
    gc();
    const before = getHeapStatistics().used_heap_size;
    const back = unpack(packed) as number[][];
    gc();
    const grown = getHeapStatistics().used_heap_size - before;
    expect(back[49_999]).toEqual([49_999]);
    // A one-item array is 56 bytes made exactly; filled by push it kept room for 16 items (176 bytes).
    expect(grown / back.length).toBeLessThan(100);
    const fields = { b: 1, a: "x", "0": true, "with space": null, 'qu"ote\u2028': [1] };
    const object = roundTrip({ list: [fields, fields] }) as { list: Record<string, unknown>[] };
    expect(object.list[0]).toEqual(fields);
    expect(Object.keys(object.list[0] as object)).toEqual(Object.keys(fields));
    expect(object.list[1]).toBe(object.list[0]);
  });

  it("refuses packed values that were cut short or altered", () => {
    const packed = pack({ a: [1, 2, 3] });
    expect(() => unpack({ ...packed, ops: packed.ops.slice(0, -1) })).toThrow("ends too soon");
    expect(() => unpack({ ...packed, ops: Int32Array.of(...packed.ops, 1 << 4) })).toThrow("left over");
    expect(() => unpack({ ...packed, ops: Int32Array.of(15) })).toThrow("unknown op");
    // Every op that points into a list, pointing past its end or before its start.
    const value = { id: "son-la", n: 0.5, list: [Int32Array.of(1)], again: [] as unknown[] };
    value.again = value.list;
    const good = pack(value);
    expect(unpack(good)).toEqual(value);
    for (let at = 0; at < good.ops.length; at++) {
      const op = good.ops[at] as number;
      const tag = op & 15;
      if (![0, 2, 4, 5, 8].includes(tag)) continue;
      for (const n of [-1, 1000]) {
        const ops = Int32Array.from(good.ops);
        ops[at] = (n << 4) | tag;
        expect(() => unpack({ ...good, ops })).toThrow("out of range");
      }
    }
  });
});
