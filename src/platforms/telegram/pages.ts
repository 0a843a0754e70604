// Button presses (page buttons, "did you mean" suggestions, actions, quotes): the shared pipeline runs the
// invocation the button's token stands for; the conversation answers the press first, then turns the message
// in place, or posts anew (a file, a private reply). An expired token gets a polite toast asking to run the
// command again. Data that is not ours ("pg:…") is left to the next handler.
import type { Context, Middleware } from "grammy";
import { parsePageData } from "../../core/paging";
import type { AdapterDeps } from "../adapter";
import type { Pipeline } from "../shared/pipeline";
import { askerOf, langOf, topicOf } from "./caller";
import { telegramConversation } from "./conversation";

export function pageButtonHandler(deps: AdapterDeps, pipeline: Pipeline): Middleware<Context> {
  return async (ctx, next) => {
    const query = ctx.callbackQuery;
    if (!query?.data || !parsePageData(query.data)) return next();
    // A message inserted through inline mode has no chat here: treat the presser as in a private chat.
    const chat = ctx.chat ?? { id: query.from.id, type: "private" as const };
    await pipeline.press(
      query.data,
      askerOf(ctx.api, chat, query.from, topicOf(query.message)),
      telegramConversation(ctx, () => langOf(query.from, deps)),
    );
  };
}
