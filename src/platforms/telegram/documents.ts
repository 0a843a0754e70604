// Documents → /ingest: a .txt or .html page captioned "/ingest" (or its alias "/nhap_bai"), or sent alone in a
// private chat, runs the command that takes files with the document as its attachment. The bytes are fetched
// (getFile, then the Bot API file address) only when the command reads them, after dispatch let the caller in.
import { type Api, type Context, GrammyError, type Middleware } from "grammy";
import type { Document, Message } from "grammy/types";
import type { Attachment, Command } from "../../core/command";
import { findCommand, parseCommandText } from "../../core/dispatch";
import type { AdapterDeps } from "../adapter";
import { downloadBytes, refuseUnlessPage, tooLarge } from "../page-file";
import type { Pipeline } from "../shared/pipeline";
import { askerOf, langOf, topicOf } from "./caller";
import { telegramConversation } from "./conversation";

/** getFile serves files of up to 20 MB to bots. */
export const TELEGRAM_DOWNLOAD_MAX = 20 * 1024 * 1024;
const DEFAULT_API_ROOT = "https://api.telegram.org";

/** The file-taking command a document message asks for, with the caption's text; undefined when none. */
export function fileCommandOf(
  message: Message,
  botUsername: string,
  commands: readonly Command[],
): { command: Command; text: string } | undefined {
  const caption = message.caption?.trim();
  if (!caption) {
    if (message.chat.type !== "private") return undefined;
    const command = commands.find((c) => c.file);
    return command ? { command, text: "" } : undefined;
  }
  const parsed = parseCommandText(caption);
  if (!parsed) return undefined;
  if (parsed.bot !== undefined && parsed.bot.toLowerCase() !== botUsername.toLowerCase()) return undefined;
  const command = findCommand(commands, parsed.name);
  return command?.file ? { command, text: parsed.text } : undefined;
}

/** The document as the invocation's attachment: type and size checked, then getFile and the download. */
export function documentAttachment(api: Api, document: Document): Attachment {
  const name = document.file_name ?? "document";
  return {
    name,
    ...(document.file_size !== undefined ? { size: document.file_size } : {}),
    async load() {
      refuseUnlessPage(name, document.mime_type);
      if ((document.file_size ?? 0) > TELEGRAM_DOWNLOAD_MAX) throw tooLarge(TELEGRAM_DOWNLOAD_MAX, "Telegram");
      let path: string | undefined;
      try {
        path = (await api.getFile(document.file_id)).file_path;
      } catch (error) {
        if (error instanceof GrammyError && /file is too big/i.test(error.description)) {
          throw tooLarge(TELEGRAM_DOWNLOAD_MAX, "Telegram");
        }
        throw error;
      }
      if (!path) throw new Error("Telegram: getFile gave no file_path");
      const root = (api.options?.apiRoot ?? DEFAULT_API_ROOT).replace(/\/+$/, "");
      return downloadBytes(`${root}/file/bot${api.token}/${path}`, TELEGRAM_DOWNLOAD_MAX, "Telegram");
    },
  };
}

export function documentHandler(deps: AdapterDeps, pipeline: Pipeline): Middleware<Context> {
  return async (ctx, next) => {
    const message = ctx.msg;
    const chat = ctx.chat;
    const document = message?.document;
    if (!message || !chat || !document) return next();
    const asked = fileCommandOf(message, ctx.me.username, deps.commands);
    if (!asked) return next();
    await pipeline.command(
      { command: asked.command.name, text: asked.text, attachment: documentAttachment(ctx.api, document) },
      askerOf(ctx.api, chat, ctx.from, topicOf(message), message.sender_chat?.id),
      telegramConversation(ctx, () => langOf(ctx.from, deps)),
    );
  };
}
