// /settings: this chat's digest subscription and the caller's language preference.
import type { Command } from "../src/core/command";
import type { Block, Reply } from "../src/core/reply";
import { LANG_NAMES, requireStore, subscriptionFields } from "../src/schedule/subscription-text";

export const settings: Command = {
  name: "settings",
  localName: { vi: "cài-đặt" },
  description: { vi: "Xem đăng ký bản tin và ngôn ngữ của bạn", en: "Show the digest subscription and your language" },
  args: [],
  examples: ["/settings"],
  async run(ctx): Promise<Reply> {
    const store = requireStore(ctx);
    const vi = ctx.lang === "vi";
    const [sub, userLang] = await Promise.all([
      store.getSubscription(ctx.caller.chatId),
      store.getUserLang(ctx.caller.userId),
    ]);
    const blocks: Block[] = [{ kind: "heading", text: vi ? "Bản tin của cuộc trò chuyện này" : "This chat's digest" }];
    if (sub) {
      blocks.push({ kind: "fields", fields: subscriptionFields(sub, ctx.lang) });
    } else {
      blocks.push({
        kind: "text",
        line: {
          text: vi
            ? "Chưa đăng ký. Đăng ký bằng /subscribe [HH:MM]."
            : "Not subscribed. Subscribe with /subscribe [HH:MM].",
        },
      });
    }
    blocks.push(
      { kind: "heading", text: vi ? "Ngôn ngữ của bạn" : "Your language" },
      {
        kind: "text",
        line: {
          text: userLang
            ? vi
              ? `${LANG_NAMES[userLang].vi} (đổi bằng /lang vi hoặc /lang en)`
              : `${LANG_NAMES[userLang].en} (change with /lang vi or /lang en)`
            : vi
              ? "Chưa chọn: theo ngôn ngữ của ứng dụng. Chọn bằng /lang vi hoặc /lang en."
              : "Not set: your app's language is used. Set it with /lang vi or /lang en.",
        },
      },
    );
    return { title: vi ? "Cài đặt" : "Settings", blocks, citations: [] };
  },
};
