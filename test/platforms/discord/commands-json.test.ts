import { ApplicationCommandOptionType, PermissionFlagsBits } from "discord.js";
import { describe, expect, it } from "vitest";
import { commands } from "../../../commands/index";
import { type Command, isAdminOnly } from "../../../src/core/command";
import { FILE_OPTION, FILE_OPTION_VI } from "../../../src/platforms/discord/attachment";
import { toApplicationCommands, YEAR_MAX, YEAR_MIN } from "../../../src/platforms/discord/commands-json";

const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

function stub(partial: Partial<Command> & Pick<Command, "name" | "args">): Command {
  return {
    description: { vi: "Mô tả", en: "Description" },
    run: () => ({ title: "", blocks: [], citations: [] }),
    ...partial,
  };
}

describe("slash command JSON from the shared command definitions", () => {
  const { body, problems } = toApplicationCommands(commands);

  it("offers every registered command, with valid names and descriptions", () => {
    expect(problems).toEqual([]);
    expect(body.map((c) => c.name)).toEqual(commands.map((c) => c.name));
    for (const c of body) {
      expect(c.name).toMatch(NAME);
      expect(c.name).toBe(c.name.toLowerCase());
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.description.length).toBeLessThanOrEqual(100);
      for (const o of c.options ?? []) expect(o.name).toMatch(NAME);
    }
  });

  it("localizes names and descriptions in Vietnamese and English", () => {
    for (const c of body) {
      const source = commands.find((x) => x.name === c.name);
      expect(c.description_localizations?.vi).toBe(source?.description.vi.slice(0, 100));
      expect(c.description_localizations?.["en-US"]).toBe(source?.description.en.slice(0, 100));
      // Vietnamese users see the Vietnamese name; English locales see the default name.
      expect(c.name_localizations?.vi).toBe(source?.localName?.vi);
      expect(c.name_localizations?.["en-US"]).toBe(c.name);
      for (const o of c.options ?? []) {
        // A command that takes a file has the attachment option besides its arguments.
        const spec =
          o.name === FILE_OPTION && source?.file
            ? { localName: { vi: FILE_OPTION_VI }, description: source.file.description }
            : source?.args.find((a) => a.name === o.name);
        expect(o.name_localizations?.vi).toBe(spec?.localName?.vi);
        expect(o.description_localizations?.vi).toBe(spec?.description.vi);
        expect(o.description_localizations?.["en-GB"]).toBe(spec?.description.en);
      }
    }
  });

  it("gives every command and option a valid Vietnamese name", () => {
    expect(body.find((c) => c.name === "province")?.name_localizations?.vi).toBe("tỉnh");
    expect(body.find((c) => c.name === "agreements")?.name_localizations?.vi).toBe("văn-bản");
    for (const c of body) {
      expect(c.name_localizations?.vi, c.name).toMatch(/^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u);
      for (const o of c.options ?? [])
        expect(o.name_localizations?.vi, `${c.name}.${o.name}`).toMatch(/^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u);
    }
  });

  it("gives the province argument autocomplete and years integer bounds", () => {
    const province = body.find((c) => c.name === "province");
    expect(province?.options?.[0]).toMatchObject({
      name: "name",
      type: ApplicationCommandOptionType.String,
      autocomplete: true,
      required: true,
    });
    const year = body.find((c) => c.name === "agreements")?.options?.find((o) => o.name === "year");
    expect(year).toMatchObject({ type: ApplicationCommandOptionType.Integer, min_value: 1900, max_value: 2100 });
  });

  it("hides admin-only commands from members without Manage Server", () => {
    const admin = commands.filter((c) => isAdminOnly(c)).map((c) => c.name);
    expect(admin.length).toBeGreaterThan(0);
    for (const c of body) {
      if (admin.includes(c.name)) {
        expect(c.default_member_permissions).toBe(PermissionFlagsBits.ManageGuild.toString());
        // Member permissions do not apply in DMs: admin commands are offered in servers only.
        expect(c.contexts).toEqual([0]);
        expect(c.integration_types).toEqual([0]);
      } else {
        expect(c.default_member_permissions).toBeUndefined();
        expect(c.contexts).toBeUndefined();
      }
    }
  });

  it("maps every argument kind to a Discord option type, required options first", () => {
    const all = stub({
      name: "every",
      args: [
        { name: "where", kind: "province", required: false, description: { vi: "Tỉnh", en: "Province" } },
        { name: "words", kind: "text", required: false, description: { vi: "Từ", en: "Words" } },
        { name: "year", kind: "year", required: false, description: { vi: "Năm", en: "Year" } },
        { name: "years", kind: "period", required: false, description: { vi: "Giai đoạn", en: "Period" } },
        { name: "days", kind: "integer", required: true, min: 1, max: 366, description: { vi: "Ngày", en: "Days" } },
        { name: "at", kind: "time", required: false, description: { vi: "Giờ", en: "Time" } },
        {
          name: "cadence",
          kind: "choice",
          required: true,
          choices: ["daily", "weekly"],
          description: { vi: "Tần suất", en: "Cadence" },
        },
      ],
    });
    const [json] = toApplicationCommands([all]).body;
    const byName = Object.fromEntries((json?.options ?? []).map((o) => [o.name, o]));
    expect(json?.options?.map((o) => o.name).slice(0, 2)).toEqual(["days", "cadence"]);
    expect(byName.where).toMatchObject({ type: ApplicationCommandOptionType.String, autocomplete: true });
    expect(byName.words).toMatchObject({ type: ApplicationCommandOptionType.String });
    expect(byName.words).not.toHaveProperty("autocomplete");
    expect(byName.year).toMatchObject({
      type: ApplicationCommandOptionType.Integer,
      min_value: YEAR_MIN,
      max_value: YEAR_MAX,
    });
    expect(byName.years).toMatchObject({ type: ApplicationCommandOptionType.String });
    expect(byName.days).toMatchObject({ type: ApplicationCommandOptionType.Integer, min_value: 1, max_value: 366 });
    expect(byName.at).toMatchObject({ type: ApplicationCommandOptionType.String });
    expect(byName.cadence).toMatchObject({
      type: ApplicationCommandOptionType.String,
      choices: [
        { name: "daily", value: "daily" },
        { name: "weekly", value: "weekly" },
      ],
    });
  });

  it("clips long descriptions and leaves out names Discord would refuse, saying why", () => {
    const long = stub({ name: "long", args: [], description: { vi: "á".repeat(150), en: "a".repeat(150) } });
    const bad = stub({ name: "has space", args: [] });
    const twice = stub({ name: "long", args: [] });
    const { body: out, problems: why } = toApplicationCommands([long, bad, twice]);
    expect(out.map((c) => c.name)).toEqual(["long"]);
    expect(out[0]?.description.length).toBe(100);
    expect(out[0]?.description_localizations?.vi?.length).toBe(100);
    expect(why.some((p) => p.includes("has space"))).toBe(true);
    expect(why.some((p) => p.includes("defined twice"))).toBe(true);
  });
});
