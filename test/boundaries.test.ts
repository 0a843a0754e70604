// The layering is a lint error (biome.json "overrides", noRestrictedImports): probe files with forbidden imports,
// linted with the repository's own biome.json in a scratch copy, are refused; allowed imports pass.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const REPO = resolve(import.meta.dirname, "..");
const BIOME = join(REPO, "node_modules", ".bin", "biome");

/** Probe file → the import it makes, and whether the layering allows it. */
const PROBES: Record<string, { from: string; allowed: boolean }> = {
  "src/core/store.ts": { from: "../store/open", allowed: false },
  "src/core/platform.ts": { from: "../platforms/telegram/render", allowed: false },
  "src/core/schedule.ts": { from: "../schedule/period", allowed: false },
  "src/core/corpus-loading.ts": { from: "../corpus/load", allowed: false },
  "src/core/fs.ts": { from: "node:fs", allowed: false },
  "src/core/fs-promises.ts": { from: "node:fs/promises", allowed: false },
  "src/core/commands.ts": { from: "../../commands/index", allowed: false },
  "src/core/sibling.ts": { from: "./catalogue/vi", allowed: true },
  "src/core/luxon.ts": { from: "luxon", allowed: true },
  "commands/schedule.ts": { from: "../src/schedule/period", allowed: false },
  "commands/platform.ts": { from: "../src/platforms/discord/render", allowed: false },
  "commands/core.ts": { from: "../src/core/i18n", allowed: true },
  "src/schedule/platform.ts": { from: "../platforms/adapter", allowed: false },
  "src/schedule/core.ts": { from: "../core/errors", allowed: true },
  "src/platforms/core.ts": { from: "../core/reply", allowed: true },
};

let scratch: string;
let refused: Map<string, string[]>;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "huunghi-boundaries-"));
  await cp(join(REPO, "biome.json"), join(scratch, "biome.json"));
  for (const [file, probe] of Object.entries(PROBES)) {
    await mkdir(dirname(join(scratch, file)), { recursive: true });
    await writeFile(join(scratch, file), `import * as probe from "${probe.from}";\n\nexport const used = probe;\n`);
  }
  // Biome exits non-zero when it refuses something; the report is on stdout either way.
  const { stdout } = await promisify(execFile)(BIOME, ["lint", "--reporter=json", "src", "commands"], {
    cwd: scratch,
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }));
  const report = JSON.parse(stdout.slice(stdout.indexOf("{"))) as {
    diagnostics: { category: string; message: string; location: { path: string } }[];
  };
  refused = new Map();
  for (const d of report.diagnostics) {
    if (d.category !== "lint/style/noRestrictedImports") continue;
    refused.set(d.location.path, [...(refused.get(d.location.path) ?? []), d.message]);
  }
}, 60_000);

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe("layer boundaries in npm run lint", () => {
  for (const [file, probe] of Object.entries(PROBES)) {
    it(`${probe.allowed ? "allows" : "refuses"} ${file} importing ${probe.from}`, () => {
      if (probe.allowed) expect(refused.get(file)).toBeUndefined();
      else expect(refused.get(file)?.length, `${file} should be refused`).toBe(1);
    });
  }
});
