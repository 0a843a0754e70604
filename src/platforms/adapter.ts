// What every platform adapter gets from the composition root, and what it offers back.
import type { Logger } from "pino";
import type { Command } from "../core/command";
import type { Corpus } from "../core/corpus";
import type { Invocation } from "../core/dispatch";
import type { PageTokens } from "../core/paging";
import type { Reply } from "../core/reply";
import type { RateLimits } from "../schedule/queue";

export interface AdapterDeps {
  commands: readonly Command[];
  /** Runs one invocation through the core (dispatch with the current corpus and services). */
  handle(inv: Invocation): Promise<Reply>;
  corpus(): Corpus;
  pages: PageTokens;
  logger: Logger;
  /** User's stored language preference (/lang), if any. */
  userLang?(userId: string): Promise<"vi" | "en" | undefined>;
  /** A chat got a new id (a Telegram group upgraded to a supergroup): move what is stored under the old one. */
  chatMoved?(from: string, to: string): Promise<void>;
}

// Where a platform may no longer post (a Sender's contract with the scheduler); defined in the core so the
// scheduler needs no platform code.
export { ChatGoneError } from "../core/errors";

export interface PlatformAdapter {
  /**
   * The platform's name, defined here and nowhere else: the prefix of its user and chat ids
   * (shared/ids.ts), `Caller.platform`, `Subscription.platform`, and the key of its digest sender and queue.
   */
  readonly name: string;
  /** Whether one of its chats is a group or channel (the digest queue's per-group limit) rather than private. */
  isGroupChat(chatId: string): boolean;
  /** Its own digest rate limits, where they differ from the default (Telegram's, the strictest). */
  readonly digestLimits?: Partial<RateLimits>;
  start(): Promise<void>;
  /**
   * Stops taking updates and resolves once the ones being handled are answered, leaving the connection up so
   * `send` still works (digests being finished during a shutdown). Only adapters whose `stop()` also ends
   * sending need it; for the others shutdown calls `stop()` at that point.
   */
  stopIntake?(): Promise<void>;
  /** Stops taking updates, waits for in-flight work, and disconnects. */
  stop(): Promise<void>;
  connected(): boolean;
  /**
   * Posts a reply to a chat (digests), with labels in the reply's language.
   * Throws ChatGoneError when the bot may no longer post there.
   */
  send(chatId: string, reply: Reply): Promise<void>;
}
