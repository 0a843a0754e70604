// /settings: this chat's digest subscription and the caller's language preference.
import type { Command, CommandReply } from "../src/core/command";
import { words } from "../src/core/i18n";
import type { Block } from "../src/core/reply";
import { subscriptionFields } from "../src/core/subscription";

export const settings: Command = {
  name: "settings",
  localName: { vi: "cài-đặt" },
  description: { vi: "Xem đăng ký bản tin và ngôn ngữ của bạn", en: "Show the digest subscription and your language" },
  args: [],
  examples: ["/settings"],
  requires: ["store"],
  async run(ctx): Promise<CommandReply> {
    const { store } = ctx.services;
    const w = words(ctx.lang);
    const [sub, userLang] = await Promise.all([
      store.getSubscription(ctx.caller.chatId),
      store.getUserLang(ctx.caller.userId),
    ]);
    const blocks: Block[] = [{ kind: "heading", text: w.settings.chatDigest }];
    if (sub) {
      blocks.push({ kind: "fields", fields: subscriptionFields(sub, ctx.lang, ctx.services.nextDigestDue(sub)) });
    } else {
      blocks.push({ kind: "text", line: { text: w.settings.notSubscribed } });
    }
    blocks.push(
      { kind: "heading", text: w.settings.yourLang },
      { kind: "text", line: { text: userLang ? w.settings.langIs(w.langName[userLang]) : w.settings.langNotSet } },
    );
    return { title: w.settings.title, blocks, citations: [] };
  },
};
