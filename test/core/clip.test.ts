import { describe, expect, it } from "vitest";
import { clipText, headWithin } from "../../src/core/clip";

const WELL_FORMED = /^(?:[^\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/;

describe("clipText / headWithin", () => {
  it("never cuts inside a surrogate pair", () => {
    const text = `${"x".repeat(9)}😀😀`;
    expect(headWithin(text, 10)).toBe("x".repeat(9));
    expect(clipText(text, 11)).toBe(`${"x".repeat(9)}…`);
    for (let max = 0; max < text.length + 2; max++) expect(clipText(text, max)).toMatch(WELL_FORMED);
  });

  it("keeps a letter with its combining mark and an emoji with its modifier", () => {
    const decomposed = "Vie\u0302\u0323t"; // "Việt" with combining marks
    expect(headWithin(decomposed, 3)).toBe("Vi");
    expect(headWithin("👍🏽👍🏽", 3)).toBe("");
    expect(headWithin("👍🏽👍🏽", 4)).toBe("👍🏽");
  });

  it("leaves text that fits as it is", () => {
    expect(clipText("Sơn La", 6)).toBe("Sơn La");
    expect(clipText("Sơn La", 5)).toBe("Sơn…");
  });
});
