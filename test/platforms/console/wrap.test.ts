import { describe, expect, it } from "vitest";
import { wrapText } from "../../../src/platforms/console/wrap";

describe("wrapping console text", () => {
  it("breaks at word boundaries and continues a list item under its text", () => {
    const text =
      "  • 16/08/2022 — Lễ ký Biên bản hợp tác toàn diện giai đoạn 2022 – 2024 giữa Xiêng Khoảng và Sơn La [3]";
    const lines = wrapText(text, 40).split("\n");
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(40);
    for (const line of lines.slice(1)) expect(line.startsWith("    ")).toBe(true);
    expect(lines.join(" ").replace(/\s+/g, " ").trim()).toBe(text.replace(/\s+/g, " ").trim());
  });

  it("keeps short lines and blank lines as they are, and cuts only a word longer than a line", () => {
    expect(wrapText("Nguồn:\n\n[1] ngắn", 40)).toBe("Nguồn:\n\n[1] ngắn");
    const url = `[2] https://example.org/${"a".repeat(60)}`;
    for (const line of wrapText(url, 30).split("\n")) expect([...line].length).toBeLessThanOrEqual(30);
  });
});
