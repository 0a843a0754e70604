import { beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/app";
import { CAPTION_MAX } from "../../src/render/chart-reply";
import { ask, plain, testCore } from "../support/core";
import { decodePng } from "./png-decode";

describe("chart replies from /timeline and /province", () => {
  let core: Core;
  beforeAll(async () => {
    core = await testCore("2026-11-29");
  });

  it("/timeline chart answers with a PNG photo and its key as cited text", async () => {
    const reply = await ask(core, "/timeline chart");
    expect(reply.error).toBeUndefined();
    expect(reply.attachment).toMatchObject({ kind: "photo", mime: "image/png" });
    expect(reply.attachment?.fileName).toBe("Hữu Nghị – Biểu đồ – 29-11-2026.png");
    expect(decodePng(reply.attachment?.bytes ?? new Uint8Array()).width).toBe(1200);
    expect(reply.attachment?.caption.length).toBeLessThanOrEqual(CAPTION_MAX);
    // Every [n] in the text resolves to a listed citation.
    const text = plain(reply);
    const cited = new Set([...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
    expect(cited.size).toBeGreaterThan(5);
    for (const n of cited) expect(reply.citations.some((c) => c.n === n)).toBe(true);
  });

  it("takes 'chart' with the other filters, and the Vietnamese 'biểu đồ'", async () => {
    const filtered = await ask(core, "/timeline son la 2019-2021 chart");
    expect(filtered.title).toBe("Dòng thời gian hợp tác — Sơn La — 2019–2021");
    expect(filtered.attachment?.kind).toBe("photo");
    const vi = await ask(core, "/dong_thoi_gian biểu đồ");
    expect(vi.attachment?.kind).toBe("photo");
    const province = await ask(core, "/province son la chart", "en");
    expect(province.title).toBe("Cooperation timeline — Sơn La");
    expect(province.attachment?.fileName).toBe("Hữu Nghị – Chart – Sơn La – 29-11-2026.png");
  });

  it("offers the chart and the briefing note as actions under /province and /timeline", async () => {
    const province = await ask(core, "/province son la");
    expect(province.attachment).toBeUndefined();
    expect(province.actions?.map((a) => a.command)).toEqual(["/province Sơn La chart", "/brief Sơn La"]);
    expect(province.actions?.map((a) => a.label)).toEqual(["📊 Biểu đồ", "📄 Tải báo cáo"]);
    const timeline = await ask(core, "/timeline luang prabang 2019-2022", "en");
    expect(timeline.actions).toEqual([{ command: "/timeline Luông Pha Bang 2019-2022 chart", label: "📊 Chart" }]);
    // The action runs as it reads.
    const chart = await ask(core, timeline.actions?.[0]?.command ?? "", "en");
    expect(chart.attachment?.kind).toBe("photo");
  });
});
