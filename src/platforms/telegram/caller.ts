// Who is asking, from where, in which language: the Caller and Lang the core needs, built from an update.
import type { Api } from "grammy";
import type { Chat, User } from "grammy/types";
import type { Caller } from "../../core/command";
import { type Lang, langFromLocale } from "../../core/i18n";
import { type Asker, type LangDeps, langOf as sharedLangOf } from "../shared/asker";
import { platformIds } from "../shared/ids";

export const telegramIds = platformIds("telegram");
export const userIdOf = (id: number): string => telegramIds.user(id);
/** "telegram:<chat>", or "telegram:<chat>:<topic>" in a forum topic (digests are subscribed per topic). */
export const chatIdOf = (id: number | string, threadId?: number): string =>
  threadId ? telegramIds.chat(id, threadId) : telegramIds.chat(id);

export interface TelegramTarget {
  chat: number;
  /** Forum topic (message_thread_id). */
  thread?: number;
}

/** "telegram:-100123" → {chat: -100123}; "telegram:-100123:45" → topic 45 too; anything else → undefined. */
export function telegramTarget(chatId: string): TelegramTarget | undefined {
  const [chat, thread, ...rest] = telegramIds.parts(chatId) ?? [];
  if (chat === undefined || !/^-?\d{1,20}$/.test(chat) || rest.length > 0) return undefined;
  if (thread === undefined) return { chat: Number(chat) };
  return /^\d{1,10}$/.test(thread) ? { chat: Number(chat), thread: Number(thread) } : undefined;
}

/** Groups, supergroups and channels have negative ids; private chats (users) positive ones. */
export function isTelegramGroup(chatId: string): boolean {
  return (telegramTarget(chatId)?.chat ?? 0) < 0;
}

/** The chat alone of a chat id (topic left out), or undefined when it is not a Telegram chat id. */
export function telegramChatId(chatId: string): number | undefined {
  return telegramTarget(chatId)?.chat;
}

/** The forum topic a message was posted in, if any (General and non-forum chats: none). */
export function topicOf(message: { is_topic_message?: boolean; message_thread_id?: number } | undefined) {
  return message?.is_topic_message ? message.message_thread_id : undefined;
}

export function chatKindOf(chat: Pick<Chat, "type">): Caller["chatKind"] {
  return chat.type === "private" ? "private" : chat.type === "channel" ? "channel" : "group";
}

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
export function langOf(user: User | undefined, deps: LangDeps): Promise<Lang> {
  return sharedLangOf(
    { ...(user ? { userId: userIdOf(user.id) } : {}), clientLang: langFromLocale(user?.language_code) },
    deps,
  );
}

/**
 * Who asks, and where, for the pipeline. `senderChatId` is set when an anonymous admin posts "as the group";
 * `threadId` is the forum topic the message is in.
 */
export function askerOf(
  api: Api,
  chat: Pick<Chat, "id" | "type">,
  user: User | undefined,
  threadId?: number,
  senderChatId?: number,
): Asker {
  const asker: Asker = {
    platform: telegramIds.platform,
    chatId: chatIdOf(chat.id, threadId),
    chatKind: chatKindOf(chat),
    clientLang: langFromLocale(user?.language_code),
    isChatAdmin: () => isChatAdmin(api, chat, user, senderChatId),
  };
  if (user) asker.userId = userIdOf(user.id);
  const name = user ? [user.first_name, user.last_name].filter(Boolean).join(" ") : undefined;
  if (name) asker.displayName = name;
  return asker;
}
