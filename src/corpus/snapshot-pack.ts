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
import { runSteps } from "../core/steps";

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

/** Steps of a path into a map or a set (an array's are its indexes, an object's its keys). */
const MAP_KEY = -1;
const MAP_VALUE = -2;
const SET_VALUE = -3;

interface ShapeNode {
  next: Map<string, ShapeNode>;
  id: number;
}

class Writer {
  readonly ops = new IntList();
  readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();
  readonly shapes: string[][] = [];
  /** Each distinct key list, as a tree: a key list's node holds its number. */
  private readonly shapeRoot: ShapeNode = { next: new Map(), id: -1 };
  readonly numbers: number[] = [];
  readonly views: ArrayBufferView[] = [];
  private readonly viewIds = new Map<ArrayBufferView, number>();
  /** Objects, arrays, maps and sets in the order first met: a later use refers to this number. */
  private readonly seen = new Map<object, number>();
  /** The array indexes, keys and map or set steps that lead to the value being written. */
  private readonly trail: (string | number)[] = [];

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
    // Found by walking a tree of the keys, one level per key: no string made per object.
    let node = this.shapeRoot;
    for (const key of keys) {
      let next = node.next.get(key);
      if (next === undefined) {
        next = { next: new Map(), id: -1 };
        node.next.set(key, next);
      }
      node = next;
    }
    if (node.id < 0) {
      node.id = this.shapes.length;
      this.shapes.push(keys);
    }
    return node.id;
  }

  /** Where the value being written is, for an error: `snapshot.data.events[3].title`. */
  private where(): string {
    const steps = this.trail.map((step) => {
      if (typeof step === "string") return `.${step}`;
      return step === MAP_KEY
        ? ".keys()"
        : step === MAP_VALUE
          ? ".get(…)"
          : step === SET_VALUE
            ? ".values()"
            : `[${step}]`;
    });
    return `snapshot${steps.join("")}`;
  }

  write(value: unknown): void {
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
        else this.writeObject(value);
        return;
      default:
        throw new PackError(`a snapshot cannot hold a ${typeof value} (at ${this.where()})`);
    }
  }

  private writeObject(value: object): void {
    if (ArrayBuffer.isView(value)) {
      this.putWith(this.id(this.viewIds, this.views, value), VIEW);
      return;
    }
    const before = this.seen.get(value);
    if (before !== undefined) {
      // Restored, a value is made once its contents are: it cannot hold itself.
      if (before < 0) throw new PackError(`a snapshot cannot hold a cycle (at ${this.where()})`);
      this.putWith(before, SEEN);
      return;
    }
    const id = this.seen.size;
    // Negative while its contents are written: met again meanwhile, it would make a cycle.
    this.seen.set(value, -1 - id);
    this.writeContents(value);
    this.seen.set(value, id);
  }

  private writeContents(value: object): void {
    if (Array.isArray(value)) {
      this.putWith(value.length, ARRAY);
      const { trail } = this;
      const last = trail.push(0) - 1;
      for (let i = 0; i < value.length; i++) {
        trail[last] = i;
        const item = value[i];
        if (item === undefined && !(i in value))
          throw new PackError(`a snapshot cannot hold a hole (at ${this.where()})`);
        this.write(item);
      }
      trail.pop();
    } else if (value instanceof Map) {
      this.putWith(value.size, MAP);
      const { trail } = this;
      const last = trail.push(0) - 1;
      for (const [k, v] of value) {
        trail[last] = MAP_KEY;
        this.write(k);
        trail[last] = MAP_VALUE;
        this.write(v);
      }
      trail.pop();
    } else if (value instanceof Set) {
      this.putWith(value.size, SET);
      this.trail.push(SET_VALUE);
      for (const v of value) this.write(v);
      this.trail.pop();
    } else {
      // Built-ins (dates, boxed strings, promises, weak maps, maps from another realm…) would come back as `{}`.
      const kind = Object.prototype.toString.call(value);
      if (kind !== "[object Object]")
        throw new PackError(`a snapshot cannot hold a ${kind.slice(8, -1)} (at ${this.where()})`);
      // Like v8's own serializer: an object's own enumerable fields, whatever its class (see revive.ts).
      const keys = Object.keys(value);
      this.putWith(this.shapeId(keys), OBJECT);
      const { trail } = this;
      const last = trail.push("") - 1;
      for (const key of keys) {
        trail[last] = key;
        this.write((value as Record<string, unknown>)[key]);
      }
      trail.pop();
    }
  }
}

/** `value` packed (see the top of this file); throws `PackError` for what a snapshot cannot hold. */
export function pack(value: unknown): Packed {
  const writer = new Writer();
  writer.write(value);
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
  return runSteps(unpackSteps(packed));
}

/** Ops read between two steps of `unpackSteps`: a few milliseconds. */
const OPS_PER_STEP = 1 << 15;

/**
 * `unpack` as steps: it yields every few thousand ops, so a reload restores the next version between the answers
 * the bot gives (holder.ts). The values being read are kept on stacks of its own, not in calls, so it can stop
 * anywhere.
 */
