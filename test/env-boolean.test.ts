// One reading of yes/no environment variables for src/config.ts and src/schedule/config.ts.
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config";
import { parseBoolean } from "../src/env-boolean";
import { digestSettingsFromEnv } from "../src/schedule/config";

describe("parseBoolean", () => {
  it("reads the usual words in any case, and nothing else", () => {
    for (const word of ["1", "true", "YES", " on "]) expect(parseBoolean(word), word).toBe(true);
    for (const word of ["0", "False", "no", "OFF"]) expect(parseBoolean(word), word).toBe(false);
    for (const word of ["", "maybe", "2"]) expect(parseBoolean(word), word).toBeUndefined();
  });

  it("is what both configuration readers accept", () => {
    for (const [word, value] of [
      ["Yes", true],
      ["off", false],
    ] as const) {
      const config = loadConfig({ WATCH_DATA: word });
      expect(config.ok && config.config.watchData).toBe(value);
      const digest = digestSettingsFromEnv({ DIGEST_POST_EMPTY: word });
      expect(digest.ok && digest.settings.postEmpty).toBe(value);
    }
    expect(loadConfig({ WATCH_DATA: "maybe" }).ok).toBe(false);
    expect(digestSettingsFromEnv({ DIGEST_POST_EMPTY: "maybe" }).ok).toBe(false);
  });
});
