import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createConsoleAdapter } from "../../../src/platforms/console/console";
import { decodePng } from "../../render/png-decode";
import { testCore } from "../../support/core";

describe("console files", () => {
  it("saves a chart in the files folder and prints its path", async () => {
    const core = await testCore("2026-11-29");
    const dir = await mkdtemp(join(tmpdir(), "huunghi-console-"));
    try {
      const input = new PassThrough();
      const output = new PassThrough();
      let text = "";
      output.on("data", (d: Buffer) => {
        text += d.toString();
      });
      const adapter = createConsoleAdapter(
        { input, output, filesDir: dir },
        { handle: (inv) => core.handle(inv), commands: core.commands, corpus: () => core.holder.get() },
      );
      await adapter.start();
      input.end("/province son la chart\n");
      await adapter.finished;
      const path = join(dir, "Hữu Nghị – Biểu đồ – Sơn La – 29-11-2026.png");
      expect(await readdir(dir)).toEqual(["Hữu Nghị – Biểu đồ – Sơn La – 29-11-2026.png"]);
      expect(text).toContain(`📎 Đã lưu tệp: ${path}`);
      expect(decodePng(await readFile(path)).width).toBe(1200);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
