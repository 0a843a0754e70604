// Who is asking and where, as a platform reads it from an update; the pipeline turns it into the core's Caller
// and language. The platform is asked whether the user administers the chat only when the answer matters.
import { type Caller, type Command, needsChatAdmin } from "../../core/command";
import type { Lang } from "../../core/i18n";
import type { AdapterDeps } from "../adapter";

export interface Asker {
  /** The platform's name (`PlatformAdapter.name`). */
  platform: string;
  /** Platform-prefixed user id; none when a chat speaks as itself (a Telegram channel post). */
  userId?: string;
  chatId: string;
  chatKind: Caller["chatKind"];
  displayName?: string;
  /** The client's language (its locale), for a user who has not chosen one with /lang. */
  clientLang: Lang;
  /**
   * Whether the user administers the chat: known from the update (Discord's member permissions), or a question
   * to the platform's API (Telegram's getChatMember), asked only for commands whose answer depends on it.
   */
  isChatAdmin: boolean | (() => Promise<boolean>);
  /** What administering a chat means here, when not its administrator rights (Discord: Manage Channels). */
  adminRight?: Caller["adminRight"];
}

/** The Caller the core sees; when the platform is not asked, private chats and channels administer themselves. */
export async function callerOf(asker: Asker, command: Command | undefined): Promise<Caller> {
  const known = asker.isChatAdmin;
  const caller: Caller = {
    userId: asker.userId ?? asker.chatId,
    chatId: asker.chatId,
    platform: asker.platform,
    isChatAdmin:
      typeof known === "boolean" ? known : needsChatAdmin(command) ? await known() : asker.chatKind !== "group",
    chatKind: asker.chatKind,
  };
  if (asker.adminRight) caller.adminRight = asker.adminRight;
  if (asker.displayName) caller.displayName = asker.displayName;
  return caller;
}

/** The user's own /lang choice, else their client's language; a store failure falls back, logged. */
export async function langOf(asker: Pick<Asker, "userId" | "clientLang">, deps: LangDeps): Promise<Lang> {
  if (asker.userId && deps.userLang) {
    try {
      const stored = await deps.userLang(asker.userId);
      if (stored) return stored;
    } catch (error) {
      deps.logger.warn({ err: error, userId: asker.userId }, "could not read the stored language; using the client's");
    }
  }
  return asker.clientLang;
}

export type LangDeps = Pick<AdapterDeps, "userLang" | "logger">;
