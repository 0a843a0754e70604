import { describe, expect, it } from "vitest";
import { DEFAULT_DATA_DIR } from "../../src/app";
import { KindById, RECORD_KINDS, RecordsById, recordId } from "../../src/core/records-by-id";
import { runSteps } from "../../src/core/steps";
import { loadCorpus } from "../../src/corpus/load";

const loaded = await loadCorpus(DEFAULT_DATA_DIR);
if (!loaded.ok) throw new Error("data/ does not load");
const { data } = loaded.corpus;
const byId = new RecordsById(data);
runSteps(byId.fill());

describe("RecordsById", () => {
  it("gives every record with its kind, in file order by kind, as a Map of { kind, record } did", () => {
    const expected = RECORD_KINDS.flatMap((kind) =>
      (data[kind] as ({ id: string } | { file: string })[]).map((record) => [recordId(record), { kind, record }]),
    );
    expect(expected.length).toBeGreaterThan(100);
    expect([...byId]).toEqual(expected);
    expect(byId.size).toBe(expected.length);
    for (const [id, ref] of expected as [string, { kind: string; record: unknown }][]) {
      const found = byId.get(id);
      expect(found?.kind).toBe(ref.kind);
      expect(found?.record).toBe(ref.record);
    }
    expect(byId.get("no-such-id")).toBeUndefined();
    expect(byId.has("no-such-id")).toBe(false);
  });

  it("finds a record of a kind only under that kind", () => {
    const provinces = new KindById(byId, "provinces");
    const places = new KindById(byId, "places");
    const sources = new KindById(byId, "sources");
    for (const p of data.provinces) {
      expect(provinces.get(p.id)).toBe(p);
      expect(places.get(p.id)).toBeUndefined();
      expect(places.has(p.id)).toBe(false);
    }
    for (const s of data.sources) expect(sources.get(s.file)).toBe(s);
    const lastPlace = data.places.at(-1);
    expect(lastPlace && places.get(lastPlace.id)).toBe(lastPlace);
    expect(lastPlace && new KindById(byId, "people").get(lastPlace.id)).toBeUndefined();
  });
});
