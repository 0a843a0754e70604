import { readFileSync } from "node:fs";
import { parseDocument } from "htmlparser2";
import { beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/app";
import { buildBriefing } from "../../src/core/briefing";
import type { Corpus } from "../../src/core/corpus";
import { CHART_WIDTH, chartSvg } from "../../src/render/chart";
import { type TimelineChart, timelineChart } from "../../src/render/chart-content";
import { CHART_FONT_FILES } from "../../src/render/font";
import { svgToPng } from "../../src/render/png";
import { testCore } from "../support/core";
import { fontCodePoints } from "./cmap";
import { decodePng } from "./png-decode";

const TODAY = "2026-11-29";

/** The text of every <text> node, in document order: what a reader of the picture sees. */
function textNodes(svg: string): string[] {
  const out: string[] = [];
  const walk = (node: { type: string; name?: string; children?: unknown[]; data?: string }) => {
    if (node.type === "tag" && node.name === "text") {
      out.push((node.children as { data?: string }[]).map((c) => c.data ?? "").join(""));
      return;
    }
    for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
  };
  walk(parseDocument(svg, { xmlMode: true, decodeEntities: true }) as never);
  return out;
}

describe("timeline chart", () => {
  let core: Core;
  let corpus: Corpus;
  let sonLaVi: TimelineChart;
  let sonLaEn: TimelineChart;
  beforeAll(async () => {
    core = await testCore(TODAY);
    corpus = core.holder.get();
    const province = corpus.province("son-la");
    if (!province) throw new Error("son-la missing");
    const briefing = buildBriefing(corpus, province, TODAY);
    sonLaVi = timelineChart(corpus, { lang: "vi", today: TODAY, briefing });
    sonLaEn = timelineChart(corpus, { lang: "en", today: TODAY, briefing });
  });

  it("has one row per partner province, each dated event once, undated events apart", () => {
    expect(sonLaVi.rows.map((r) => r.label)).toEqual(["Luông Pha Bang", "Xiêng Khoảng", "Xay Sổm Bun"]);
    const events = corpus.eventsOf("son-la");
    const dated = events.filter((e) => e.date.precision !== "unknown");
    const undated = events.filter((e) => e.date.precision === "unknown");
    const marks = sonLaVi.rows.flatMap((r) => r.marks);
    expect(marks.map((m) => m.title).sort()).toEqual(dated.map((e) => e.title.vi).sort());
    // Never placed at a guessed date: undated events are listed, not marked.
    expect(sonLaVi.undated.map((u) => u.title).sort()).toEqual(undated.map((e) => e.title.vi).sort());
    expect(undated.length).toBeGreaterThan(0);
    // Inferred years are marked; the others are not.
    for (const e of dated) {
      const mark = marks.find((m) => m.title === e.title.vi);
      expect(mark?.inferred, e.id).toBe(e.date.inferred !== undefined);
    }
    // A year known only as "2019 – 2021" is a span over those whole years, not a point.
    const students = marks.find((m) => m.title.includes("lưu học sinh"));
    expect(students).toMatchObject({ start: "2019-01-01", end: "2021-12-31" });
  });

  it("draws agreements over their period, ended ones apart from those in force", () => {
    const bars = sonLaVi.rows.flatMap((r) => r.bars);
    expect(bars).toHaveLength(2);
    for (const bar of bars) expect(bar).toMatchObject({ end: "2024-12-31", state: "ended" });
    const sonLa = corpus.province("son-la");
    if (!sonLa) throw new Error("son-la missing");
    const before = timelineChart(corpus, {
      lang: "vi",
      today: "2023-05-01",
      briefing: buildBriefing(corpus, sonLa, "2023-05-01"),
    });
    expect(before.rows.flatMap((r) => r.bars).map((b) => b.state)).toEqual(["in-force", "in-force"]);
    const { svg } = chartSvg(sonLaVi);
    // Ended bars are hatched and dashed; in force ones are solid green.
    expect(svg.match(/fill="url\(#ended\)" stroke="#9aa3ad" stroke-dasharray/g)?.length).toBeGreaterThanOrEqual(2);
    expect(chartSvg(before).svg).toContain('fill="#2e8b57"/>');
  });

  it("shows the next anniversaries ahead, round milestones within a year included", () => {
    const keys = sonLaVi.anniversaries.map((a) => a.text);
    expect(keys[0]).toBe("Quốc khánh nước CHDCND Lào — 51 năm");
    expect(sonLaVi.anniversaries.find((a) => a.text.startsWith("Ngày thiết lập quan hệ ngoại giao"))).toMatchObject({
      date: "2027-09-05",
      round: true,
    });
    expect(sonLaVi.toYear).toBe(2027);
  });

  it("writes Vietnamese text nodes for Vietnamese readers and English for English readers", () => {
    const vi = textNodes(chartSvg(sonLaVi).svg);
    const en = textNodes(chartSvg(sonLaEn).svg);
    for (const s of [
      "Dòng thời gian hợp tác — Sơn La",
      "Luông Pha Bang",
      "Xiêng Khoảng",
      "Năm suy ra (*)",
      "Văn bản đã hết hạn",
      "Ngày kỷ niệm sắp tới",
      "Hôm nay",
      "Không rõ ngày (không đặt lên trục thời gian)",
      "2022–2024 · hết hạn 31/12/2024",
    ]) {
      expect(vi).toContain(s);
    }
    for (const s of [
      "Cooperation timeline — Sơn La",
      "Luang Prabang",
      "Inferred year (*)",
      "Agreement ended",
      "Upcoming anniversary",
      "Today",
      "Date not stated (not placed on the axis)",
      "2022–2024 · ended 31/12/2024",
    ]) {
      expect(en).toContain(s);
    }
    expect(en).not.toContain("Hôm nay");
    expect(vi).not.toContain("Today");
    // Each event's key line names its date and title, inferred ones with a star.
    const signing = corpus.data.events.find((e) => e.id === "ev-2022-08-16-xieng-khouang-son-la-signing");
    expect(vi).toContain(`16/08/2022 — ${signing?.title.vi} · Xiêng Khoảng`);
    expect(vi).toContain("4*");
    expect(en.some((t) => t.startsWith("26/01/2024 — Xaisomboun delegation pays a Tết visit to Sơn La"))).toBe(true);
  });

  it("rasterises to a PNG of the chart's size that decodes, with ink on a white page", () => {
    const { svg, width, height } = chartSvg(sonLaVi);
    const png = svgToPng(svg, CHART_FONT_FILES);
    expect(width).toBe(CHART_WIDTH);
    expect(CHART_WIDTH).toBeGreaterThanOrEqual(1000);
    expect(CHART_WIDTH).toBeLessThanOrEqual(1280);
    const image = decodePng(png.bytes);
    expect({ width: image.width, height: image.height }).toEqual({ width, height });
    expect(Array.from(image.pixels.subarray(0, 4))).toEqual([255, 255, 255, 255]);
    let ink = 0;
    for (let i = 0; i < image.pixels.length; i += 4) if ((image.pixels[i] ?? 255) < 128) ink++;
    expect(ink / (image.width * image.height)).toBeGreaterThan(0.005);
  });

  it("has a glyph in the bundled font for every character it writes", () => {
    const covered = new Set<number>();
    for (const file of CHART_FONT_FILES) for (const c of fontCodePoints(readFileSync(file))) covered.add(c);
    const whole = timelineChart(corpus, { lang: "vi", today: TODAY });
    for (const chart of [sonLaVi, sonLaEn, whole, timelineChart(corpus, { lang: "en", today: TODAY })]) {
      const missing = new Set<string>();
      for (const text of textNodes(chartSvg(chart).svg)) {
        for (const ch of text) if (ch !== " " && !covered.has(ch.codePointAt(0) ?? 0)) missing.add(ch);
      }
      expect([...missing]).toEqual([]);
    }
  });
});
