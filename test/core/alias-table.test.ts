import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AliasTable } from "../../src/core/alias-table";
import { runSteps } from "../../src/core/steps";

const entries = fc.uniqueArray(fc.tuple(fc.string({ maxLength: 6 }), fc.constantFrom("a", "b", "c", "d")), {
  selector: ([name]) => name,
  maxLength: 60,
});

function tableOf(pairs: [string, string][]): { table: AliasTable; map: Map<string, readonly string[]> } {
  // Lists shared between names, as the corpus index makes them.
  const lists = new Map<string, readonly string[]>();
  const map = new Map<string, readonly string[]>();
  for (const [name, id] of pairs) {
    let list = lists.get(id);
    if (!list) {
      list = [id];
      lists.set(id, list);
    }
    map.set(name, list);
  }
  return { table: runSteps(AliasTable.steps(map)), map };
}

describe("AliasTable", () => {
  it("answers as the Map it was made from: every name, names it lacks, and its entries", () => {
    fc.assert(
      fc.property(entries, fc.array(fc.string({ maxLength: 6 }), { maxLength: 20 }), (pairs, probes) => {
        const { table, map } = tableOf(pairs);
        expect(table.size).toBe(map.size);
        for (const name of [...map.keys(), ...probes]) expect(table.get(name)).toEqual(map.get(name));
        expect(new Map(table)).toEqual(map);
        expect([...table.keys()]).toEqual([...map.keys()].sort());
      }),
      { seed: 3, numRuns: 300 },
    );
  });

  it("lists the names starting with a prefix, in code-unit order, and nothing else", () => {
    fc.assert(
      fc.property(entries, fc.string({ maxLength: 3 }), (pairs, prefix) => {
        const { table, map } = tableOf(pairs);
        const expected = [...map.keys()]
          .filter((name) => name.startsWith(prefix))
          .sort()
          .map((name) => map.get(name));
        expect([...table.withPrefix(prefix)]).toEqual(expected);
      }),
      { seed: 5, numRuns: 300 },
    );
  });

  it("is the same table once saved and revived, with each list kept once", async () => {
    const { deserialize, serialize } = await import("node:v8");
    const { table } = tableOf([
      ["son la", "son-la"],
      ["sonla", "son-la"],
      ["luang prabang", "luang-prabang"],
      ["luangprabang", "luang-prabang"],
    ]);
    const saved = table.saved() as { lists: unknown[] };
    expect(saved.lists).toHaveLength(2);
    const revived = AliasTable.revive(deserialize(serialize(saved)));
    expect([...revived]).toEqual([...table]);
    expect(revived.get("sonla")).toEqual(["son-la"]);
    expect([...revived.withPrefix("luang ")]).toEqual([["luang-prabang"]]);
  });
});
