// Every language's catalogue has every entry of the Vietnamese one, of the same kind, and says something.
import { describe, expect, it } from "vitest";
import { en } from "../../../src/core/catalogue/en";
import { vi } from "../../../src/core/catalogue/vi";
import { LANGS, words } from "../../../src/core/i18n";

type Entry = unknown;

/** Every leaf of a catalogue as [path, value]. */
function leaves(entry: Entry, path = ""): [string, Entry][] {
  if (entry !== null && typeof entry === "object") {
    return Object.entries(entry).flatMap(([key, value]) => leaves(value, path ? `${path}.${key}` : key));
  }
  return [[path, entry]];
}

/** What an entry says; a message function is given "1" for each of its values. */
function say(value: Entry): string {
  if (typeof value !== "function") return String(value);
  return String((value as (...args: string[]) => unknown)(...Array.from({ length: value.length }, () => "1")));
}

describe("the catalogue of words", () => {
  const reference = new Map(leaves(vi));

  it("has in English exactly the entries of the Vietnamese reference, each of the same kind", () => {
    const english = new Map(leaves(en));
    expect([...english.keys()].sort()).toEqual([...reference.keys()].sort());
    for (const [path, value] of reference) {
      expect(typeof english.get(path), path).toBe(typeof value);
      if (typeof value === "function") expect((english.get(path) as () => string).length, path).toBe(value.length);
    }
  });

  it("says something in every language for every entry (the empty weekday 0 aside)", () => {
    for (const lang of LANGS) {
      for (const [path, value] of leaves(words(lang))) {
        if (path === "weekday.0") continue;
        expect(say(value).trim(), `${lang} ${path}`).not.toBe("");
      }
    }
  });

  it("differs between the languages for whole sentences", () => {
    expect(words("vi").internalError).not.toBe(words("en").internalError);
    expect(words("vi").notChatAdmin("channel", "manageChannels")).toContain("Manage Channels");
    expect(words("en").notChatAdmin("channel", "manageChannels")).toBe(
      "Only administrators can change this channel's digest subscription (it needs the Manage Channels permission).",
    );
  });
});
