// Who is asking, from where, in which language: the Caller and Lang the core needs, built from an update.
import type { Api } from "grammy";
import type { Chat, User } from "grammy/types";
import type { Caller } from "../../core/command";
import { type Lang, langFromLocale } from "../../core/i18n";
import type { AdapterDeps } from "../adapter";

export const userIdOf = (id: number): string => `telegram:${id}`;
export const chatIdOf = (id: number | string): string => `telegram:${id}`;

/** "telegram:-100123" → -100123; anything else (another platform's id, garbage) → undefined. */
export function telegramChatId(chatId: string): number | undefined {
  const m = /^telegram:(-?\d{1,20})$/.exec(chatId);
  return m ? Number(m[1]) : undefined;
}

export function chatKindOf(chat: Pick<Chat, "type">): Caller["chatKind"] {
  return chat.type === "private" ? "private" : chat.type === "channel" ? "channel" : "group";
}

// Which commands need the answer is declared on the command (`requires: ["chatAdmin"]`); this adapter only answers.
export { needsChatAdmin } from "../../core/command";

/**
 * Whether `user` administers `chat`. Private chats and channel posts: yes (only admins post in channels).
 * Groups ask Telegram (getChatMember) — call it only for commands that need the answer.
 * `senderChatId` is set when an anonymous admin posts "as the group".
 */
export async function isChatAdmin(
  api: Api,
  chat: Pick<Chat, "id" | "type">,
  user: User | undefined,
  senderChatId?: number,
): Promise<boolean> {
  if (chat.type === "private" || chat.type === "channel") return true;
  if (senderChatId === chat.id) return true;
  if (!user) return false;
  const member = await api.getChatMember(chat.id, user.id);
  return member.status === "creator" || member.status === "administrator";
}

/** The stored /lang preference wins; then the Telegram client's language; Vietnamese otherwise. */
export async function langOf(user: User | undefined, deps: AdapterDeps): Promise<Lang> {
  if (user && deps.userLang) {
    try {
      const stored = await deps.userLang(userIdOf(user.id));
      if (stored) return stored;
    } catch (error) {
      deps.logger.warn(
        { err: error, userId: userIdOf(user.id) },
        "could not read the stored language; using the client's",
      );
    }
  }
  return langFromLocale(user?.language_code);
}

export function callerOf(chat: Pick<Chat, "id" | "type">, user: User | undefined, admin: boolean): Caller {
  const caller: Caller = {
    userId: user ? userIdOf(user.id) : chatIdOf(chat.id),
    chatId: chatIdOf(chat.id),
    platform: "telegram",
    isChatAdmin: admin,
    chatKind: chatKindOf(chat),
  };
  const name = user ? [user.first_name, user.last_name].filter(Boolean).join(" ") : undefined;
  if (name) caller.displayName = name;
  return caller;
}
