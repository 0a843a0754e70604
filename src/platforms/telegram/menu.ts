// The command menu ("/" button) comes from the same Command specs as dispatch and help:
// Vietnamese for everyone, English for clients set to English. Admin-only commands stay out of it.
import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import { type Command, isAdminOnly } from "../../core/command";
import type { Lang } from "../../core/i18n";

/** Telegram accepts 1–32 lowercase letters, digits and underscores, and 1–256 characters of description. */
const VALID_NAME = /^[a-z0-9_]{1,32}$/;

export function menuFor(commands: readonly Command[], lang: Lang): BotCommand[] {
  return commands
    .filter((c) => !isAdminOnly(c) && VALID_NAME.test(c.name))
    .slice(0, 100)
    .map((c) => ({ command: c.name, description: c.description[lang].slice(0, 256) }));
}

export async function setCommandMenu(api: Api, commands: readonly Command[]): Promise<void> {
  await api.setMyCommands(menuFor(commands, "vi"));
  await api.setMyCommands(menuFor(commands, "en"), { language_code: "en" });
}
