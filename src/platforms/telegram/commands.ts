// Messages → commands. "/province Sơn La" and "/province@ThisBot Sơn La" run; "/x@OtherBot" is left
// alone; in groups an unknown command without our @name is probably another bot's, so it is ignored.
// In a private chat, plain text is taken as a question: a province name runs /province, anything else /search.
import type { Context, Middleware } from "grammy";
import type { Message } from "grammy/types";
import { findCommand, parseCommandText } from "../../core/dispatch";
import { plainTextInvocation } from "../../core/plain-text";
import type { AdapterDeps } from "../adapter";
import type { Pipeline } from "../shared/pipeline";
import { askerOf, langOf, topicOf } from "./caller";
import { telegramConversation } from "./conversation";

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

export function commandHandler(deps: AdapterDeps, pipeline: Pipeline): Middleware<Context> {
  return async (ctx, next) => {
    const message = ctx.msg;
    const chat = ctx.chat;
    if (!message || !chat) return next();
    const parsed = commandOf(message, ctx.me.username, deps);
    if (!parsed) return next();
    const asker = askerOf(ctx.api, chat, ctx.from, topicOf(message), message.sender_chat?.id);
    await pipeline.command(
      { command: parsed.command, text: parsed.text },
      asker,
      telegramConversation(ctx, () => langOf(ctx.from, deps)),
    );
  };
}
