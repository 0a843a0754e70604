// One update's way back on Telegram (shared/pipeline.ts's Conversation): a new message threaded under the
// command in groups and in its forum topic; a private reply in the user's own chat, with a note in the group;
// a page turned by editing the message the button is under. A button press is answered before any work, so the
// button stops spinning at once and Telegram's deadline for the answer is met however long the command takes.
import type { Context } from "grammy";
import { type Lang, words } from "../../core/i18n";
import type { Reply } from "../../core/reply";
import type { Offers } from "../shared/offers";
import type { Conversation } from "../shared/pipeline";
import { topicOf } from "./caller";
import { expiredButtonText, replyKeyboard } from "./keyboard";
import { renderReply } from "./render";
import { HTML, isChatGone, isNotModified, sendParts, sendReply } from "./send";

/** `langOfPresser`: the language of the "expired" notice (the user's, as for a command). */
export function telegramConversation(ctx: Context, langOfPresser: () => Promise<Lang>): Conversation {
  const message = ctx.msg;
  const thread = topicOf(message);

  async function post(reply: Reply, offers: Offers): Promise<void> {
    const chat = ctx.chat;
    if (!chat) return; // a message inserted through inline mode: nowhere to post
    const keyboard = replyKeyboard(offers);
    const inGroup = chat.type !== "private";
    await sendReply(ctx.api, chat.id, reply, {
      ...(keyboard ? { keyboard } : {}),
      ...(inGroup && message ? { replyTo: message.message_id } : {}),
      ...(thread ? { threadId: thread } : {}),
    });
  }

  const conversation: Conversation = {
    run: async (work) => {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery();
      return work();
    },
    post,
    async postPrivately(reply, offers) {
      if (!ctx.chat || !ctx.from) return post(reply, offers);
      const keyboard = replyKeyboard(offers);
      const w = words(offers.lang).telegram;
      try {
        await sendReply(ctx.api, ctx.from.id, reply, keyboard ? { keyboard } : {});
        await ctx.reply(w.sentPrivately, {
          ...(message
            ? { reply_parameters: { message_id: message.message_id, allow_sending_without_reply: true } }
            : {}),
        });
      } catch (error) {
        if (!isChatGone(error)) throw error;
        await ctx.reply(w.privateOnly(ctx.me.username));
      }
    },
    async expired() {
      await ctx.answerCallbackQuery({ text: expiredButtonText(await langOfPresser()) });
    },
  };
  if (ctx.callbackQuery) {
    conversation.replace = async (reply, offers) => {
      const keyboard = replyKeyboard(offers);
      const [first, ...rest] = renderReply(reply);
      try {
        // A page that still fits one message replaces the old one, buttons included.
        await ctx.editMessageText(first ?? reply.title, {
          ...HTML,
          ...(keyboard && rest.length === 0 ? { reply_markup: keyboard } : {}),
        });
      } catch (error) {
        if (!isNotModified(error)) throw error;
      }
      if (rest.length > 0 && ctx.chat) {
        // Longer pages continue in new messages; the buttons move to the last one.
        await sendParts(ctx.api, ctx.chat.id, rest, {
          ...(keyboard ? { keyboard } : {}),
          ...(thread ? { threadId: thread } : {}),
        });
      }
    };
  }
  return conversation;
}
