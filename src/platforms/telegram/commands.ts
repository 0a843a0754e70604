// Messages → commands. "/province Sơn La" and "/province@ThisBot Sơn La" run; "/x@OtherBot" is left
// alone; in groups an unknown command without our @name is probably another bot's, so it is ignored.
// In a private chat, plain text is taken as a question: a province name runs /province, anything else /search.
import type { Context, Middleware } from "grammy";
import type { Message } from "grammy/types";
import { findCommand, type Invocation, parseCommandText } from "../../core/dispatch";
import { type Lang, words } from "../../core/i18n";
import { plainTextInvocation } from "../../core/plain-text";
import type { Reply } from "../../core/reply";
import type { AdapterDeps } from "../adapter";
import { callerOf, isChatAdmin, langOf, needsChatAdmin, topicOf } from "./caller";
import { pageTokenFor, replyKeyboard } from "./keyboard";
import { isChatGone, sendReply } from "./send";

interface Parsed {
  command: string;
  text: string;
  /** Addressed to this bot by name (/cmd@ThisBot). */
  addressed: boolean;
}

/** What a message asks this bot to do, or undefined when it is not for this bot. */
export function commandOf(message: Message, botUsername: string, deps: AdapterDeps): Parsed | undefined {
  const text = message.text;
  if (!text) return undefined;
  const parsed = parseCommandText(text);
  if (parsed) {
    const addressed = parsed.bot !== undefined;
    if (addressed && parsed.bot?.toLowerCase() !== botUsername.toLowerCase()) return undefined;
    const known = findCommand(deps.commands, parsed.name) !== undefined;
    // Telegram's /start (first contact, deep links) opens the help unless a real /start exists.
    if (!known && parsed.name === "start") return { command: "help", text: "", addressed };
    if (!known && message.chat.type !== "private" && !addressed) return undefined;
    return { command: parsed.name, text: parsed.text, addressed };
  }
  if (message.chat.type !== "private" || text.startsWith("/")) return undefined;
  return { ...plainTextInvocation(deps.commands, deps.corpus(), text), addressed: false };
}

export function commandHandler(deps: AdapterDeps): Middleware<Context> {
  return async (ctx, next) => {
    const message = ctx.msg;
    const chat = ctx.chat;
    if (!message || !chat) return next();
    const parsed = commandOf(message, ctx.me.username, deps);
    if (!parsed) return next();
    const command = findCommand(deps.commands, parsed.command);
    const lang = await langOf(ctx.from, deps);
    const admin = needsChatAdmin(command)
      ? await isChatAdmin(ctx.api, chat, ctx.from, message.sender_chat?.id)
      : chat.type === "private" || chat.type === "channel";
    const invocation: Invocation = {
      command: parsed.command,
      text: parsed.text,
      lang,
      caller: callerOf(chat, ctx.from, admin, topicOf(message)),
    };
    const reply = await deps.handle(invocation);
    await deliver(ctx, reply, lang, invocation, deps);
  };
}

/** Sends a reply to the chat of the update, with page buttons; private replies go to the user's DM. */
export async function deliver(
  ctx: Context,
  reply: Reply,
  lang: Lang,
  invocation: Pick<Invocation, "command" | "text" | "args">,
  deps: AdapterDeps,
): Promise<void> {
  const chat = ctx.chat;
  const message = ctx.msg;
  if (!chat) return;
  const token = pageTokenFor(reply, deps.pages, { ...invocation, lang });
  const keyboard = replyKeyboard(reply, token, deps.pages, lang, { ...invocation, lang });
  const inGroup = chat.type !== "private";
  if (reply.private && inGroup && ctx.from) {
    try {
      await sendReply(ctx.api, ctx.from.id, reply, keyboard ? { keyboard } : {});
      await ctx.reply(words(lang).telegram.sentPrivately, {
        ...(message ? { reply_parameters: { message_id: message.message_id, allow_sending_without_reply: true } } : {}),
      });
    } catch (error) {
      if (!isChatGone(error)) throw error;
      await ctx.reply(words(lang).telegram.privateOnly(ctx.me.username));
    }
    return;
  }
  await sendReply(ctx.api, chat.id, reply, {
    ...(keyboard ? { keyboard } : {}),
    ...(inGroup && message ? { replyTo: message.message_id } : {}),
    ...(topicOf(message) ? { threadId: topicOf(message) } : {}),
  });
}
