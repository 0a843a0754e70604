import { describe, expect, it } from "vitest";
import { MAX_ARG_LENGTH, parseArgs } from "../../src/core/args";
import type { Command } from "../../src/core/command";
import { parseCommandText } from "../../src/core/dispatch";
import { UserError } from "../../src/core/errors";

const timelineLike: Command = {
  name: "timeline",
  description: { vi: "x", en: "x" },
  args: [
    { name: "province", kind: "province", required: false, description: { vi: "Tỉnh", en: "Province" } },
    { name: "years", kind: "period", required: false, min: 1900, max: 2100, description: { vi: "Năm", en: "Years" } },
  ],
  run: () => ({ title: "", blocks: [], citations: [] }),
};

const subscribeLike: Command = {
  name: "subscribe",
  description: { vi: "x", en: "x" },
  args: [
    { name: "time", kind: "time", required: false, description: { vi: "Giờ", en: "Time" } },
    {
      name: "cadence",
      kind: "choice",
      choices: ["daily", "weekly"],
      required: false,
      description: { vi: "x", en: "x" },
    },
  ],
  run: () => ({ title: "", blocks: [], citations: [] }),
};

function code(f: () => unknown): string | undefined {
  try {
    f();
  } catch (error) {
    return error instanceof UserError ? error.code : "not a user error";
  }
  return undefined;
}

describe("argument parsing", () => {
  it("takes typed tokens by pattern and leaves the rest as the free-text name", () => {
    expect(parseArgs(timelineLike, "Luông Pha Bang 2019 - 2021")).toEqual({
      province: "Luông Pha Bang",
      years: { from: 2019, to: 2021 },
    });
    expect(parseArgs(timelineLike, "2022 son la")).toEqual({ province: "son la", years: { from: 2022, to: 2022 } });
    expect(parseArgs(subscribeLike, "weekly 7:30")).toEqual({ time: "07:30", cadence: "weekly" });
  });

  it("refuses out-of-range and reversed periods, unknown tokens and over-long input", () => {
    expect(code(() => parseArgs(timelineLike, "1800"))).toBe("bad-argument");
    expect(parseArgs(timelineLike, "2024-2019")).toEqual({ years: { from: 2019, to: 2024 } });
    expect(parseArgs(timelineLike, "son la 2022 2023")).toEqual({
      province: "son la",
      years: { from: 2022, to: 2023 },
    });
    expect(code(() => parseArgs(subscribeLike, "25:00"))).toBe("bad-argument");
    expect(code(() => parseArgs(timelineLike, "x".repeat(MAX_ARG_LENGTH + 1)))).toBe("argument-too-long");
    // Number-shaped tokens are bad years, never province names.
    for (const bad of ["0", "-5", "99999", "2019-", "2019-2022-2023", "son la 20222"]) {
      expect(
        code(() => parseArgs(timelineLike, bad)),
        bad,
      ).toBe("bad-argument");
    }
  });

  it("splits a command addressed to a bot in a group", () => {
    expect(parseCommandText("/province@HuuNghiBot Sơn La")).toEqual({
      name: "province",
      bot: "HuuNghiBot",
      text: "Sơn La",
    });
    expect(parseCommandText("/help")).toEqual({ name: "help", text: "" });
    expect(parseCommandText("hello")).toBeUndefined();
  });
});

describe("Vietnamese command names", () => {
  it("accepts the unaccented Vietnamese name as an alias", async () => {
    const { commands } = await import("../../commands/index");
    const { findCommand } = await import("../../src/core/dispatch");
    expect(findCommand(commands, "tinh")?.name).toBe("province");
    expect(findCommand(commands, "tỉnh")?.name).toBe("province");
    expect(findCommand(commands, "van_ban")?.name).toBe("agreements");
    expect(findCommand(commands, "ngay_ky_niem")?.name).toBe("anniversaries");
    expect(findCommand(commands, "tinhh")).toBeUndefined();
  });
});

describe("Vietnamese words for choices", () => {
  it("reads 'hằng tuần', 'hang ngay' and 'tuần' as the cadence", async () => {
    const { subscribe } = await import("../../commands/subscribe");
    expect(parseArgs(subscribe, "08:00 hằng tuần vi")).toMatchObject({ time: "08:00", cadence: "weekly", lang: "vi" });
    expect(parseArgs(subscribe, "hang ngay")).toMatchObject({ cadence: "daily" });
    expect(parseArgs(subscribe, "7:30 tuần")).toMatchObject({ time: "07:30", cadence: "weekly" });
  });
});
