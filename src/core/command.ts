// What a command is: a name, localized description, typed arguments, and run() → Reply.
// The same spec feeds Telegram's setMyCommands, Discord's slash commands, and the console help.
import type { Corpus } from "./corpus";
import type { Lang } from "./i18n";
import type { Reply } from "./reply";
import type { Services } from "./services";

export type ArgKind =
  /** Free text resolved to a province; Discord offers autocomplete. */
  | "province"
  /** Free text (search words, ids). */
  | "text"
  /** A year, e.g. 2022. */
  | "year"
  /** A year or a range "2019-2022". */
  | "period"
  /** A whole number within [min, max]. */
  | "integer"
  /** HH:MM. */
  | "time"
  /** One of `choices`. */
  | "choice";

export interface ArgSpec {
  name: string;
  /** Vietnamese name shown by platforms that localize option names (Discord). */
  localName?: { vi: string };
  kind: ArgKind;
  required: boolean;
  description: { vi: string; en: string };
  min?: number;
  max?: number;
  /** Longest text accepted, when longer than the default (a pasted article). */
  maxLength?: number;
  choices?: readonly string[];
  /** Other words for a choice, keyed by their unaccented form without spaces: { hangtuan: "weekly" }. */
  choiceAliases?: Readonly<Record<string, string>>;
}

export interface Period {
  from: number;
  to: number;
}

export type ArgValue = string | number | Period;
export type ArgValues = Readonly<Record<string, ArgValue | undefined>>;

export interface Caller {
  /** Platform-prefixed id, e.g. "telegram:123456", "discord:987…", "console:local". */
  userId: string;
  /** Platform-prefixed chat id, e.g. "telegram:-100…", "discord:guild:channel". */
  chatId: string;
  /** The name of the platform the update came from (the adapter's `name`, the prefix of the ids). */
  platform: string;
  /** Whether the caller may administer this chat (group admin / Manage Channels). Private chats: true. */
  isChatAdmin: boolean;
  chatKind: "private" | "group" | "channel";
  /**
   * What administering a chat means on the caller's platform, when it is not the chat's administrator rights:
   * Discord's Manage Channels permission. A chat-admin refusal names it.
   */
  adminRight?: "manageChannels";
  displayName?: string;
}

/**
 * What a command needs before it runs; dispatch checks each (in this order), refuses with a clear reply, and
 * writes the audit entry. `admin`: the caller is in ADMIN_IDS. `store`: the bot has a state store.
 * `chatAdmin`: in a group or channel, the caller administers it (private chats always may).
 */
export type Requirement = "admin" | "store" | "chatAdmin";

/** A file sent with a command; its bytes are fetched only when the command reads them. */
export interface Attachment {
  name: string;
  /** Size in bytes when the platform says it, so a command can refuse a huge file before fetching it. */
  size?: number;
  load(): Promise<Uint8Array>;
}

export interface CommandContext {
  corpus: Corpus;
  lang: Lang;
  /** "Today" as an ISO date (YYYY-MM-DD) in the bot's time zone. */
  today: string;
  /** Requested page, 1-based. */
  page: number;
  caller: Caller;
  services: Services;
  /** The file sent with the command, if any (/ingest). */
  attachment?: Attachment;
  /** The argument text exactly as typed, line breaks kept (/ingest with a pasted article). */
  text?: string;
  /**
   * What an audited command did, for its one audit entry (default: the reply's title or error code). Called as
   * `ctx.note(…)`: it keeps the note on the context.
   */
  note(detail: string): void;
}

export interface Command {
  name: string;
  /**
   * Vietnamese name: Discord shows it to Vietnamese users, and its unaccented form is accepted everywhere
   * as an alias ("/tinh son la" = "/province son la").
   */
  localName?: { vi: string };
  description: { vi: string; en: string };
  args: readonly ArgSpec[];
  /** Preconditions dispatch checks before run(); commands requiring `admin` or `chatAdmin` are audited. */
  requires?: readonly Requirement[];
  /** Longer help text for `/help <command>`. */
  help?: { vi: string; en: string };
  /** Example invocations shown in help. */
  examples?: readonly string[];
  /**
   * The command takes a file (ctx.attachment): a Telegram document captioned with it, a Discord attachment
   * option (named "file"). The description is the Discord option's.
   */
  file?: { description: { vi: string; en: string } };
  /**
   * Answering makes the bot post in this chat later (digests): a platform that can tell beforehand whether the
   * bot may post there (Discord's channel permissions) refuses the command where it could not.
   */
  postsLater?: boolean;
  /**
   * The command sets the caller's language (/lang), and answers in the language the caller has once it ran: a
   * platform that holds a language of its own for a session (the console's `--lang`) takes it from that answer.
   */
  setsUserLang?: boolean;
  run(ctx: CommandContext, args: ArgValues): CommandReply | Promise<CommandReply>;
}

/** A command's answer: its language is the context's unless the command says otherwise (/lang, /digest). */
export type CommandReply = Omit<Reply, "lang"> & { lang?: Lang };

export function requires(command: Command, requirement: Requirement): boolean {
  return command.requires?.includes(requirement) === true;
}

/** Only for ADMIN_IDS: hidden from menus and help for everyone else. */
export function isAdminOnly(command: Command): boolean {
  return requires(command, "admin");
}

/**
 * Whether answering `command` may depend on the caller administering the chat (chat-admin commands, and the
 * audited admin ones): adapters ask the platform only then.
 */
export function needsChatAdmin(command: Command | undefined): boolean {
  return command !== undefined && isAudited(command);
}

/** Actions on the bot or on a chat's settings go to the audit log, refusals included. */
export function isAudited(command: Command): boolean {
  return requires(command, "admin") || requires(command, "chatAdmin");
}
