// A snapshot's values packed for `v8.serialize` with every distinct string written once. v8 writes a string out at
// every place it is used, and reads back a new string for each: a corpus names the same ids, source files, kinds
// and quoted sentences over and over, so a restore made millions of strings, and kept them, where a few hundred
// thousand are distinct. Packed, the values are one list of op codes (typed, read by one loop), the distinct
// strings, the distinct key lists of the objects, the numbers that are not small integers, and the typed arrays
// as they are (v8 copies those whole). Objects used twice stay one object, as with v8 alone. What a snapshot holds
// is plain data: objects, arrays (their elements only, no holes), maps, sets, typed arrays; anything else is refused.

import { IntList } from "../core/int-list";

const TAG_BITS = 4;
const TAG_MASK = (1 << TAG_BITS) - 1;
const STRING = 0;
const INT = 1;
const NUMBER = 2;
const ARRAY = 3;
const OBJECT = 4;
const SEEN = 5;
const MAP = 6;
const SET = 7;
const VIEW = 8;
const TRUE = 9;
const FALSE = 10;
const NULL = 11;
const UNDEFINED = 12;

/** Integers kept in the op code itself: what fits beside the tag in 32 bits. */
const INT_LIMIT = 2 ** (31 - TAG_BITS);

export interface Packed {
  ops: Int32Array;
  strings: string[];
  /** Each distinct list of an object's own keys. */
  shapes: string[][];
  numbers: Float64Array;
  views: ArrayBufferView[];
}

export class PackError extends Error {}

class Writer {
  readonly ops = new IntList();
  readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();
  readonly shapes: string[][] = [];
  private readonly shapeIds = new Map<string, number>();
  readonly numbers: number[] = [];
  readonly views: ArrayBufferView[] = [];
  private readonly viewIds = new Map<ArrayBufferView, number>();
  /** Objects, arrays, maps and sets in the order first met: a later use refers to this number. */
  private readonly seen = new Map<object, number>();

  /** An op carrying `n` (an index or a length) beside its tag. */
  private putWith(n: number, tag: number): void {
    if (n >= INT_LIMIT) throw new PackError(`a snapshot part is too large to pack (${n} ≥ ${INT_LIMIT})`);
    this.put((n << TAG_BITS) | tag);
  }

  private put(op: number): void {
    this.ops.push(op);
  }

  private id<K>(ids: Map<K, number>, list: K[], key: K): number {
    let id = ids.get(key);
    if (id === undefined) {
      id = list.length;
      list.push(key);
      ids.set(key, id);
    }
    return id;
  }

  private shapeId(keys: string[]): number {
    // JSON of the list: any key may hold any character, so no separator could be told from a key's own.
    const key = JSON.stringify(keys);
    let id = this.shapeIds.get(key);
    if (id === undefined) {
      id = this.shapes.length;
      this.shapes.push(keys);
      this.shapeIds.set(key, id);
    }
    return id;
  }

  write(value: unknown, path: string): void {
    switch (typeof value) {
      case "string":
        this.putWith(this.id(this.stringIds, this.strings, value), STRING);
        return;
      case "number":
        if (Number.isInteger(value) && value >= -INT_LIMIT && value < INT_LIMIT && !Object.is(value, -0)) {
          this.put((value << TAG_BITS) | INT);
        } else {
          this.putWith(this.numbers.length, NUMBER);
          this.numbers.push(value);
        }
        return;
      case "boolean":
        this.put(value ? TRUE : FALSE);
        return;
      case "undefined":
        this.put(UNDEFINED);
        return;
      case "object":
        if (value === null) this.put(NULL);
        else this.writeObject(value, path);
        return;
      default:
        throw new PackError(`a snapshot cannot hold a ${typeof value} (at ${path})`);
    }
  }

