// A press on a page or suggestion button: re-run the remembered invocation for that page and edit the
// message in place. The press is answered first, before any work, so the button stops spinning at once and
// Telegram's deadline for the answer is met however long the command takes. A private reply (an admin command
// reached through a "did you mean" button in a group) goes to the presser's private chat and never replaces
// the group message. Continuation parts go to the forum topic the message is in.
// An expired token (restart, or evicted) gets a polite toast asking to run the command again.
import type { Context, Middleware } from "grammy";
import { findCommand } from "../../core/dispatch";
import { parsePageData } from "../../core/paging";
import type { AdapterDeps } from "../adapter";
import { callerOf, isChatAdmin, langOf, needsChatAdmin, topicOf } from "./caller";
import { deliver } from "./commands";
import { expiredButtonText, replyKeyboard } from "./keyboard";
import { renderReply } from "./render";
import { HTML, isNotModified, sendParts } from "./send";

export function pageButtonHandler(deps: AdapterDeps): Middleware<Context> {
  return async (ctx, next) => {
    const query = ctx.callbackQuery;
    const target = query?.data ? parsePageData(query.data) : undefined;
    if (!query || !target) return next();
    const paged = await deps.pages.get(target.token);
    if (!paged) {
      await ctx.answerCallbackQuery({ text: expiredButtonText(await langOf(query.from, deps)) });
      return;
    }
    await ctx.answerCallbackQuery();
    // A message inserted through inline mode has no chat here: treat the presser as in a private chat.
    const chat = ctx.chat ?? { id: query.from.id, type: "private" as const };
    const thread = topicOf(query.message);
    const command = findCommand(deps.commands, paged.command);
    const admin = needsChatAdmin(command)
      ? await isChatAdmin(ctx.api, chat, query.from)
      : chat.type === "private" || chat.type === "channel";
    const reply = await deps.handle({
      ...paged,
      page: target.page,
      caller: callerOf(chat, query.from, admin, thread),
    });
    // A file (the chart or briefing note of an action button) comes as new messages under the answer, which stays.
    if ((reply.private && chat.type !== "private") || reply.attachment) {
      await deliver(ctx, reply, paged.lang, paged, deps);
      return;
    }
    // After a page turn the quotes button shows that page's quotes; the quotes view offers the way back.
    const { view: _view, ...answer } = paged;
    const keyboard = replyKeyboard(reply, target.token, deps.pages, paged.lang, answer);
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
