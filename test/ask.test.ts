import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const tsx = ["node_modules/.bin/tsx", "src/ask.ts"];

async function ask(...args: string[]): Promise<{ stdout: string; code: number }> {
  try {
    const { stdout } = await run(tsx[0] ?? "", [tsx[1] ?? "", ...args], { encoding: "utf8" });
    return { stdout, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; code: number };
    return { stdout: e.stdout, code: e.code };
  }
}

describe("npm run ask", () => {
  it("prints one reply as plain text, with options before the command line", async () => {
    const { stdout, code } = await ask("--lang", "en", "--date", "2027-07-01", "/anniversaries 30");
    expect(code).toBe(0);
    expect(stdout).toContain(
      "50th anniversary: Signing of the Vietnam–Laos Treaty of Friendship and Cooperation, 18/07/2027",
    );
    expect(stdout).toContain("Sources:");
  });

  it("shows the page asked for", async () => {
    const { stdout, code } = await ask("--page", "2", "/timeline");
    expect(code).toBe(0);
    expect(stdout).toContain("Trang 2/2");
  });

  it("prints the structured reply with --json", async () => {
    const { stdout } = await ask("--json", "/province son la");
    const reply = JSON.parse(stdout) as { title: string; citations: unknown[] };
    expect(reply.title).toBe("Sơn La (Việt Nam)");
    expect(reply.citations.length).toBeGreaterThan(10);
  });

  it("follows one exit-code rule: 0 an answer, 1 nothing found or refused, 2 bad options", async () => {
    // Run side by side: each is a whole process start.
    const cases: [string[], number][] = [
      [["--lang", "fr", "/help"], 2],
      [["--date", "24/11/2026", "/help"], 2],
      [["--date", "2027-02-30", "/help"], 2],
      [["--date", "2027-13-01", "/help"], 2],
      [["--page", "abc", "/timeline"], 2],
      [["--page", "0", "/timeline"], 2],
      [["--no-such-option", "/help"], 2],
      [["/province atlantis"], 1],
      [["/timeline 1990"], 1],
      [["/reload"], 1],
      [["--help"], 0],
      [["--version"], 0],
      [["/help"], 0],
    ];
    const codes = await Promise.all(cases.map(([args]) => ask(...args).then((r) => r.code)));
    expect(codes).toEqual(cases.map(([, code]) => code));
  }, 120_000);
});

describe("npm run ask with a line without a slash", () => {
  it("answers a province name as /province and other words as a question", async () => {
    expect((await ask("son la")).stdout).toContain("Sơn La (Việt Nam)");
    const scholarships = await ask("--lang", "en", "scholarships");
    expect(scholarships.stdout).toContain("Question: scholarships");
    expect(scholarships.stdout).toContain("90 scholarships");
    expect(scholarships.code).toBe(0);
  });

  it("answers the questions people type, and says plainly when the corpus has nothing (exit 1)", async () => {
    const gift = await ask("Sơn La tặng Xiêng Khoảng bao nhiêu tiền?");
    expect(gift.stdout).toMatch(/Sơn La → Xiêng Khoảng: 200 triệu VNĐ/);
    expect(gift.stdout).not.toContain("“");
    // --quotes prints the verbatim sentence behind each [n], with its /source.
    const quoted = await ask("--quotes", "Sơn La tặng Xiêng Khoảng bao nhiêu tiền?");
    expect(quoted.stdout).toContain("“Nhân dịp này, tỉnh Sơn La tặng tỉnh Xiêng Khoảng 200 triệu VNĐ");
    expect(quoted.stdout).toContain("/source fig-2022-son-la-gift-xieng-khouang");
    const covid = await ask("--lang", "en", "what did Son La give Luang Prabang during covid");
    expect(covid.stdout).toContain("Sơn La's Covid-19 aid to Luang Prabang");
    const nothing = await ask("bóng đá");
    expect(nothing.code).toBe(1);
    expect(nothing.stdout).toContain("Kho dữ liệu không có thông tin");
    expect(nothing.stdout).toContain("/search bóng đá");
  });
});
