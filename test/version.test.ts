// One version number: package.json's, reported by --version, /status, and at the top of the CHANGELOG.
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { DEFAULT_DATA_DIR } from "../src/app";
import { CorpusHolder } from "../src/corpus/holder";
import { createStatus } from "../src/ops/status";
import { BOT_VERSION, versionLine } from "../src/version";

const run = promisify(execFile);
const REPO = join(import.meta.dirname, "..");

describe("the version", () => {
  it("is package.json's, and the CHANGELOG's newest entry", async () => {
    const pkg = JSON.parse(await readFile(join(REPO, "package.json"), "utf8")) as { version: string };
    expect(BOT_VERSION).toBe(pkg.version);
    const changelog = await readFile(join(REPO, "CHANGELOG.md"), "utf8");
    expect(/^## \[(\d+\.\d+\.\d+)\]/m.exec(changelog)?.[1]).toBe(pkg.version);
  });

  it("is what /status reports", async () => {
    const holder = await CorpusHolder.load(DEFAULT_DATA_DIR);
    const status = createStatus({ startedAt: Date.now(), corpus: () => holder.get(), platforms: () => [] });
    expect((await status()).version).toBe(BOT_VERSION);
  });

  // Six short processes; generous time, as the machine may be busy (the check itself is not about speed).
  it("is printed by --version, and --help explains the options, on the bot, ask and backup", {
    timeout: 180_000,
  }, async () => {
    for (const entry of ["src/main.ts", "src/ask.ts", "src/backup-cli.ts"]) {
      const version = await run(process.execPath, ["--import", "tsx", entry, "--version"], { cwd: REPO });
      expect(version.stdout.trim(), entry).toBe(versionLine());
      const help = await run(process.execPath, ["--import", "tsx", entry, "--help"], { cwd: REPO });
      expect(help.stdout, entry).toContain("--version");
      expect(help.stdout, entry).toMatch(/usage: npm (start|run ask|run backup)/);
    }
  });
});
