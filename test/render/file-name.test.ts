import { describe, expect, it } from "vitest";
import { readableFileName } from "../../src/render/file-name";

describe("readable file names", () => {
  it("keeps diacritics in the name and gives a plain-ASCII fallback", () => {
    expect(readableFileName(["Hữu Nghị", "Sơn La"], "2026-11-29", "docx")).toEqual({
      fileName: "Hữu Nghị – Sơn La – 29-11-2026.docx",
      asciiFileName: "Huu-Nghi_Son-La_29-11-2026.docx",
    });
    expect(readableFileName(["Hữu Nghị", "Đắk Lắk"], "2027-01-05", "png").asciiFileName).toBe(
      "Huu-Nghi_Dak-Lak_05-01-2027.png",
    );
  });

  it("never lets a path separator or control character into a name", () => {
    const { fileName, asciiFileName } = readableFileName(["a/b\\c", "x:y\u0000z"], "2026-11-29", "png");
    for (const bad of ["/", "\\", ":", "\u0000"]) expect(fileName.includes(bad), bad).toBe(false);
    expect(asciiFileName).toMatch(/^[A-Za-z0-9_.-]+$/);
  });
});
