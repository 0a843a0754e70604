// `npm run ingest` as scripts use it: --dry-run --json prints the draft and writes nothing; --url fetches a page
// from a local HTTP server; a saved draft lands in data/inbox/.
import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAGES } from "./ingest/support";

const run = promisify(execFile);
const CLI = ["--import", "tsx", "src/ingest-cli.ts"];

async function ingestCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [...CLI, ...args], { maxBuffer: 20_000_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dataDir: string;
let server: Server;
let base: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "ingest-cli-"));
  await cp("data", dataDir, { recursive: true });
  const html = await readFile(join(PAGES, "news-variants.html"));
  server = createServer((req, res) => {
    if (req.url === "/news.html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(html);
    } else if (req.url === "/image.png") {
      res.writeHead(200, { "content-type": "image/png" });
      res.end("x");
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dataDir, { recursive: true, force: true });
});

// Each test starts the CLI as its own process (several for the refusals): generous bounds for a loaded machine.
describe("npm run ingest", { timeout: 180_000 }, () => {
  it("--dry-run --json prints the draft in the corpus format with its report, and writes nothing", async () => {
    const { code, stdout } = await ingestCli(["--data", dataDir, "--dry-run", "--json", join(PAGES, "no-year.txt")]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as {
      dryRun: boolean;
      drafts: { records: { events: unknown[] }; report: { uncertain: { kind: string }[] }; source: { file: string } }[];
    };
    expect(out.dryRun).toBe(true);
    expect(out.drafts).toHaveLength(1);
    expect(out.drafts[0]?.records.events).toHaveLength(1);
    expect(out.drafts[0]?.source.file).toMatch(/^005_[0-9a-f]{16}\.txt$/);
    expect(out.drafts[0]?.report.uncertain.map((u) => u.kind)).toContain("year-not-stated");
    await expect(readdir(join(dataDir, "inbox"))).rejects.toThrow();
  });

  it("--url fetches the page from a server and drafts it", async () => {
    const { code, stdout } = await ingestCli(["--data", dataDir, "--dry-run", "--json", "--url", `${base}/news.html`]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as {
      drafts: { source: { url?: string }; records: { events: { date: unknown }[] } }[];
    };
    expect(out.drafts[0]?.source.url).toBe("https://bao-mau.example/xaysompia-luong-pha-bang.html");
    expect(out.drafts[0]?.records.events[0]?.date).toEqual({ value: "2023-09-09", precision: "day" });
  });

  it("refuses what is not a page with a clear error", async () => {
    const notFound = await ingestCli(["--data", dataDir, "--dry-run", "--url", `${base}/missing.html`]);
    expect(notFound.code).toBe(1);
    // In the language asked for, Vietnamese by default.
    expect(notFound.stderr).toMatch(/missing\.html trả lời 404/);
    const image = await ingestCli(["--data", dataDir, "--dry-run", "--lang", "en", "--url", `${base}/image.png`]);
    expect(image.stderr).toMatch(/image\/png, not an HTML or text page/);
    const bad = await ingestCli(["--data", dataDir, "--bogus"]);
    expect(bad.code).toBe(2);
  });

  it("says an inbox refusal in the language asked for", async () => {
    const vi = await ingestCli(["--data", dataDir, "--review", "no-such-draft"]);
    expect(vi.code).toBe(1);
    expect(vi.stderr).toContain("Không có bản nháp “no-such-draft” trong hộp thư.");
    const en = await ingestCli(["--data", dataDir, "--lang", "en", "--reject", "no-such-draft"]);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain("There is no draft “no-such-draft” in the inbox.");
  });

  it("without --dry-run saves the draft to the inbox and lists it", async () => {
    const saved = await ingestCli(["--data", dataDir, "--lang", "en", join(PAGES, "other-province.txt")]);
    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain("Nghệ An và Xiêng Khoảng");
    expect(saved.stdout).toContain("term of office, not an agreement period");
    const files = await readdir(join(dataDir, "inbox"));
    expect(files.filter((f) => f.endsWith(".yaml"))).toHaveLength(1);
    const list = await ingestCli(["--data", dataDir, "--list", "--json"]);
    expect(JSON.parse(list.stdout).drafts[0]).toMatchObject({ errors: 0 });
  });
});
