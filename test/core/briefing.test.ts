// The province briefing as content: what /province, the chart and the briefing note are built from.
import { beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/app";
import { buildBriefing } from "../../src/core/briefing";
import type { Corpus } from "../../src/core/corpus";
import { testCore } from "../support/core";

let core: Core;
let corpus: Corpus;

beforeAll(async () => {
  core = await testCore();
  corpus = core.holder.get();
});

function province(id: string) {
  const p = corpus.province(id);
  if (!p) throw new Error(`no province ${id}`);
  return p;
}

describe("buildBriefing", () => {
  it("gathers a covered province's records: events newest first, statuses as of the day given", () => {
    const b = buildBriefing(corpus, province("son-la"), "2026-11-24");
    expect(b.covered).toBe(true);
    const days = b.events.map((e) => e.date.value).filter((d): d is string => d !== undefined);
    expect(days).toEqual([...days].sort().reverse());
    expect(b.events.length).toBe(corpus.eventsOf("son-la").length);
    expect(b.agreements.map((a) => a.agreement.id)).toEqual(corpus.agreementsOf("son-la").map((a) => a.id));
    for (const { status } of b.agreements) expect(status.state).toMatch(/in-force|expired|not-yet|no-period/);
    // Each partner carries the record that links it, with that record's first source.
    for (const partner of b.partners) {
      expect(partner.link, partner.province.id).toBeDefined();
      expect(partner.link?.sources).toHaveLength(1);
    }
    for (const { figure } of b.figures) expect([figure.from, figure.to]).toContain("son-la");
    // Every role listed was held at one of this province's events.
    const eventIds = new Set(b.events.map((e) => e.id));
    for (const { roles } of b.people) {
      for (const { role, event } of roles) {
        expect(eventIds.has(event.id)).toBe(true);
        expect(role.at).toBe(event.id);
      }
    }
  });

  it("an uncovered province has its partners but no lists", () => {
    const uncovered = corpus.data.provinces.find((p) => !p.covered);
    if (!uncovered) throw new Error("the corpus has no uncovered province");
    const b = buildBriefing(corpus, uncovered, "2026-11-24");
    expect(b.covered).toBe(false);
    expect([b.agreements, b.events, b.commitments, b.figures, b.people, b.places].every((l) => l.length === 0)).toBe(
      true,
    );
  });

  it("is in no language: /province in Vietnamese and English render the same records", async () => {
    const b = buildBriefing(corpus, province("luang-prabang"), "2026-11-24");
    const { renderBriefing } = await import("../../src/core/briefing-reply");
    const vi = renderBriefing(corpus, b, "vi");
    const en = renderBriefing(corpus, b, "en");
    expect(vi.lang).toBe("vi");
    expect(en.lang).toBe("en");
    expect(vi.citations.map((c) => c.factId)).toEqual(en.citations.map((c) => c.factId));
    expect(vi.title).toContain("Luông Pha Bang");
    expect(en.title).toContain("Luang Prabang");
  });
});
