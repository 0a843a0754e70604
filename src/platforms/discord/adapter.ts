// The Discord platform adapter: slash commands, province autocomplete and page buttons through the real
// discord.js Client. Every interaction is acknowledged in time; errors are answered privately and logged.
import { once } from "node:events";
import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  ChannelType,
  type ChatInputCommandInteraction,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type Interaction,
  MessageFlags,
  PermissionFlagsBits,
  Routes,
} from "discord.js";
import { isAdminOnly } from "../../core/command";
import { findCommand } from "../../core/dispatch";
import { t, words } from "../../core/i18n";
import type { Reply } from "../../core/reply";
import { type AdapterDeps, ChatGoneError, type PlatformAdapter } from "../adapter";
import { createPipeline } from "../shared/pipeline";
import { discordAttachment, FILE_OPTION } from "./attachment";
import { provinceChoices } from "./autocomplete";
import { askerOf, channelOf, discordIds, langFromDiscordLocale } from "./caller";
import { buttonConversation, commandConversation } from "./conversation";
import { DIGEST_LIMITS } from "./limits";
import { NO_MENTIONS } from "./message";
import { argsOf } from "./options";
import { discordParts } from "./pages";
import { registerCommands, restOptions } from "./register";
import { renderEmbeds } from "./render";

export interface DiscordAdapterOptions {
  token: string;
  applicationId: string;
  /** Register commands in this guild only (instant); otherwise globally. */
  guildId?: string;
  /** REST root passed to discord.js (`rest.api`), for tests and proxies. The gateway URL comes from /gateway/bot. */
  apiRoot?: string;
  /** Reply in Vietnamese to users whose Discord locale is neither Vietnamese nor English (default: English). */
  preferVietnamese?: boolean;
  /** Register the slash commands on start (default true). */
  registerOnStart?: boolean;
  /** Defer when the answer is not ready after this many ms (default 2,000; Discord allows 3,000). */
  deferAfterMs?: number;
}

/** Discord error codes that mean the channel itself is gone: Unknown Channel, Unknown Guild. */
const GONE_CODES = new Set([10003, 10004]);
/**
 * Missing Access (50001: View Channel taken away) and Missing Permissions (50013: Send Messages / Embed Links) are
 * 403s too, but the channel remains and restoring the permission brings the digests back: the subscription is
 * kept, the failure logged, and the scheduler retries within its bounds (never a silent unsubscribe).
 */
const PERMISSION_CODES = new Set([50001, 50013]);

/** What the bot needs to post a digest in a channel (and in a thread, Send Messages in Threads). */
const POST_PERMISSIONS = [
  ["View Channel", PermissionFlagsBits.ViewChannel],
  ["Send Messages", PermissionFlagsBits.SendMessages],
  ["Embed Links", PermissionFlagsBits.EmbedLinks],
] as const;
const POST_PERMISSION_NAMES = POST_PERMISSIONS.map(([name]) => name);

const THREAD_TYPES = new Set<number>([
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
  ChannelType.AnnouncementThread,
]);

/**
 * The post permissions the bot lacks where the interaction happened (interaction.appPermissions). `channelType`
 * comes from the interaction payload: a thread the bot never saw is not in discord.js's channel cache.
 */
function missingPostPermissions(i: ChatInputCommandInteraction, channelType: number | undefined): string[] {
  if (!i.inGuild()) return [];
  const missing: string[] = POST_PERMISSIONS.filter(([, bit]) => !i.appPermissions.has(bit)).map(([name]) => name);
  const inThread = i.channel?.isThread() ?? (channelType !== undefined && THREAD_TYPES.has(channelType));
  if (inThread && !i.appPermissions.has(PermissionFlagsBits.SendMessagesInThreads)) {
    missing.push("Send Messages in Threads");
  }
  return missing;
}

