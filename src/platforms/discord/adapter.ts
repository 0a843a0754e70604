// The Discord platform adapter: slash commands, province autocomplete and page buttons through the real
// discord.js Client. Every interaction is acknowledged in time; errors are answered privately and logged.
import { once } from "node:events";
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
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
  type RepliableInteraction,
  Routes,
} from "discord.js";
import { isAdminOnly } from "../../core/command";
import type { Invocation } from "../../core/dispatch";
import { findCommand } from "../../core/dispatch";
import { type Lang, t } from "../../core/i18n";
import { type PagedInvocation, parsePageData } from "../../core/paging";
import type { Attachment, Reply } from "../../core/reply";
import { type AdapterDeps, ChatGoneError, type PlatformAdapter } from "../adapter";
import { discordAttachment, FILE_OPTION } from "./attachment";
import { provinceChoices } from "./autocomplete";
import { actionButtons, pageButtons, quotesButtons, suggestionButtons } from "./buttons";
import { callerOf, channelOf, discordIds, langFromDiscordLocale, replyLang } from "./caller";
import { answerInTime } from "./deferral";
import { DIGEST_LIMITS } from "./limits";
import { argsOf } from "./options";
import { discordParts } from "./pages";
import { registerCommands, restOptions } from "./register";
import { renderEmbeds } from "./render";
import { dt } from "./texts";

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

/** No reply ever pings anyone, whatever the corpus or the user's argument contains. */
const NO_MENTIONS = { parse: [] as never[] };
/** Discord error codes that mean the channel itself is gone: Unknown Channel, Unknown Guild. */
const GONE_CODES = new Set([10003, 10004]);
/**
 * Missing Access (50001: View Channel taken away) and Missing Permissions (50013: Send Messages / Embed Links) are
 * 403s too, but the channel remains and restoring the permission brings the digests back: the subscription is
 * kept, the failure logged, and the scheduler retries within its bounds (never a silent unsubscribe).
 */
const PERMISSION_CODES = new Set([50001, 50013]);

/** How an interaction was deferred: not at all, publicly, or ephemerally. */
type Deferral = "none" | "public" | "private";

/** Commands that make the bot post in the channel later (digests): refused where it could not. */
const POSTS_HERE = new Set(["subscribe"]);

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

interface Rendered {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: typeof NO_MENTIONS;
  /** A chart (shown as the embed's image) or a briefing note, uploaded with the message. */
  files?: { attachment: Buffer; name: string; description: string }[];
}

/**
 * The reply's file as a Discord upload. A chart goes under its plain-ASCII name, which the embed's image refers
 * to (`attachment://…`: Discord rewrites spaces in stored names, so a readable name would not match); a document
 * keeps its readable name, which Discord shows on the download.
 */
