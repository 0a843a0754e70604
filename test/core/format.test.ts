import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatAmount, formatFactDate, formatFactDay, formatIsoDay } from "../../src/core/format";

describe("formatFactDate", () => {
  it("writes each precision as people read it, never a made-up day", () => {
    expect(formatFactDate({ value: "2022-08-16", precision: "day" }, "vi")).toBe("16/08/2022");
    expect(formatFactDate({ value: "2021-12", precision: "month" }, "vi")).toBe("12/2021");
    expect(formatFactDate({ value: "2021", precision: "year" }, "en")).toBe("2021");
    expect(formatFactDate({ precision: "unknown" }, "vi")).toBe("không rõ ngày");
    expect(formatFactDate({ value: "2019-11", until: "2021", precision: "month" }, "vi")).toBe("11/2019 – 2021");
  });

  it("says an inferred date was inferred; formatFactDay leaves that to the caller", () => {
    const inferred = {
      value: "2022-08-16",
      precision: "day" as const,
      inferred: { vi: "từ bài", en: "from the article" },
    };
    expect(formatFactDate(inferred, "vi")).toBe("16/08/2022 (năm được suy ra)");
    expect(formatFactDay(inferred, "vi")).toBe("16/08/2022");
    expect(formatFactDate({ ...inferred, precision: "unknown", value: undefined }, "vi")).toBe("không rõ ngày");
  });

  it("turns any YYYY, YYYY-MM or YYYY-MM-DD around", () => {
    const part = fc.integer({ min: 1, max: 9999 }).map((n) => String(n).padStart(4, "0"));
    const two = (max: number) => fc.integer({ min: 1, max }).map((n) => String(n).padStart(2, "0"));
    fc.assert(
      fc.property(part, fc.option(two(12)), fc.option(two(28)), (y, m, d) => {
        const value = m === null ? y : d === null ? `${y}-${m}` : `${y}-${m}-${d}`;
        expect(formatIsoDay(value)).toBe(value.split("-").reverse().join("/"));
      }),
    );
  });
});

describe("formatAmount", () => {
  it("writes money in billions or millions when it is a round number of them", () => {
    expect(formatAmount({ value: 5_000_000_000, unit: "VND" }, "vi")).toBe("5 tỉ VNĐ");
    expect(formatAmount({ value: 1_250_000_000, unit: "VND" }, "en")).toBe("1.25 billion VND");
    expect(formatAmount({ value: 200_000_000, unit: "VND" }, "vi")).toBe("200 triệu VNĐ");
    expect(formatAmount({ value: 1_234_567, unit: "VND" }, "en")).toBe("1,234,567 VND");
    expect(formatAmount({ value: 999_999, unit: "VND" }, "vi")).toBe("999.999 VNĐ");
  });

  it("writes a number the same way the first time and every time after, in each language", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.constantFrom("vi" as const, "en" as const),
        (value, lang) => {
          const locale = lang === "vi" ? "vi-VN" : "en-US";
          const expected = `${new Intl.NumberFormat(locale).format(value)} ${lang === "vi" ? "VNĐ" : "VND"}`;
          const plain = value >= 1e6 && value % 1e4 === 0 ? undefined : expected;
          const first = formatAmount({ value, unit: "VND" }, lang);
          if (plain) expect(first).toBe(plain);
          expect(formatAmount({ value, unit: "VND" }, lang)).toBe(first);
        },
      ),
    );
  });
});