export function* unpackSteps(packed: Packed): Generator<void, unknown> {
  const { ops, strings, shapes, numbers, views } = packed;
  let at = 0;
  const bad = (op: number) => new PackError(`a packed snapshot has an op out of range (${op} at ${at - 1})`);
  /** `list[n]`, refused when out of range: a damaged op must not read as a missing value. */
  const entry = <T>(list: ArrayLike<T>, n: number, op: number): T => {
    if (n < 0 || n >= list.length) throw bad(op);
    return list[n] as T;
  };
  const withProto = shapes.map((keys) => (keys.includes("__proto__") ? keys : undefined));
  const factories: (Factory | undefined)[] = [];
  const seen: object[] = [];
  /** The items and fields read so far of the containers being read, innermost last. */
  const stack: unknown[] = [];
  // The containers being read, innermost last, as columns (one object each cost a quarter of the time): the tag,
  // the shape (objects), the values still awaited (a map's keys and values each count), where the values start on
  // `stack`, and the place in `seen`.
  const openTag: number[] = [];
  const openShape: number[] = [];
  const openLeft: number[] = [];
  const openStart: number[] = [];
  const openSlot: number[] = [];
  let depth = 0;
  /** A container whose values are all read, made from them; its values leave the stack. */
  const close = (tag: number, shape: number, start: number, slot: number): object => {
    let value: object;
    switch (tag) {
      case ARRAY:
        // A copy at exactly its length, without holes (a list made at length n stays slower to read).
        value = stack.slice(start);
        break;
      case OBJECT: {
        const keys = shapes[shape] as string[];
        if (keys === withProto[shape]) {
          // A field named "__proto__" set by assignment would change the object's prototype instead.
          value = {};
          for (const [i, key] of keys.entries()) {
            Object.defineProperty(value, key, { value: stack[start + i], ...OWN_FIELD });
          }
        } else {
          let make = factories[shape];
          if (make === undefined) {
            make = factoryOf(keys);
            factories[shape] = make;
          }
          value = make(stack, start);
        }
        break;
      }
      case MAP: {
        const map = seen[slot] as Map<unknown, unknown>;
        for (let i = start; i < stack.length; i += 2) map.set(stack[i], stack[i + 1]);
        value = map;
        break;
      }
      default: {
        const set = seen[slot] as Set<unknown>;
        for (let i = start; i < stack.length; i++) set.add(stack[i]);
        value = set;
      }
    }
    stack.length = start;
    seen[slot] = value;
    return value;
  };
  const NOT_YET: unknown = READING;
  /** Reads up to `limit` ops: the value once the last is read, or NOT_YET. */
  const run = (limit: number): unknown => {
    for (let budget = limit; budget > 0; budget--) {
      if (at >= ops.length) throw new PackError("a packed snapshot ends too soon");
      const op = ops[at++] as number;
      const n = op >> TAG_BITS;
      const tag = op & TAG_MASK;
      let value: unknown;
      switch (tag) {
        case STRING:
          value = entry(strings, n, op);
          break;
        case INT:
          value = n;
          break;
        case NUMBER:
          value = entry(numbers, n, op);
          break;
        case ARRAY:
        case OBJECT:
        case MAP:
        case SET: {
          let count = n;
          if (tag === OBJECT) count = entry(shapes, n, op).length;
          else if (n < 0) throw bad(op);
          else if (tag === MAP) count = 2 * n;
          // A map or set is met before its contents, as it was written; an array or object only once they are read.
          const made = tag === MAP ? new Map() : tag === SET ? new Set() : READING;
          const slot = seen.push(made) - 1;
          if (count > 0) {
            openTag[depth] = tag;
            openShape[depth] = n;
            openLeft[depth] = count;
            openStart[depth] = stack.length;
            openSlot[depth] = slot;
            depth++;
            continue;
          }
          value = close(tag, n, stack.length, slot);
          break;
        }
        case SEEN: {
          const found = entry(seen, n, op);
          if (found === READING)
            throw new PackError(`a packed snapshot refers to a value inside itself (at ${at - 1})`);
          value = found;
          break;
        }
        case VIEW:
          value = entry(views, n, op);
          break;
        case TRUE:
          value = true;
          break;
        case FALSE:
          value = false;
          break;
        case NULL:
          value = null;
          break;
        case UNDEFINED:
          value = undefined;
          break;
        default:
          throw new PackError(`a packed snapshot has an unknown op ${op} at ${at - 1}`);
      }
      // The value goes to the container being read; each container it completes goes to the one around it.
      for (;;) {
        if (depth === 0) {
          if (at !== ops.length) throw new PackError(`a packed snapshot has ${ops.length - at} ops left over`);
          return value;
        }
        stack.push(value);
        const top = depth - 1;
        const left = (openLeft[top] as number) - 1;
        openLeft[top] = left;
        if (left > 0) break;
        depth = top;
        value = close(
          openTag[top] as number,
          openShape[top] as number,
          openStart[top] as number,
          openSlot[top] as number,
        );
      }
    }
    return NOT_YET;
  };
  for (;;) {
    const value = run(OPS_PER_STEP);
    if (value !== NOT_YET) return value;
    yield;
  }
}