  private writeObject(value: object, path: string): void {
    if (ArrayBuffer.isView(value)) {
      this.putWith(this.id(this.viewIds, this.views, value), VIEW);
      return;
    }
    const before = this.seen.get(value);
    if (before !== undefined) {
      this.putWith(before, SEEN);
      return;
    }
    this.seen.set(value, this.seen.size);
    if (Array.isArray(value)) {
      this.putWith(value.length, ARRAY);
      for (let i = 0; i < value.length; i++) {
        const item = value[i];
        if (item === undefined && !(i in value))
          throw new PackError(`a snapshot cannot hold a hole (at ${path}[${i}])`);
        this.write(item, `${path}[${i}]`);
      }
    } else if (value instanceof Map) {
      this.putWith(value.size, MAP);
      for (const [k, v] of value) {
        this.write(k, `${path}.keys()`);
        this.write(v, `${path}.get(…)`);
      }
    } else if (value instanceof Set) {
      this.putWith(value.size, SET);
      for (const v of value) this.write(v, `${path}.values()`);
    } else {
      // Built-ins (dates, boxed strings, promises, weak maps, maps from another realm…) would come back as `{}`.
      const kind = Object.prototype.toString.call(value);
      if (kind !== "[object Object]") throw new PackError(`a snapshot cannot hold a ${kind.slice(8, -1)} (at ${path})`);
      // Like v8's own serializer: an object's own enumerable fields, whatever its class (see revive.ts).
      const keys = Object.keys(value);
      this.putWith(this.shapeId(keys), OBJECT);
      for (const key of keys) this.write((value as Record<string, unknown>)[key], `${path}.${key}`);
    }
  }
}

/** `value` packed (see the top of this file); throws `PackError` for what a snapshot cannot hold. */
export function pack(value: unknown): Packed {
  const writer = new Writer();
  writer.write(value, "snapshot");
  return {
    ops: writer.ops.array.slice(0, writer.ops.length),
    strings: writer.strings,
    shapes: writer.shapes,
    numbers: Float64Array.from(writer.numbers),
    views: writer.views,
  };
}

const OWN_FIELD = { enumerable: true, writable: true, configurable: true } as const;

/** The value `pack` was given, objects as plain objects (class instances are revived by their owners). */
export function unpack(packed: Packed): unknown {
  const { ops, strings, shapes, numbers, views } = packed;
  const bad = (op: number) => new PackError(`a packed snapshot has an op out of range (${op} at ${at - 1})`);
  /** `list[n]`, refused when out of range: a damaged op must not read as a missing value. */
  const entry = <T>(list: ArrayLike<T>, n: number, op: number): T => {
    if (n < 0 || n >= list.length) throw bad(op);
    return list[n] as T;
  };
  const withProto = shapes.map((keys) => (keys.includes("__proto__") ? keys : undefined));
  const seen: object[] = [];
  let at = 0;
  const read = (): unknown => {
    if (at >= ops.length) throw new PackError("a packed snapshot ends too soon");
    const op = ops[at++] as number;
    const n = op >> TAG_BITS;
    switch (op & TAG_MASK) {
      case STRING:
        return entry(strings, n, op);
      case INT:
        return n;
      case NUMBER:
        return entry(numbers, n, op);
      case ARRAY: {
        if (n < 0) throw bad(op);
        // Filled by push, not made at length n: a list made with holes stays slower to read.
        const array: unknown[] = [];
        seen.push(array);
        for (let i = 0; i < n; i++) array.push(read());
        return array;
      }
      case OBJECT: {
        const object: Record<string, unknown> = {};
        seen.push(object);
        const keys = entry(shapes, n, op);
        if (keys === withProto[n]) {
          // A field named "__proto__" set by assignment would change the object's prototype instead.
          for (const key of keys) Object.defineProperty(object, key, { value: read(), ...OWN_FIELD });
        } else for (const key of keys) object[key] = read();
        return object;
      }
      case SEEN:
        return entry(seen, n, op);
      case MAP: {
        if (n < 0) throw bad(op);
        const map = new Map<unknown, unknown>();
        seen.push(map);
        for (let i = 0; i < n; i++) {
          const key = read();
          map.set(key, read());
        }
        return map;
      }
      case SET: {
        if (n < 0) throw bad(op);
        const set = new Set<unknown>();
        seen.push(set);
        for (let i = 0; i < n; i++) set.add(read());
        return set;
      }
      case VIEW:
        return entry(views, n, op);
      case TRUE:
        return true;
      case FALSE:
        return false;
      case NULL:
        return null;
      case UNDEFINED:
        return undefined;
      default:
        throw new PackError(`a packed snapshot has an unknown op ${op} at ${at - 1}`);
    }
  };
  const value = read();
  if (at !== ops.length) throw new PackError(`a packed snapshot has ${ops.length - at} ops left over`);
  return value;
}
