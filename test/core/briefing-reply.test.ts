// /province's rendering of a briefing: the text it keeps per record must never stand for another briefing's.
import { beforeAll, describe, expect, it } from "vitest";
import { type Briefing, buildBriefing } from "../../src/core/briefing";
import { renderBriefing } from "../../src/core/briefing-reply";
import type { Corpus } from "../../src/core/corpus";
import { formatFactDay } from "../../src/core/format";
import { words } from "../../src/core/i18n";
import type { Reply } from "../../src/core/reply";
import { testCore } from "../support/core";

let corpus: Corpus;

beforeAll(async () => {
  corpus = (await testCore()).holder.get();
});

/** The list line that starts with `name` (a person's line). */
function lineOf(reply: Reply, name: string): { text: string; cites?: number[] } | undefined {
  for (const block of reply.blocks) {
    if (block.kind !== "list") continue;
    const line = block.items.find((l) => l.text.startsWith(`${name} — `));
    if (line) return line;
  }
  return undefined;
}

describe("renderBriefing: a person's line", () => {
  it("is written from the roles of the briefing it renders, not from another briefing's", () => {
    const sonLa = corpus.province("son-la");
    if (!sonLa) throw new Error("no son-la");
    const full = buildBriefing(corpus, sonLa, "2026-11-24");
    const met = full.people[0];
    if (!met) throw new Error("Sơn La's briefing names nobody met");
    const [held] = met.roles;
    if (!held) throw new Error("a person listed without a role");
    const dayOf = (e: Briefing["events"][number]) => formatFactDay(e.date, "vi");
    const other = full.events.find((e) => dayOf(e) !== dayOf(held.event) && e.date.value !== undefined);
    if (!other) throw new Error("Sơn La has no second dated event");

    const alone = lineOf(renderBriefing(corpus, full, "vi"), met.person.name)?.text;
    expect(alone).toContain(dayOf(held.event));
    expect(alone).not.toContain(dayOf(other));

    // Another briefing of the same province, corpus and language, where the same person held one more role:
    // its line says so (the text kept for the first briefing does not stand for it).
    const more = { role: { ...held.role, at: other.id }, event: other };
    const wider: Briefing = { ...full, people: [{ person: met.person, roles: [...met.roles, more] }] };
    const both = lineOf(renderBriefing(corpus, wider, "vi"), met.person.name)?.text;
    expect(both).toContain(dayOf(held.event));
    expect(both).toContain(dayOf(other));

    // The wider briefing after its list was changed in place, and the first one again: each its own line.
    wider.people[0]?.roles.pop();
    expect(lineOf(renderBriefing(corpus, wider, "vi"), met.person.name)?.text).toBe(alone);
    wider.people[0]?.roles.push(more);
    expect(lineOf(renderBriefing(corpus, wider, "vi"), met.person.name)?.text).toBe(both);
    expect(lineOf(renderBriefing(corpus, full, "vi"), met.person.name)?.text).toBe(alone);
  });
});

describe("renderBriefing: the places line", () => {
  /** The text line that lists places. */
  const placesOf = (reply: Reply) =>
    reply.blocks.find((b) => b.kind === "text" && b.line.text.startsWith(`${words("vi").places}: `));

  it("lists the places of the briefing it renders", () => {
    const sonLa = corpus.province("son-la");
    if (!sonLa) throw new Error("no son-la");
    const full = buildBriefing(corpus, sonLa, "2026-11-24");
    const [first, ...rest] = full.places;
    if (!first || rest.length === 0) throw new Error("Sơn La has fewer than two places");
    const line = (b: Briefing) => {
      const block = placesOf(renderBriefing(corpus, b, "vi"));
      return block?.kind === "text" ? block.line.text : undefined;
    };
    const all = line(full);
    expect(all).toContain(first.name.vi);
    const fewer = line({ ...full, places: rest });
    expect(fewer).toBeDefined();
    expect(fewer).not.toContain(`${first.name.vi}`);
    for (const place of rest) expect(fewer).toContain(place.name.vi);
    expect(line(full)).toBe(all);
  });
});
