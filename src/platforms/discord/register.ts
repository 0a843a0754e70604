// Registers the slash commands by bulk overwrite: per guild when a guild id is given (visible at once),
// globally otherwise (Discord may take a while to show global changes).
import { REST, Routes } from "discord.js";
import type { Logger } from "pino";
import type { Command } from "../../core/command";
import { toApplicationCommands } from "./commands-json";

export interface RegisterOptions {
  token: string;
  applicationId: string;
  guildId?: string;
  /** REST root, e.g. "http://127.0.0.1:8080/api" for tests or a proxy. Default: Discord's. */
  apiRoot?: string;
}

export interface RegisterResult {
  scope: "guild" | "global";
  names: string[];
  problems: string[];
}

/** Builds discord.js's REST options: only overrides the API root when one is configured. */
export function restOptions(apiRoot: string | undefined): { api?: string } {
  return apiRoot ? { api: apiRoot.replace(/\/+$/, "") } : {};
}

export async function registerCommands(
  options: RegisterOptions,
  commands: readonly Command[],
  logger?: Logger,
): Promise<RegisterResult> {
  const { body, problems } = toApplicationCommands(commands);
  for (const p of problems) logger?.warn({ problem: p }, "discord: command left out or changed");
  const rest = new REST(restOptions(options.apiRoot)).setToken(options.token);
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  const saved = (await rest.put(route, { body })) as { name: string }[];
  const result: RegisterResult = {
    scope: options.guildId ? "guild" : "global",
    names: saved.map((c) => c.name),
    problems,
  };
  logger?.info({ scope: result.scope, count: result.names.length }, "discord: slash commands registered");
  return result;
}
