import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_DATA_DIR } from "../../src/app";
import { Corpus } from "../../src/core/corpus";
import { composeDigest, digestContent, emptyDigest } from "../../src/core/digest";
import type { CorpusData } from "../../src/core/model";
import type { Reply } from "../../src/core/reply";
import { CorpusHolder } from "../../src/corpus/holder";

let corpus: Corpus;
beforeAll(async () => {
  corpus = (await CorpusHolder.load(DEFAULT_DATA_DIR)).get();
});

function allText(reply: Reply): string {
  return reply.blocks
    .flatMap((b) =>
      b.kind === "heading"
        ? [b.text]
        : b.kind === "text"
          ? [b.line.text]
          : b.kind === "list"
            ? b.items.map((i) => i.text)
            : [],
    )
    .join("\n");
}

/** Every citation number used in the text exists, and every citation is used. */
function expectCitationsConsistent(reply: Reply): void {
  const used = new Set(
    reply.blocks.flatMap((b) =>
      b.kind === "list" ? b.items.flatMap((i) => i.cites ?? []) : b.kind === "text" ? (b.line.cites ?? []) : [],
    ),
  );
  expect([...used].sort((a, b) => a - b)).toEqual(reply.citations.map((c) => c.n));
  for (const c of reply.citations) {
    expect(corpus.byId.has(c.factId)).toBe(true);
    expect(c.quote.length).toBeGreaterThan(0);
  }
}

describe("digest content from the corpus", () => {
  it("announces the Treaty's 50th anniversary (18/07/2027) as a round milestone a month ahead", () => {
    const content = digestContent(corpus, { today: "2027-06-20", lang: "vi" });
    const treaty = content.anniversaries.find((u) => u.anniversary.id === "treaty-friendship-cooperation");
    expect(treaty).toMatchObject({ date: "2027-07-18", years: 50, round: true, daysAway: 28 });
    // Not-round anniversaries are only within 7 days, so nothing else that far out.
    expect(content.anniversaries.every((u) => u.round || u.daysAway <= 7)).toBe(true);
  });

  it("announces the 65th anniversary of diplomatic relations (05/09/2027), in both languages with sources", () => {
    const vi = composeDigest(corpus, { today: "2027-08-10", lang: "vi" });
    const en = composeDigest(corpus, { today: "2027-08-10", lang: "en" });
    expect(vi && allText(vi)).toMatch(/05\/09\/2027 — kỷ niệm 65 năm Ngày thiết lập quan hệ ngoại giao Việt Nam – Lào/);
    expect(en && allText(en)).toMatch(
      /05\/09\/2027 — 65th anniversary: Establishment of Vietnam–Laos diplomatic relations/,
    );
    expect(vi?.title).toBe("Bản tin Hữu Nghị — 10/08/2027");
    expect(en?.title).toBe("Hữu Nghị briefing — 10/08/2027");
    if (!vi) throw new Error("no digest");
    expectCitationsConsistent(vi);
    expect(vi.citations.some((c) => c.factId === "diplomatic-relations")).toBe(true);
  });

  it("keeps a non-round anniversary to the 7-day window (configurable)", () => {
    // Lao National Day, 02/12: the 52nd in 2027 is not round.
    const far = digestContent(corpus, { today: "2027-11-20", lang: "en" });
    expect(far.anniversaries.map((u) => u.anniversary.id)).not.toContain("lao-national-day");
    const near = digestContent(corpus, { today: "2027-11-26", lang: "en" });
    expect(near.anniversaries.find((u) => u.anniversary.id === "lao-national-day")).toMatchObject({
      years: 52,
      daysAway: 6,
    });
    const wide = digestContent(corpus, { today: "2027-11-20", lang: "en", days: 14 });
    expect(wide.anniversaries.map((u) => u.anniversary.id)).toContain("lao-national-day");
  });

  it("recalls events of the same day in earlier years, N years ago", () => {
    const reply = composeDigest(corpus, { today: "2026-08-16", lang: "vi" });
    if (!reply) throw new Error("no digest");
    expect(allText(reply)).toMatch(
      /2022 \(4 năm trước, năm được suy ra\): Lễ ký Biên bản hợp tác toàn diện giai đoạn 2022 – 2024/,
    );
    const en = composeDigest(corpus, { today: "2026-08-16", lang: "en" });
    expect(en && allText(en)).toMatch(/2022 \(4 years ago, year inferred\): Signing of the 2022–2024 comprehensive/);
    expectCitationsConsistent(reply);
    // The same day in the event's own year is not "on this day".
    const same = digestContent(corpus, { today: "2022-08-16", lang: "vi" });
    expect(same.onThisDay).toEqual([]);
  });

  it("flags agreements ending within 30 days, then ended ones with no renewal recorded", () => {
    const before = digestContent(corpus, { today: "2024-12-10", lang: "vi" });
    expect(before.ending.map((d) => [d.agreement.id, d.days])).toContainEqual([
      "agr-xieng-khouang-son-la-2022-2024",
      21,
    ]);
    const after = composeDigest(corpus, { today: "2025-03-01", lang: "en" });
    expect(after && allText(after)).toMatch(/expired on 31\/12\/2024; no renewal recorded/);
    const vi = composeDigest(corpus, { today: "2024-12-10", lang: "vi" });
    expect(vi && allText(vi)).toMatch(/hết hiệu lực ngày 31\/12\/2024 \(còn 21 ngày\)/);
    // Long after, and with the window closed, they are no longer news.
    expect(digestContent(corpus, { today: "2026-06-01", lang: "vi" }).ended).toEqual([]);
    expect(digestContent(corpus, { today: "2025-03-01", lang: "vi", endedDays: 0 }).ended).toEqual([]);
  });
});

