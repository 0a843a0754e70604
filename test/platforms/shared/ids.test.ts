import { describe, expect, it } from "vitest";
import { platformIds } from "../../../src/platforms/shared/ids";

describe("platform ids", () => {
  it("prefixes user and chat ids with the platform's name and reads back only its own", () => {
    const ids = platformIds("matrix");
    expect(ids.user("@ana:example.org")).toBe("matrix:@ana:example.org");
    expect(ids.chat("room1", 7)).toBe("matrix:room1:7");
    expect(ids.parts("matrix:room1:7")).toEqual(["room1", "7"]);
    expect(ids.parts("matrix:")).toBeUndefined();
    expect(ids.parts("matrixx:room1")).toBeUndefined();
    expect(ids.parts("telegram:-100")).toBeUndefined();
  });

  it("refuses a name that could not prefix an id", () => {
    for (const bad of ["", "Tele", "a:b", "x y"]) expect(() => platformIds(bad)).toThrow(/not a platform name/);
  });
});