export function createDiscordAdapter(options: DiscordAdapterOptions, deps: AdapterDeps): PlatformAdapter {
  const log = deps.logger.child({ platform: "discord" });
  const deferAfterMs = options.deferAfterMs ?? 2000;
  const preferVietnamese = options.preferVietnamese ?? false;
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  let client: Client | undefined;
  /** Channel type of each interaction as Discord sent it, read once by onCommand (bounded: see Events.Raw). */
  const channelTypes = new Map<string, number>();

  const pipeline = createPipeline(deps, { whispers: true, cut: discordParts });

  async function onCommand(i: ChatInputCommandInteraction): Promise<void> {
    const command = findCommand(deps.commands, i.commandName);
    const channelType = channelTypes.get(i.id);
    channelTypes.delete(i.id);
    const missing = command?.postsLater ? missingPostPermissions(i, channelType) : [];
    if (missing.length > 0) {
      const lang = langFromDiscordLocale(i.locale, preferVietnamese);
      await i.reply({
        content: words(lang).discord.missingPermissions(missing.join(", ")),
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      });
      return;
    }
    const file = command?.file ? i.options.getAttachment(FILE_OPTION) : null;
    await pipeline.command(
      {
        command: i.commandName,
        args: argsOf(i.options.data, command),
        ...(file ? { attachment: discordAttachment(file) } : {}),
      },
      askerOf(i, preferVietnamese),
      // Admin answers are private: defer privately, so a slow one is never shown in the channel.
      commandConversation(i, command !== undefined && isAdminOnly(command), conversationOptions(i)),
    );
  }

  async function onButton(i: ButtonInteraction): Promise<void> {
    await pipeline.press(i.customId, askerOf(i, preferVietnamese), buttonConversation(i, conversationOptions(i)));
  }

  const conversationOptions = (i: Interaction) => ({
    deferAfterMs,
    lang: langFromDiscordLocale(i.locale, preferVietnamese),
  });

  async function onAutocomplete(i: AutocompleteInteraction): Promise<void> {
    const focused = i.options.getFocused(true);
    const spec = findCommand(deps.commands, i.commandName)?.args.find((a) => a.name === focused.name);
    const lang = langFromDiscordLocale(i.locale, preferVietnamese);
    const choices = spec?.kind === "province" ? provinceChoices(deps.corpus(), String(focused.value), lang) : [];
    await i.respond(choices);
  }

  /** Last resort: something outside the core failed (render, REST). Tell the user privately if we still can. */
  async function apologize(i: Interaction): Promise<void> {
    if (!i.isRepliable()) return;
    const lang = langFromDiscordLocale(i.locale, preferVietnamese);
    const message = { content: t("internalError", lang), flags: MessageFlags.Ephemeral as const };
    try {
      if (i.replied || i.deferred) await i.followUp(message);
      else await i.reply(message);
    } catch (err) {
      log.warn({ err, interaction: i.id }, "discord: could not send the apology either");
    }
  }

  async function onInteraction(i: Interaction): Promise<void> {
    try {
      if (i.isAutocomplete()) await onAutocomplete(i);
      else if (i.isChatInputCommand()) await onCommand(i);
      else if (i.isButton()) await onButton(i);
    } catch (err) {
      log.error({ err, interaction: i.id, type: i.type }, "discord: interaction failed");
      await apologize(i);
    }
  }

  function track(work: Promise<void>): void {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  }

  return {
    name: discordIds.platform,
    // Digests only go to channels (a DM subscription is posted like one): every chat counts as a group.
    isGroupChat: (chatId) => discordIds.parts(chatId) !== undefined,
    digestLimits: DIGEST_LIMITS,

    async start(): Promise<void> {
      if (options.registerOnStart !== false) {
        await registerCommands(options, deps.commands, log).catch((err: unknown) =>
          log.error({ err }, "discord: could not register slash commands; existing ones stay in place"),
        );
      }
      const c = new Client({
        intents: [GatewayIntentBits.Guilds],
        rest: restOptions(options.apiRoot),
        allowedMentions: NO_MENTIONS,
      });
      c.on(Events.Raw, (packet: { t?: string; d?: { id?: string; type?: number; channel?: { type?: number } } }) => {
        if (packet.t !== "INTERACTION_CREATE" || packet.d?.type !== 2 || !packet.d.id) return;
        if (packet.d.channel?.type === undefined) return;
        if (channelTypes.size > 1000) channelTypes.clear();
        channelTypes.set(packet.d.id, packet.d.channel.type);
      });
      c.on(Events.InteractionCreate, (i) => {
        if (!stopping) track(onInteraction(i));
      });
      c.on(Events.Error, (err) => log.error({ err }, "discord: client error"));
      c.on(Events.ShardError, (err, shardId) => log.warn({ err, shardId }, "discord: gateway connection error"));
      c.on(Events.Warn, (message) => log.warn({ message }, "discord: warning"));
      client = c;
      const ready = once(c, Events.ClientReady);
      await c.login(options.token);
      await ready;
      log.info({ user: c.user?.tag }, "discord: connected");
    },

    /** New interactions are ignored from now on; the client stays logged in, so digests can still be posted. */
    async stopIntake(): Promise<void> {
      stopping = true;
      await Promise.allSettled([...inFlight]);
    },

    async stop(): Promise<void> {
      stopping = true;
      await Promise.allSettled([...inFlight]);
      await client?.destroy();
      client = undefined;
    },

    connected(): boolean {
      return client?.isReady() ?? false;
    },

    /** Digests: the labels follow the reply's own language. */
    async send(chatId: string, reply: Reply): Promise<void> {
      const channel = channelOf(chatId);
      if (!channel) throw new Error(`not a Discord chat id: ${chatId}`);
      if (!client) throw new Error("the Discord adapter is not started");
      // No buttons in digests: nobody invoked them, so there is no invocation to page or suggest from.
      const embeds = renderEmbeds(reply);
      try {
        await client.rest.post(Routes.channelMessages(channel), { body: { embeds, allowed_mentions: NO_MENTIONS } });
      } catch (err) {
        if (!(err instanceof DiscordAPIError)) throw err;
        if (PERMISSION_CODES.has(Number(err.code))) {
          log.warn(
            { err, chatId, code: err.code },
            `discord: cannot post the digest in a subscribed channel (${err.message}): the bot needs ${POST_PERMISSION_NAMES.join(", ")} there; the subscription is kept and the digest retried`,
          );
          throw err;
        }
        if (err.status === 403 || GONE_CODES.has(Number(err.code))) throw new ChatGoneError(chatId, err);
        throw err;
      }
    },
  };
}