describe("digest edge cases on a small corpus", () => {
  const source = { source: "a.txt", quote: "the quote" };
  const data: CorpusData = {
    sources: [{ file: "a.txt", title: "Article A", segments: [{ lines: [1, 1], kind: "article", vietnamLaos: true }] }],
    provinces: [],
    places: [],
    people: [],
    events: [
      {
        id: "ev-leap",
        kind: "visit",
        date: { value: "2020-02-29", precision: "day" },
        title: { vi: "Chuyến thăm ngày nhuận", en: "Leap-day visit" },
        summary: { vi: "x", en: "x" },
        provinces: ["p"],
        places: [],
        people: [],
        agreements: [],
        sources: [source],
      },
      {
        id: "ev-month",
        kind: "visit",
        date: { value: "2020-03", precision: "month" },
        title: { vi: "Tháng ba", en: "March" },
        summary: { vi: "x", en: "x" },
        provinces: ["p"],
        places: [],
        people: [],
        agreements: [],
        sources: [source],
      },
    ],
    agreements: [],
    figures: [],
    anniversaries: [
      {
        id: "first",
        date: "2026-03-02",
        name: { vi: "Mốc A", en: "Milestone A" },
        confidence: "low",
        sources: [source],
      },
    ],
  };
  const small = new Corpus(data, new Map([["a.txt", "the quote"]]));

  it("says nothing on a day with nothing to say", () => {
    expect(composeDigest(small, { today: "2026-06-01", lang: "vi" })).toBeUndefined();
    expect(allText(emptyDigest({ today: "2026-06-01", lang: "en" }))).toMatch(/Nothing to report today/);
  });

  it("remembers a 29 February event on 28 February of a common year, not month-precision events", () => {
    expect(digestContent(small, { today: "2023-02-28", lang: "en" }).onThisDay.map((x) => x.yearsAgo)).toEqual([3]);
    expect(digestContent(small, { today: "2024-02-28", lang: "en" }).onThisDay).toEqual([]);
    expect(digestContent(small, { today: "2024-02-29", lang: "en" }).onThisDay.map((x) => x.yearsAgo)).toEqual([4]);
    expect(digestContent(small, { today: "2023-03-01", lang: "en" }).onThisDay).toEqual([]);
  });

  it("writes English ordinals and flags low confidence", () => {
    const first = composeDigest(small, { today: "2027-02-27", lang: "en" });
    expect(first && allText(first)).toMatch(/02\/03\/2027 — 1st anniversary: Milestone A, in 3 days; confidence: low/);
    const vi = composeDigest(small, { today: "2027-03-02", lang: "vi" });
    expect(vi && allText(vi)).toMatch(/kỷ niệm 1 năm Mốc A, hôm nay; độ tin cậy: thấp/);
    const eleventh = composeDigest(small, { today: "2037-03-01", lang: "en" });
    expect(eleventh && allText(eleventh)).toMatch(/11th anniversary/);
    const twentySecond = composeDigest(small, { today: "2048-03-01", lang: "en" });
    expect(twentySecond && allText(twentySecond)).toMatch(/22nd anniversary/);
  });
});
