// Command[] → Discord application command JSON, so Discord's slash commands come from the same
// definitions as Telegram's menu and /help (no second list to keep in sync).
import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOptionChoice,
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
  type LocalizationMap,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { MAX_ARG_LENGTH } from "../../core/args";
import { type ArgSpec, type Command, isAdminOnly } from "../../core/command";
import { FILE_OPTION, FILE_OPTION_VI } from "./attachment";
import { COMMAND_NAME, clip, LIMITS } from "./limits";

/** Bounds offered for year options when the spec gives none. */
export const YEAR_MIN = 1900;
export const YEAR_MAX = 2100;

/** Members without this permission do not see admin-only commands (Discord hides them). */
export const ADMIN_COMMAND_PERMISSION = PermissionFlagsBits.ManageGuild;

export interface CommandsJson {
  body: RESTPostAPIChatInputApplicationCommandsJSONBody[];
  /** Commands or options left out because Discord would refuse them; logged by the caller. */
  problems: string[];
}

/** Vietnamese and English sides of a text, for the locales Discord shows them in. */
function localizations(text: { vi: string; en: string }, max: number): LocalizationMap {
  const en = clip(text.en, max);
  return { vi: clip(text.vi, max), "en-US": en, "en-GB": en };
}

/**
 * Vietnamese users see the Vietnamese name ("/tỉnh"); Discord still sends the default name in interactions,
 * and the English name ("/province") is what help texts and examples use everywhere else.
 */
function nameLocalizations(name: string, local?: { vi: string }): LocalizationMap {
  const vi = local && COMMAND_NAME.test(local.vi) && local.vi === local.vi.toLowerCase() ? local.vi : name;
  return { vi, "en-US": name, "en-GB": name };
}

function option(spec: ArgSpec): APIApplicationCommandBasicOption {
  const base = {
    name: spec.name,
    name_localizations: nameLocalizations(spec.name, spec.localName),
    description: clip(spec.description.en, LIMITS.commandDescription),
    description_localizations: localizations(spec.description, LIMITS.commandDescription),
    required: spec.required,
  };
  const text = { ...base, type: ApplicationCommandOptionType.String as const, max_length: MAX_ARG_LENGTH };
  switch (spec.kind) {
    case "province":
      return { ...text, autocomplete: true };
    case "year":
      return {
        ...base,
        type: ApplicationCommandOptionType.Integer,
        min_value: spec.min ?? YEAR_MIN,
        max_value: spec.max ?? YEAR_MAX,
      };
    case "integer": {
      const out: APIApplicationCommandBasicOption = { ...base, type: ApplicationCommandOptionType.Integer };
      if (spec.min !== undefined) out.min_value = spec.min;
      if (spec.max !== undefined) out.max_value = spec.max;
      return out;
    }
    case "choice": {
      const choices: APIApplicationCommandOptionChoice<string>[] = (spec.choices ?? [])
        .slice(0, LIMITS.choices)
        .map((c) => ({ name: clip(c, LIMITS.choiceName), value: clip(c, LIMITS.choiceValue) }));
      return choices.length > 0 ? { ...text, choices } : text;
    }
    // "2019-2022", "07:30" and free text are strings; the core parses and checks them.
    case "period":
    case "time":
    case "text":
      return text;
  }
}

function command(c: Command, problems: string[]): RESTPostAPIChatInputApplicationCommandsJSONBody | undefined {
  const name = c.name.toLowerCase();
  if (!COMMAND_NAME.test(name)) {
    problems.push(`command "${c.name}": Discord needs 1–32 lower-case letters, digits, "-" or "_"`);
    return undefined;
  }
  const args = c.args.filter((a) => {
    const ok = COMMAND_NAME.test(a.name) && a.name === a.name.toLowerCase();
    if (!ok) problems.push(`option "${a.name}" of /${name}: not a valid Discord option name`);
    return ok;
  });
  if (args.length > LIMITS.optionsPerCommand) problems.push(`/${name}: only the first 25 options are offered`);
  // Discord requires required options before optional ones.
  const ordered = [...args.filter((a) => a.required), ...args.filter((a) => !a.required)].slice(
    0,
    LIMITS.optionsPerCommand,
  );
  const out: RESTPostAPIChatInputApplicationCommandsJSONBody = {
    name,
    name_localizations: nameLocalizations(name, c.localName),
    description: clip(c.description.en, LIMITS.commandDescription),
    description_localizations: localizations(c.description, LIMITS.commandDescription),
    options: ordered.map(option),
  };
  // A command that takes a file gets an optional attachment option after its own (/ingest: the saved page).
  if (c.file && out.options && out.options.length < LIMITS.optionsPerCommand) {
    out.options.push({
      type: ApplicationCommandOptionType.Attachment,
      name: FILE_OPTION,
      name_localizations: nameLocalizations(FILE_OPTION, { vi: FILE_OPTION_VI }),
      description: clip(c.file.description.en, LIMITS.commandDescription),
      description_localizations: localizations(c.file.description, LIMITS.commandDescription),
      required: false,
    });
  }
  if (isAdminOnly(c)) {
    out.default_member_permissions = ADMIN_COMMAND_PERMISSION.toString();
    // Member permissions do not apply in DMs, so there the command would show for everyone: servers only.
    out.contexts = [InteractionContextType.Guild];
    out.integration_types = [ApplicationIntegrationType.GuildInstall];
  }
  return out;
}

export function toApplicationCommands(commands: readonly Command[]): CommandsJson {
  const problems: string[] = [];
  const seen = new Set<string>();
  const body: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [];
  for (const c of commands) {
    const json = command(c, problems);
    if (!json) continue;
    if (seen.has(json.name)) {
      problems.push(`/${json.name} is defined twice; the first definition is used`);
      continue;
    }
    seen.add(json.name);
    body.push(json);
  }
  if (body.length > LIMITS.commandsPerScope) {
    problems.push(`only the first ${LIMITS.commandsPerScope} commands are registered`);
    body.length = LIMITS.commandsPerScope;
  }
  return { body, problems };
}
