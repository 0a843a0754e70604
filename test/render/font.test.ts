import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CHART_FONT } from "../../src/render/chart";
import { CHART_FONT_FILES } from "../../src/render/font";
import { svgToPng } from "../../src/render/png";
import { fontCodePoints } from "./cmap";
import { decodePng } from "./png-decode";

// Every Vietnamese vowel with every tone (none, huyền, sắc, hỏi, ngã, nặng), both cases, and đ/Đ.
const VOWELS = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];
const TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];
const LETTERS = [
  ...VOWELS.flatMap((v) => TONES.map((t) => `${v}${t}`.normalize("NFC"))).flatMap((c) => [c, c.toUpperCase()]),
  "đ",
  "Đ",
];

function render(label: string): Uint8Array {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="60" height="40" font-family="${CHART_FONT}"><rect width="100%" height="100%" fill="#fff"/><text x="10" y="30" font-size="24">${label}</text></svg>`;
  return decodePng(svgToPng(svg, CHART_FONT_FILES).bytes).pixels;
}

describe("the bundled chart font", () => {
  it("maps every Vietnamese letter and tone mark to a glyph (its cmap)", () => {
    expect(LETTERS).toHaveLength(12 * 6 * 2 + 2);
    for (const file of CHART_FONT_FILES) {
      const covered = fontCodePoints(readFileSync(file));
      const missing = LETTERS.filter((c) => !covered.has(c.codePointAt(0) ?? 0));
      expect(missing, file).toEqual([]);
      // Decomposed text (a base letter and combining marks) is covered too.
      for (const mark of TONES.slice(1).concat("\u0302", "\u0306", "\u031b"))
        expect(covered.has(mark.codePointAt(0) ?? 0)).toBe(true);
    }
  });

  it("draws each letter as itself, never as the box of a missing glyph", () => {
    // A private-use character the font lacks shows what a missing glyph looks like.
    const missing = Buffer.from(render("\ue000"));
    const seen = new Set<string>();
    for (const letter of LETTERS) {
      const pixels = Buffer.from(render(letter));
      expect(pixels.equals(missing), letter).toBe(false);
      seen.add(pixels.toString("base64"));
    }
    // And each one differently: no two letters (tones included) come out the same.
    expect(seen.size).toBe(LETTERS.length);
  });

  it("renders a label with every tone mark", () => {
    const label =
      "Hữu nghị đặc biệt: Sơn La, Xiêng Khoảng, Luông Pha Bang — à á ả ã ạ ằ ắ ẳ ẵ ặ ề ế ể ễ ệ ồ ố ổ ỗ ộ ờ ớ ở ỡ ợ ừ ứ ử ữ ự ỳ ý ỷ ỹ ỵ";
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="60" font-family="${CHART_FONT}"><rect width="100%" height="100%" fill="#fff"/><text x="10" y="40" font-size="22">${label}</text></svg>`;
    const image = decodePng(svgToPng(svg, CHART_FONT_FILES).bytes);
    let ink = 0;
    for (let i = 0; i < image.pixels.length; i += 4) if ((image.pixels[i] ?? 255) < 128) ink++;
    expect(ink).toBeGreaterThan(2000);
  });
});
