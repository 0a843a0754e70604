import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_DATA_DIR } from "../../src/app";
import { citationsIn } from "../../src/core/corpus";
import { normalizeSpace } from "../../src/core/normalize";
import { checkQuotes } from "../../src/core/validate";
import { loadCorpus } from "../../src/corpus/load";

async function copyOfData(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "huunghi-data-"));
  await cp(DEFAULT_DATA_DIR, dir, { recursive: true });
  return dir;
}

async function edit(dir: string, file: string, change: (text: string) => string): Promise<void> {
  const path = join(dir, file);
  await writeFile(path, change(await readFile(path, "utf8")));
}

describe("the corpus in data/", () => {
  it("loads with every quote found in its source text", async () => {
    const result = await loadCorpus(DEFAULT_DATA_DIR);
    if (!result.ok) throw new Error(result.errors.map((e) => `${e.file} ${e.path}: ${e.message}`).join("\n"));
    const { corpus } = result;
    expect(checkQuotes(corpus.data, corpus.texts)).toEqual([]);
    const counts = corpus.counts();
    expect(counts.sources).toBe(8);
    expect(counts.events).toBeGreaterThanOrEqual(12);
    expect(counts.agreements).toBe(2);
    // Every record of every kind cites at least one source (sources.yaml itself excepted).
    for (const [id, { kind, record }] of corpus.byId) {
      if (kind !== "sources") expect(citationsIn(record).length, id).toBeGreaterThan(0);
    }
  });

  it("keeps the five articles and marks which lines are furniture", async () => {
    const result = await loadCorpus(DEFAULT_DATA_DIR);
    if (!result.ok) throw new Error("corpus did not load");
    const seeds = result.corpus.data.sources.filter((s) => /^\d{3}_/.test(s.file));
    expect(seeds).toHaveLength(5);
    for (const s of seeds) {
      expect(
        s.segments.some((x) => x.kind === "furniture" && !x.vietnamLaos),
        s.file,
      ).toBe(true);
      const lines = (result.corpus.texts.get(s.file) ?? "").replace(/\n$/, "").split("\n").length;
      expect(Math.max(...s.segments.map((x) => x.lines[1])), s.file).toBe(lines);
    }
  });

  it("treats no-break spaces as spaces when checking quotes", async () => {
    const result = await loadCorpus(DEFAULT_DATA_DIR);
    if (!result.ok) throw new Error("corpus did not load");
    const text = result.corpus.texts.get("003_c91044f3eca921e9.txt") ?? "";
    expect(text).toContain("\u00a0");
    expect(normalizeSpace(text)).toContain("Đón và làm việc với Đoàn đại biểu cấp cao tỉnh Luông Pha Bang");
  });

  it("refuses a quote that is not in its source, naming file and record", async () => {
    const dir = await copyOfData();
    await edit(dir, "figures.yaml", (t) => t.replace("200 triệu VNĐ phục vụ", "300 triệu VNĐ phục vụ"));
    const result = await loadCorpus(dir);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toMatchObject({ file: "figures.yaml", path: "[0] fig-2022-son-la-gift-xieng-khouang" });
      expect(result.errors[0]?.message).toContain("quote not found in 001_809524e14a84028a.txt");
    }
  });

  it("refuses a quote taken from page furniture or an unrelated box", async () => {
    const dir = await copyOfData();
    // A real sentence of 004, but from the unrelated Vietnam–DPRK box.
    await edit(dir, "places.yaml", (t) =>
      t.replace(
        'quote: "huyện Sê Pôn, tỉnh Savannakhet, Lào"',
        'quote: "Hội hữu nghị Việt Nam - Triều Tiên (Hội) tổ chức Đại hội đại biểu toàn quốc"',
      ),
    );
    const result = await loadCorpus(dir);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]?.message).toContain("not marked Vietnam–Laos");
    }
  });

  it("refuses bad YAML, a schema error and an unknown province with file and path", async () => {
    const dir = await copyOfData();
    await edit(dir, "places.yaml", (t) => `${t}\n- id: [unclosed\n`);
    await edit(dir, "events.yaml", (t) =>
      t.replace('value: "2022-08-16"\n    precision: day', 'value: "2022-08"\n    precision: day'),
    );
    await edit(dir, "agreements.yaml", (t) =>
      t.replace("parties: [xieng-khouang, son-la]", "parties: [xieng-khouang, atlantis]"),
    );
    const result = await loadCorpus(dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byFile = (f: string) => result.errors.filter((e) => e.file === f);
    expect(byFile("places.yaml")[0]?.path).toMatch(/^line \d+, column \d+$/);
    expect(byFile("events.yaml")[0]).toMatchObject({ path: "[3].date.value" });
    expect(byFile("events.yaml")[0]?.message).toContain('precision "day" needs YYYY-MM-DD');
    // Cross-reference checks run only once every file parses, so the unknown province shows after a fix.
    await edit(dir, "places.yaml", (t) => t.replace("\n- id: [unclosed\n", "\n"));
    await edit(dir, "events.yaml", (t) =>
      t.replace('value: "2022-08"\n    precision: day', 'value: "2022-08-16"\n    precision: day'),
    );
    const second = await loadCorpus(dir);
    expect(second.ok).toBe(false);
    if (!second.ok) {
      expect(second.errors).toContainEqual({
        file: "agreements.yaml",
        path: "[0].parties[1]",
        message: 'unknown province "atlantis"',
      });
    }
  });
});

