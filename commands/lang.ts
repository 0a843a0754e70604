// /lang vi|en: the caller's language for the bot's answers, kept across chats and restarts.
import type { Command } from "../src/core/command";
import { isLang } from "../src/core/i18n";
import type { Reply } from "../src/core/reply";
import { LANG_NAMES, requireStore } from "../src/schedule/subscription-text";

export const lang: Command = {
  name: "lang",
  localName: { vi: "ngôn-ngữ" },
  description: { vi: "Chọn ngôn ngữ trả lời: vi hoặc en", en: "Choose the answer language: vi or en" },
  args: [
    {
      name: "lang",
      localName: { vi: "ngôn-ngữ" },
      kind: "choice",
      required: false,
      choices: ["vi", "en"],
      description: { vi: "Ngôn ngữ: vi hoặc en", en: "Language: vi or en" },
    },
  ],
  examples: ["/lang en", "/lang vi"],
  async run(ctx, args): Promise<Reply> {
    const store = requireStore(ctx);
    const wanted = typeof args.lang === "string" && isLang(args.lang) ? args.lang : undefined;
    if (!wanted) {
      const current = await store.getUserLang(ctx.caller.userId);
      const vi = ctx.lang === "vi";
      return {
        title: vi ? "Ngôn ngữ" : "Language",
        blocks: [
          {
            kind: "text",
            line: {
              text: current
                ? vi
                  ? `Bạn đang dùng ${LANG_NAMES[current].vi}. Đổi bằng /lang vi hoặc /lang en.`
                  : `You are using ${LANG_NAMES[current].en}. Change it with /lang vi or /lang en.`
                : vi
                  ? "Chưa chọn: bot theo ngôn ngữ của ứng dụng. Chọn bằng /lang vi hoặc /lang en."
                  : "Not set: the bot follows your app's language. Set it with /lang vi or /lang en.",
            },
          },
        ],
        citations: [],
      };
    }
    await store.setUserLang(ctx.caller.userId, wanted);
    return {
      title: wanted === "vi" ? "Đã chọn tiếng Việt" : "Language set to English",
      blocks: [
        {
          kind: "text",
          line: {
            text:
              wanted === "vi"
                ? "Từ giờ bot trả lời bạn bằng tiếng Việt. (Ngôn ngữ của bản tin theo lịch đặt bằng /subscribe.)"
                : "The bot will answer you in English from now on. (The scheduled digest's language is set with /subscribe.)",
          },
        },
      ],
      citations: [],
    };
  },
};
