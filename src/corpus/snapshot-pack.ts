// A snapshot's values packed for `v8.serialize` with every distinct string written once. v8 writes a string out at
// every place it is used, and reads back a new string for each: a corpus names the same ids, source files, kinds
// and quoted sentences over and over, so a restore made millions of strings, and kept them, where a few hundred
// thousand are distinct. Packed, the values are one list of op codes (typed, read by one loop), the distinct
// strings, the distinct key lists of the objects, the numbers that are not small integers, and the typed arrays
// as they are (v8 copies those whole). Objects used twice stay one object, as with v8 alone. What a snapshot holds
// is plain data: objects, arrays (their elements only, no holes), maps, sets, typed arrays, without cycles;
// anything else is refused.
//
// Restored arrays and objects are made at their exact size, once their contents are read: an array filled by
// `push` keeps room for 16 items, and an object given its fields one by one keeps four in itself and the rest in
// a second, growing store. At ×1000 that slack was a third of the records' memory (about 60 MB).

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
  /** Those being written: met again inside themselves, they would make a cycle. */
  private readonly open = new Set<object>();

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
      // Restored, a value is made once its contents are: it cannot hold itself.
      if (this.open.has(value)) throw new PackError(`a snapshot cannot hold a cycle (at ${path})`);
      this.putWith(before, SEEN);
      return;
    }
    this.seen.set(value, this.seen.size);
    this.open.add(value);
    this.writeContents(value, path);
    this.open.delete(value);
  }

  private writeContents(value: object, path: string): void {
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

/** Stands in the list of values met for one still being read (a reference to it would be a cycle). */
const READING = Object.freeze({});

type Factory = (values: readonly unknown[], at: number) => object;

/**
 * A function making an object with these fields from `values[at …]`, in one object literal: every field is kept
 * in the object itself. The keys are written as JSON strings, which are JavaScript string literals; a key named
 * `__proto__` is never given here (in a literal it would set the prototype).
 */
function factoryOf(keys: readonly string[]): Factory {
  const fields = keys.map((key, i) => `${JSON.stringify(key)}: values[at + ${i}]`).join(", ");
  return new Function("values", "at", `return { ${fields} };`) as Factory;
}

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
  const factories: (Factory | undefined)[] = [];
  const seen: object[] = [];
  /** The items and fields read so far of the arrays and objects being read, innermost last. */
  const stack: unknown[] = [];
  /** Reads `count` values onto the stack; returns where they start. */
  const readOnto = (count: number): number => {
    const start = stack.length;
    for (let i = 0; i < count; i++) stack.push(read());
    return start;
  };
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
        const slot = seen.push(READING) - 1;
        const start = readOnto(n);
        // A copy at exactly its length, without holes (a list made at length n stays slower to read).
        const array = stack.slice(start);
        stack.length = start;
        seen[slot] = array;
        return array;
      }
      case OBJECT: {
        const keys = entry(shapes, n, op);
        const slot = seen.push(READING) - 1;
        const start = readOnto(keys.length);
        let object: object;
        if (keys === withProto[n]) {
          // A field named "__proto__" set by assignment would change the object's prototype instead.
          object = {};
          for (const [i, key] of keys.entries()) {
            Object.defineProperty(object, key, { value: stack[start + i], ...OWN_FIELD });
          }
        } else {
          let make = factories[n];
          if (make === undefined) {
            make = factoryOf(keys);
            factories[n] = make;
          }
          object = make(stack, start);
        }
        stack.length = start;
        seen[slot] = object;
        return object;
      }
      case SEEN: {
        const found = entry(seen, n, op);
        if (found === READING) throw new PackError(`a packed snapshot refers to a value inside itself (at ${at - 1})`);
        return found;
      }
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