describe("wording checked against the articles", () => {
  it("says what the articles say, and no more", async () => {
    const result = await loadCorpus(DEFAULT_DATA_DIR);
    if (!result.ok) throw new Error("corpus did not load");
    const { data } = result.corpus;
    const event = (id: string) => {
      const e = data.events.find((x) => x.id === id);
      if (!e) throw new Error(id);
      return e;
    };
    // The Deputy Minister requested ("đề nghị"); he did not assign ("giao").
    const inspection = event("ev-2021-quang-tri-exchange-inspection");
    expect(inspection.summary.vi).toContain("đề nghị Quân khu");
    expect(inspection.summary.vi).not.toMatch(/giao Quân khu/);
    // The seminar and tree planting are quoted.
    expect(inspection.sources.some((s) => s.quote.includes("tọa đàm") && s.quote.includes("trồng cây hữu nghị"))).toBe(
      true,
    );
    // Students came from Luông Pha Bang to Sơn La, and were supported (được hỗ trợ), not funded.
    for (const id of ["fig-luang-prabang-students-received", "fig-luang-prabang-students-funded"]) {
      const f = data.figures.find((x) => x.id === id);
      expect([f?.from, f?.to]).toEqual(["luang-prabang", "son-la"]);
      expect(f?.what.en).not.toMatch(/fund/);
    }
    expect(event("ev-2019-2021-luang-prabang-students").summary.en).not.toMatch(/fund/);
    // Performances, not only songs; the caption shows a performance by the students and the twinned unit.
    const army = event("ev-lao-army-students-exchange");
    expect(army.summary.en).toContain("performances");
    expect(army.summary.en).not.toMatch(/songs|exchange between/);
    expect(army.summary.vi).toContain("một tiết mục văn nghệ của học viên Lào và đơn vị kết nghĩa");
    // No "former" the source does not say.
    expect(event("ev-regiment-754-medal").summary.en).not.toMatch(/former/);
    // The Mộc Châu topics of the Bò Kẹo visit are quoted.
    expect(event("ev-bokeo-organisation-board-visit").sources.some((s) => s.quote.includes("bí thư chi bộ"))).toBe(
      true,
    );
    // Article 004's outlet is what the page shows, in no English words.
    expect(data.sources.find((s) => s.file === "004_800af2580d310eaa.txt")?.outlet).toBe("Theo báo Lao động");
  });
});
