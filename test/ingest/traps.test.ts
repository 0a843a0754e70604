// Pages written to exercise the traps: a side box with its own period, an English page, a page naming no year,
// another Vietnamese province's Lao partners, an English version of a story already in the corpus, a saved HTML page
// with menus, a caption and an unrelated box, printed with the news spellings Luông Pha Băng and Xaysompia.
import { beforeAll, describe, expect, it } from "vitest";
import type { CorpusData } from "../../src/core/model";
import { ingestPage, realCorpus } from "./support";

let corpus: { data: CorpusData; texts: ReadonlyMap<string, string> };
beforeAll(async () => {
  corpus = await realCorpus();
});

const kinds = (r: ReturnType<typeof ingestPage>) => r.draft.report.uncertain.map((u) => u.kind);

describe("ingest traps", () => {
  it("a side box's period and year belong to the box; the main story's day stays without a year", () => {
    const { draft } = ingestPage("side-box-period.txt", corpus);
    const [visit, boxSigning] = draft.records.events;
    expect(visit?.date).toEqual({ precision: "unknown" });
    expect(kinds({ draft } as never)).toContain("year-not-stated");
    expect(boxSigning?.date).toMatchObject({ value: "2019", precision: "year" });
    expect(draft.records.agreements).toHaveLength(1);
    expect(draft.records.agreements[0]).toMatchObject({
      period: { from: 2019, to: 2023 },
      parties: ["son-la", "houaphanh"],
    });
    // The Hà Giang – Bách Sắc box (Vietnam–China) is not Vietnam–Laos: nothing comes from it.
    const quotes = JSON.stringify(draft.records);
    expect(quotes).not.toContain("Bách Sắc");
    expect(draft.source.segments.find((s) => s.lines[0] === 5)).toMatchObject({ kind: "box", vietnamLaos: false });
    expect(draft.report.errors).toEqual([]);
  });

  it("an English page gives English text, the Vietnamese marked pending, and a weekday fixes the year", () => {
    const { draft } = ingestPage("english-page.txt", corpus);
    expect(draft.lang).toBe("en");
    const visit = draft.records.events[0];
    expect(visit?.date.value).toBe("2023-03-07");
    expect(visit?.date.inferred?.en).toMatch(/fell on a Tuesday in 2023/);
    expect(visit?.title.en).toBe("Luang Prabang delegation visits Son La");
    expect(visit?.title.vi).toMatch(/^\[chưa dịch\] /);
    expect(draft.records.figures.map((f) => `${f.amount.value} ${f.amount.unit} ${f.from}>${f.to}`)).toEqual([
      "9000000000 VND son-la>luang-prabang",
      "90 scholarship son-la>luang-prabang",
    ]);
    expect(draft.report.found.anniversaries[0]).toMatchObject({ id: "diplomatic-relations", year: 2022 });
    // The festival in the related links is not an event of this story.
    expect(JSON.stringify(draft.records)).not.toContain("festival");
    expect(draft.report.errors).toEqual([]);
  });

  it("a page naming no year keeps the day's year as not stated, and says so", () => {
    const { draft } = ingestPage("no-year.txt", corpus);
    expect(draft.records.events[0]?.date).toEqual({ precision: "unknown" });
    expect(draft.records.events[0]?.provinces.sort()).toEqual(["oudomxay", "son-la"]);
    expect(draft.records.figures[0]).toMatchObject({
      amount: { value: 15000, unit: "mask" },
      from: "son-la",
      to: "oudomxay",
    });
    const notStated = draft.report.uncertain.find((u) => u.kind === "year-not-stated")?.text;
    expect(notStated?.en).toContain("Ngày 5/4");
    expect(notStated?.vi).toMatch(/^“Ngày 5\/4[^”]*” được in không kèm năm/u);
    expect(draft.records.events[0]?.title.en).toMatch(/^\[translation pending\] /);
  });

  it("another Vietnamese province's Lao partners: no Sơn La, a reviewed span and a term of office are no periods", () => {
    const { draft } = ingestPage("other-province.txt", corpus);
    const provinces = new Set(draft.records.events.flatMap((e) => e.provinces));
    expect([...provinces].sort()).toEqual(["nghe-an", "xieng-khouang"]);
    expect(draft.records.agreements.map((a) => a.period)).toEqual([{ from: 2024, to: 2028 }]);
    expect(draft.report.uncertain.filter((u) => u.kind === "note").map((u) => u.text)).toEqual([
      { en: "reviewed, not a new signing: Thỏa thuận hợp tác", vi: "xem lại, không phải ký mới: Thỏa thuận hợp tác" },
      {
        en: "term of office, not an agreement period: nhiệm kỳ 2021-2026",
        vi: "nhiệm kỳ, không phải giai đoạn của văn bản: nhiệm kỳ 2021-2026",
      },
    ]);
    expect(draft.report.found.places.find((p) => p.id === "nghe-an")).toMatchObject({ covered: false });
    // Quảng Bình in the menu is furniture: not found.
    expect(draft.report.found.places.some((p) => p.id === "quang-binh")).toBe(false);
    expect(draft.report.errors).toEqual([]);
  });

  it("an English version of a story already in the corpus is flagged as the same event and agreement", () => {
    const { draft } = ingestPage("english-version.txt", corpus);
    const flagged = draft.report.uncertain.filter((u) => u.kind === "possible-duplicate").map((u) => u.text.en);
    expect(flagged.some((t) => t.includes("ev-2022-08-16-xieng-khouang-son-la-signing"))).toBe(true);
    expect(flagged.some((t) => t.includes("agr-xieng-khouang-son-la-2022-2024"))).toBe(true);
    // Existing people are linked, not duplicated (diacritics folded: "Dang Ngoc Hau" is Đặng Ngọc Hậu).
    expect(draft.records.people.map((p) => p.id).sort()).toEqual(["dang-ngoc-hau", "sivilay-sengchalern"]);
  });

  it("a page already in the corpus is a duplicate: same text", () => {
    const content = corpus.texts.get("003_c91044f3eca921e9.txt") ?? "";
    expect(content.length).toBeGreaterThan(100);
    const { draft } = ingestPage("../../../data/sources/003_c91044f3eca921e9.txt", corpus);
    expect(draft.report.duplicateOf).toBe("003_c91044f3eca921e9.txt");
  });

  it("a saved HTML page: menus are furniture, the caption joins its event, an unrelated box gives nothing", () => {
    const { draft, page } = ingestPage("news-variants.html", corpus);
    expect(page.url).toBe("https://bao-mau.example/xaysompia-luong-pha-bang.html");
    expect(draft.source.outlet).toBe("Báo Mẫu");
    const box = draft.source.segments.find((s) => s.kind === "box");
    expect(box?.vietnamLaos).toBe(false);
    expect(draft.source.segments.some((s) => s.kind === "furniture" && !s.vietnamLaos)).toBe(true);
    const [visit] = draft.records.events;
    expect(visit?.date).toEqual({ value: "2023-09-09", precision: "day" });
    expect(visit?.provinces.sort()).toEqual(["luang-prabang", "son-la", "xaisomboun"]);
    expect(draft.records.agreements).toEqual([]);
    expect(JSON.stringify(draft.records)).not.toMatch(/Việt - Nga|Champasak|Cuba/);
    expect(draft.records.people[0]).toMatchObject({ name: "Bun Thong Chít Ma Ni", province: "luang-prabang" });
    expect(draft.report.errors).toEqual([]);
  });
});
