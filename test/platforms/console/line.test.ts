import { describe, expect, it } from "vitest";
import { readLine } from "../../../src/platforms/console/line";
import { testCore } from "../../support/core";

const core = await testCore("2026-11-29");
const read = (line: string) => readLine(line, core.commands, () => core.holder.get());

describe("a line typed at the console", () => {
  it("is a command with or without its slash, with the arguments as typed", () => {
    expect(read("/province son la")).toEqual({ kind: "command", command: "province", text: "son la" });
    expect(read("  /Help  ")).toEqual({ kind: "command", command: "help", text: "" });
  });

  it("is one of the console's own words, slash or not", () => {
    expect(read("quit")).toEqual({ kind: "quit" });
    expect(read("/exit")).toEqual({ kind: "quit" });
    expect(read("next")).toEqual({ kind: "next" });
    expect(read("/prev")).toEqual({ kind: "prev" });
    expect(read("trichdan")).toEqual({ kind: "quotes" });
  });

  it("without a slash and not the console's own, is a plain question or a name", () => {
    expect(read("xieng khouang")).toMatchObject({ kind: "command", command: "province" });
    expect(read("Sơn La tặng Xiêng Khoảng bao nhiêu tiền")).toMatchObject({ kind: "command", command: "ask" });
  });

  it("blank is nothing, a slash without a command name is unreadable", () => {
    expect(read("   ")).toEqual({ kind: "empty" });
    expect(read("/???")).toEqual({ kind: "unknown" });
  });
});
