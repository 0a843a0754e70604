// A class instance back from a snapshot: v8's deserializer gives plain objects with the saved own fields; this
// puts them on the class's prototype again, without running its constructor (nothing is rebuilt).

export function revive<T extends object>(type: { prototype: T }, saved: unknown): T {
  return Object.assign(Object.create(type.prototype) as T, saved);
}