function withFile(rendered: Rendered, file: Attachment | undefined): Rendered {
  if (!file) return rendered;
  const name = file.kind === "photo" ? file.asciiFileName : file.fileName;
  const first = rendered.embeds[0];
  if (file.kind === "photo" && first) first.image = { url: `attachment://${name}` };
  return {
    ...rendered,
    files: [{ attachment: Buffer.from(file.bytes), name, description: [...file.caption].slice(0, 1024).join("") }],
  };
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

  function render(reply: Reply, lang: Lang, token?: string, inv?: PagedInvocation): Rendered {
    const issue = (x: PagedInvocation) => deps.pages.issue(x);
    const components = [
      ...(token && reply.paging ? pageButtons(token, reply.paging, lang) : []),
      ...actionButtons(reply.actions, issue, lang),
      ...(inv ? quotesButtons(reply, inv, issue) : []),
      ...suggestionButtons(reply.suggestions, issue, lang),
    ];
    // The file goes with the first part only: turning to later parts of a long answer does not upload it again.
    const file = reply.paging && reply.paging.page > 1 ? undefined : reply.attachment;
    return withFile({ embeds: renderEmbeds(reply), components, allowedMentions: NO_MENTIONS }, file);
  }

  /** What a button needs to run this invocation again (as the answer, or as its quotes). */
  function pagedOf(inv: Invocation): PagedInvocation {
    const paged: PagedInvocation = { command: inv.command, lang: inv.lang };
    if (inv.args) paged.args = inv.args;
    if (inv.text !== undefined) paged.text = inv.text;
    if (inv.view) paged.view = inv.view;
    return paged;
  }

  /** Paged replies get buttons; the token remembers the invocation so a click can run the next page. */
  function pageToken(inv: Invocation, reply: Reply, parts = false): string | undefined {
    if (!reply.paging || reply.paging.pageCount <= 1) return undefined;
    const paged: PagedInvocation = { command: inv.command, lang: inv.lang };
    if (inv.args) paged.args = inv.args;
    if (inv.text !== undefined) paged.text = inv.text;
    if (parts) paged.parts = true;
    return deps.pages.issue(paged);
  }

  /** The message for a public answer: the reply whole, or its first part with buttons to the others. */
  function renderPublic(inv: Invocation, reply: Reply): Rendered {
    const parts = discordParts(reply);
    const first = parts[0] ?? reply;
    return render(first, inv.lang, pageToken(inv, first, parts.length > 1), pagedOf(inv));
  }

  const isPrivate = (reply: Reply): boolean => reply.error !== undefined || reply.private === true;

  /**
   * Answers with a new message: public, or private (ephemeral) for errors and private replies. `deferred` says
   * how the interaction was deferred, if it was: Discord makes the first follow-up of a deferred response replace
   * the "thinking…" message with the deferral's visibility, ignoring its ephemeral flag, so a private answer after
   * a public deferral first turns the deferred message into a short public note, then follows up privately.
   */
  async function answerNew(i: RepliableInteraction, inv: Invocation, reply: Reply, deferred: Deferral): Promise<void> {
    if (deferred === "private") {
      // Deferred ephemerally (an admin command): the edit stays private, whatever the reply.
      await i.editReply(isPrivate(reply) ? render(reply, inv.lang) : renderPublic(inv, reply));
      return;
    }
    if (isPrivate(reply)) {
      const message = { ...render(reply, inv.lang), flags: MessageFlags.Ephemeral as const };
      if (deferred === "none") {
        await i.reply(message);
        return;
      }
      if (reply.error) {
        // A slow error is no secret: it replaces the caller's own "thinking…" message, where they look for it.
        await i.editReply(render(reply, inv.lang));
        return;
      }
      await i.editReply({ content: dt("sentPrivately", inv.lang), embeds: [], components: [] });
      await i.followUp(message);
      return;
    }
    const message = renderPublic(inv, reply);
    if (deferred !== "none") await i.editReply(message);
    else await i.reply(message);
  }

  async function onCommand(i: ChatInputCommandInteraction): Promise<void> {
    const command = findCommand(deps.commands, i.commandName);
    const caller = callerOf(i);
    const lang = langFromDiscordLocale(i.locale, preferVietnamese);
    const channelType = channelTypes.get(i.id);
    channelTypes.delete(i.id);
    const missing = command && POSTS_HERE.has(command.name) ? missingPostPermissions(i, channelType) : [];
    if (missing.length > 0) {
      await i.reply({
        content: dt("missingPermissions", lang).replace("{permissions}", missing.join(", ")),
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      });
      return;
    }
    const work = (async () => {
      const lang = await replyLang(caller.userId, i.locale, preferVietnamese, deps.userLang, (err) =>
        log.warn({ err }, "discord: stored language unavailable"),
      );
      const inv: Invocation = { command: i.commandName, args: argsOf(i.options.data, command), lang, caller };
      const file = command?.file ? i.options.getAttachment(FILE_OPTION) : null;
      if (file) inv.attachment = discordAttachment(file);
      const reply = await deps.handle(inv);
      return { inv, reply };
    })();
    // Admin answers are private: defer privately, so a slow one is never shown in the channel.
    const deferral: Deferral = command && isAdminOnly(command) ? "private" : "public";
    const { value, deferred } = await answerInTime(work, deferAfterMs, () =>
      deferral === "private" ? i.deferReply({ flags: MessageFlags.Ephemeral }) : i.deferReply(),
    );
    await answerNew(i, value.inv, value.reply, deferred ? deferral : "none");
  }

  async function onButton(i: ButtonInteraction): Promise<void> {
    const data = parsePageData(i.customId);
    const entry = data ? await deps.pages.get(data.token) : undefined;
    if (!data || !entry) {
      const lang = langFromDiscordLocale(i.locale, preferVietnamese);
      const text = data ? dt("pageExpired", lang) : dt("unknownButton", lang);
      await i.reply({ content: text, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
      return;
    }
    // A part of a long answer: the command's one reply is run again and cut the same way.
    const { parts, ...invocation } = entry;
    const inv: Invocation = { ...invocation, page: parts ? 1 : data.page, caller: callerOf(i) };
    // A button under a public answer turns its page in place; one under a private error (a "did you mean"
    // suggestion) answers anew, publicly, as the slash command would have.
    const inPlace = !i.message.flags.has(MessageFlags.Ephemeral);
    const { value: reply, deferred } = await answerInTime(deps.handle(inv), deferAfterMs, () =>
      inPlace ? i.deferUpdate() : i.deferReply(),
    );
    if (!inPlace) {
      await answerNew(i, inv, reply, deferred ? "public" : "none");
      return;
    }
    if (isPrivate(reply)) {
      // A failed page leaves the shared message as it was and tells only the clicker.
      const message = { ...render(reply, inv.lang), flags: MessageFlags.Ephemeral as const };
      if (deferred) await i.followUp(message);
      else await i.reply(message);
      return;
    }
    if (reply.attachment) {
      // An action that brings a file (a chart, a briefing note) answers with a new message: the answer it was
      // pressed under stays as it was.
      const message = renderPublic(inv, reply);
      if (deferred) await i.followUp(message);
      else await i.reply(message);
      return;
    }
    const shown = parts ? (discordParts(reply)[data.page - 1] ?? reply) : reply;
    const message = render(shown, inv.lang, data.token, pagedOf(inv));
    if (deferred) await i.editReply(message);
    else await i.update(message);
  }

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
