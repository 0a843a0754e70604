import { unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/app";
import { DOCX_MIME } from "../../src/render/brief-reply";
import { ask, plain, testCore } from "../support/core";

describe("/brief", () => {
  let core: Core;
  beforeAll(async () => {
    core = await testCore("2026-11-29");
  });

  it("answers with a Word document under a readable name and its ASCII fallback", async () => {
    const reply = await ask(core, "/brief son la");
    expect(reply.error).toBeUndefined();
    expect(reply.attachment).toMatchObject({
      kind: "document",
      fileName: "Hữu Nghị – Sơn La – 29-11-2026.docx",
      asciiFileName: "Huu-Nghi_Son-La_29-11-2026.docx",
      mime: DOCX_MIME,
    });
    const files = unzipSync(reply.attachment?.bytes ?? new Uint8Array());
    expect(files["word/document.xml"]).toBeDefined();
    expect(files["word/footnotes.xml"]).toBeDefined();
    expect(reply.attachment?.caption.length).toBeLessThanOrEqual(1024);
    expect(plain(reply)).toContain("chú thích");
  });

  it("is in English for English readers, under the Vietnamese alias too", async () => {
    const reply = await ask(core, "/bao_cao luang prabang", "en");
    expect(reply.title).toBe("Cooperation briefing note — Luang Prabang");
    expect(reply.attachment?.fileName).toBe("Hữu Nghị – Luang Prabang – 29-11-2026.docx");
  });

  it("refuses unknown and uncovered provinces with a clear error", async () => {
    expect((await ask(core, "/brief atlantis")).error?.code).toBe("unknown-province");
    expect((await ask(core, "/brief")).error?.code).toBe("missing-argument");
    const uncovered = core.holder.get().data.provinces.find((p) => !p.covered);
    if (uncovered) expect((await ask(core, `/brief ${uncovered.name.vi}`)).error?.code).toBe("not-covered");
  });
});
