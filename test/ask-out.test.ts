import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { decodePng } from "./render/png-decode";

const run = promisify(execFile);

describe("npm run ask -- --out DIR", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  async function askOut(...args: string[]) {
    const dir = await mkdtemp(join(tmpdir(), "huunghi-out-"));
    dirs.push(dir);
    const { stdout } = await run(
      "node_modules/.bin/tsx",
      ["src/ask.ts", "--date", "2026-11-29", "--out", dir, ...args],
      {
        encoding: "utf8",
      },
    );
    return { dir, stdout };
  }

  it("writes the chart of /timeline chart and prints its path", async () => {
    const { dir, stdout } = await askOut("/timeline chart");
    const path = join(dir, "Hữu Nghị – Biểu đồ – 29-11-2026.png");
    expect(stdout).toContain(`📎 Đã lưu tệp: ${path}`);
    expect(decodePng(await readFile(path)).width).toBe(1200);
  });

  it("writes the briefing note of /brief son la", async () => {
    const { dir, stdout } = await askOut("--lang", "en", "/brief son la");
    expect(await readdir(dir)).toEqual(["Hữu Nghị – Sơn La – 29-11-2026.docx"]);
    expect(stdout).toContain("📎 File saved:");
    expect(
      unzipSync(await readFile(join(dir, "Hữu Nghị – Sơn La – 29-11-2026.docx")))["word/footnotes.xml"],
    ).toBeDefined();
  });

  it("with --json says where the file went instead of printing its bytes", async () => {
    const { dir, stdout } = await askOut("--json", "/province son la chart");
    const reply = JSON.parse(stdout) as { attachment: { bytes: number; path: string; kind: string } };
    expect(reply.attachment.kind).toBe("photo");
    expect(reply.attachment.path.startsWith(dir)).toBe(true);
    expect(reply.attachment.bytes).toBe((await readFile(reply.attachment.path)).length);
  });
});
