// Who is asking, where, and in which language: Discord ids prefixed with the platform, as the core and the
// store expect; the user's own /lang choice wins over the locale (shared/asker.ts).
import { type BaseInteraction, PermissionFlagsBits } from "discord.js";
import { type Lang, langFromLocale } from "../../core/i18n";
import type { Asker } from "../shared/asker";
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

/** Who asks, and where, for the pipeline; administering a server channel means Manage Channels. */
export function askerOf(interaction: BaseInteraction, preferVietnamese: boolean): Asker {
  const inGuild = interaction.guildId !== null;
  const asker: Asker = {
    platform: discordIds.platform,
    userId: discordIds.user(interaction.user.id),
    chatId: chatIdOf(interaction.guildId, interaction.channelId),
    chatKind: inGuild ? "group" : "private",
    clientLang: langFromDiscordLocale(interaction.locale, preferVietnamese),
    // In a server, administering the chat means Manage Channels (subscribe/unsubscribe check this).
    isChatAdmin: inGuild ? (interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false) : true,
    adminRight: "manageChannels",
  };
  const name = interaction.user.globalName ?? interaction.user.username;
  if (name) asker.displayName = name;
  return asker;
}

/**
 * Reply language on Discord from the locale: "vi" → Vietnamese, "en-US"/"en-GB" → English, anything else English
 * unless this deployment prefers Vietnamese (DISCORD_PREFER_VIETNAMESE).
 */
export function langFromDiscordLocale(locale: string | undefined, preferVietnamese: boolean): Lang {
  return langFromLocale(locale, preferVietnamese ? "vi" : "en");
}
