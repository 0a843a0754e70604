// Who is asking, where, and in which language: Discord ids prefixed with the platform, as the core and the
// store expect.
import { type BaseInteraction, PermissionFlagsBits } from "discord.js";
import type { Caller } from "../../core/command";
import { type Lang, langFromLocale } from "../../core/i18n";
import { platformIds } from "../shared/ids";

export const discordIds = platformIds("discord");

/** "discord:<guildId>:<channelId>" in a server, "discord:dm:<channelId>" in direct messages. */
export function chatIdOf(guildId: string | null, channelId: string | null): string {
  return discordIds.chat(guildId ?? "dm", channelId ?? "unknown");
}

/** The channel id inside a chat id made by chatIdOf, or undefined when it is not a Discord chat id. */
export function channelOf(chatId: string): string | undefined {
  const [guild, channel, ...rest] = discordIds.parts(chatId) ?? [];
  if (guild === undefined || channel === undefined || rest.length > 0) return undefined;
  return /^(?:dm|\d{1,25})$/.test(guild) && /^\d{1,25}$/.test(channel) ? channel : undefined;
}

export function callerOf(interaction: BaseInteraction): Caller {
  const inGuild = interaction.guildId !== null;
  const caller: Caller = {
    userId: discordIds.user(interaction.user.id),
    chatId: chatIdOf(interaction.guildId, interaction.channelId),
    platform: discordIds.platform,
    // In a server, administering the chat means Manage Channels (subscribe/unsubscribe check this).
    isChatAdmin: inGuild ? (interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false) : true,
    chatKind: inGuild ? "group" : "private",
  };
  const name = interaction.user.globalName ?? interaction.user.username;
  if (name) caller.displayName = name;
  return caller;
}

/**
 * Reply language on Discord from the locale: "vi" → Vietnamese, "en-US"/"en-GB" → English, anything else English
 * unless this deployment prefers Vietnamese (DISCORD_PREFER_VIETNAMESE).
 */
export function langFromDiscordLocale(locale: string | undefined, preferVietnamese: boolean): Lang {
  return langFromLocale(locale, preferVietnamese ? "vi" : "en");
}

/** The user's own /lang choice, else their Discord locale (langFromDiscordLocale). */
export async function replyLang(
  userId: string,
  locale: string | undefined,
  preferVietnamese: boolean,
  stored: ((userId: string) => Promise<Lang | undefined>) | undefined,
  onError: (error: unknown) => void,
): Promise<Lang> {
  if (stored) {
    try {
      const chosen = await stored(userId);
      if (chosen) return chosen;
    } catch (error) {
      // A store outage must not stop the answer; the locale still gives a language.
      onError(error);
    }
  }
  return langFromDiscordLocale(locale, preferVietnamese);
}
