// /lang vi|en: the caller's language for the bot's answers, kept across chats and restarts.
import type { Command, CommandReply } from "../src/core/command";
import { isLang, words } from "../src/core/i18n";

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
  requires: ["store"],
  setsUserLang: true,
  async run(ctx, args): Promise<CommandReply> {
    const { store } = ctx.services;
    const wanted = typeof args.lang === "string" && isLang(args.lang) ? args.lang : undefined;
    if (!wanted) {
      const current = await store.getUserLang(ctx.caller.userId);
      const w = words(ctx.lang);
      return {
        title: w.langCommand.title,
        blocks: [
          {
            kind: "text",
            line: { text: current ? w.langCommand.current(w.langName[current]) : w.langCommand.notSet },
          },
        ],
        citations: [],
      };
    }
    await store.setUserLang(ctx.caller.userId, wanted);
    // Said in the language just chosen.
    const w = words(wanted).langCommand;
    return {
      lang: wanted,
      title: w.set,
      blocks: [{ kind: "text", line: { text: w.setText } }],
      citations: [],
    };
  },
};
