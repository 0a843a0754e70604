// Posting a rendered reply: one message per part, page buttons under the last one, link previews off
// (citations carry links; a preview card of the first one would push the answer off a phone screen).
import { type Api, GrammyError, InputFile } from "grammy";
import type { InlineKeyboardMarkup, Message } from "grammy/types";
import type { Attachment, Reply } from "../../core/reply";
import { ChatGoneError } from "../adapter";
import { chatIdOf } from "./caller";
import { renderReply } from "./render";

export const HTML = { parse_mode: "HTML", link_preview_options: { is_disabled: true } } as const;

export interface SendOptions {
  keyboard?: InlineKeyboardMarkup;
  /** Answer this message (groups: the reply is threaded under the command). */
  replyTo?: number;
  /** Forum topic to post in. */
  threadId?: number;
  /** Parts before this index were already delivered (a retry resuming a reply that failed partway). */
  from?: number;
  /** Told after each part is delivered, with its index. */
  onPart?: (index: number) => void;
}

/**
 * Sends a reply: its file first when it has one (a chart as a photo, a briefing note as a document, with a
 * plain caption within Telegram's 1,024 characters), then its text and citations as messages.
 */
export async function sendReply(
  api: Api,
  chatId: number,
  reply: Reply,
  options: SendOptions = {},
): Promise<Message.TextMessage[]> {
  if (!reply.attachment) return sendParts(api, chatId, renderReply(reply), options);
  await sendAttachment(api, chatId, reply.attachment, options);
  const { replyTo: _threadedAbove, ...rest } = options;
  return sendParts(api, chatId, renderReply(reply), rest);
}

/** Telegram's limit for a photo or document caption. */
const CAPTION_MAX = 1024;

export function sendAttachment(
  api: Api,
  chatId: number,
  file: Attachment,
  options: SendOptions = {},
): Promise<Message> {
  const input = new InputFile(file.bytes, file.fileName);
  const extra = {
    caption: [...file.caption].slice(0, CAPTION_MAX).join(""),
    ...(options.threadId ? { message_thread_id: options.threadId } : {}),
    ...(options.replyTo
      ? { reply_parameters: { message_id: options.replyTo, allow_sending_without_reply: true } }
      : {}),
  };
  return file.kind === "photo" ? api.sendPhoto(chatId, input, extra) : api.sendDocument(chatId, input, extra);
}

/** Sends rendered HTML parts in order (from `options.from`, default the first); the keyboard goes under the last one. */
export async function sendParts(
  api: Api,
  chatId: number,
  parts: readonly string[],
  options: SendOptions = {},
): Promise<Message.TextMessage[]> {
  const sent: Message.TextMessage[] = [];
  for (const [i, part] of parts.entries()) {
    if (i < (options.from ?? 0)) continue;
    const last = i === parts.length - 1;
    sent.push(
      await api.sendMessage(chatId, part, {
        ...HTML,
        ...(options.threadId ? { message_thread_id: options.threadId } : {}),
        ...(i === 0 && options.replyTo
          ? { reply_parameters: { message_id: options.replyTo, allow_sending_without_reply: true } }
          : {}),
        ...(last && options.keyboard ? { reply_markup: options.keyboard } : {}),
      }),
    );
    options.onPart?.(i);
  }
  return sent;
}

/** 403 (blocked, kicked) and "chat not found": the bot can no longer post there. */
export function isChatGone(error: unknown): boolean {
  if (!(error instanceof GrammyError)) return false;
  return (
    error.error_code === 403 ||
    (error.error_code === 400 && /chat not found|CHAT_WRITE_FORBIDDEN/i.test(error.description))
  );
}

export function asChatGone(chatId: number, error: unknown): unknown {
  return isChatGone(error) ? new ChatGoneError(chatIdOf(chatId), error) : error;
}

/** 400 with parameters.migrate_to_chat_id: the group became a supergroup with this new id. */
export function migratedTo(error: unknown): number | undefined {
  if (!(error instanceof GrammyError)) return undefined;
  const to = error.parameters?.migrate_to_chat_id;
  return typeof to === "number" ? to : undefined;
}

/** 400 TOPIC_CLOSED: the forum topic was closed by an admin; reopening it makes posting possible again. */
export function isTopicClosed(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 400 && /TOPIC_CLOSED/.test(error.description);
}

/** Telegram refuses an edit that changes nothing (a press on the current page); that is not a failure. */
export function isNotModified(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 400 && /message is not modified/i.test(error.description);
}
