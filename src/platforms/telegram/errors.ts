// bot.catch: a failure while handling one update is logged with that update, the user gets a short
// apology where there is somewhere to say it, and the bot carries on with the next update.
import type { BotError, Context } from "grammy";
import { langFromLocale, t } from "../../core/i18n";
import type { AdapterDeps } from "../adapter";

export function errorHandler(deps: Pick<AdapterDeps, "logger">): (error: BotError<Context>) => Promise<void> {
  return async ({ error, ctx }) => {
    deps.logger.error({ err: error, update: ctx.update }, "telegram: handling an update failed");
    // The stored language is not consulted here: the store may be what failed.
    const apology = t("internalError", langFromLocale(ctx.from?.language_code));
    try {
      if (ctx.callbackQuery) {
        // The press was answered before the work began: a second answer is refused, so say it in the chat.
        await ctx.answerCallbackQuery({ text: apology, show_alert: true }).catch(async (answerError: unknown) => {
          if (!ctx.chat) throw answerError;
          await ctx.reply(apology);
        });
      } else if (ctx.inlineQuery) await ctx.answerInlineQuery([], { cache_time: 0, is_personal: true });
      else if (ctx.chat) await ctx.reply(apology);
    } catch (apologyError) {
      deps.logger.warn({ err: apologyError, updateId: ctx.update.update_id }, "telegram: could not send the apology");
    }
  };
}
