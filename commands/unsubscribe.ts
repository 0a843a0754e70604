// /unsubscribe: this chat stops getting the digest.
import type { Command, CommandReply } from "../src/core/command";
import { words } from "../src/core/i18n";

export const unsubscribe: Command = {
  name: "unsubscribe",
  localName: { vi: "hủy-đăng-ký" },
  description: { vi: "Huỷ nhận bản tin trong cuộc trò chuyện này", en: "Stop the digest in this chat" },
  help: {
    vi: "Bot ngừng gửi bản tin vào cuộc trò chuyện này. Trong nhóm và kênh, chỉ quản trị viên mới huỷ được.",
    en: "The bot stops posting the digest in this chat. In groups and channels only administrators can do this.",
  },
  args: [],
  examples: ["/unsubscribe"],
  requires: ["store", "chatAdmin"],
  async run(ctx): Promise<CommandReply> {
    const w = words(ctx.lang).unsubscribe;
    const removed = await ctx.services.store.deleteSubscription(ctx.caller.chatId);
    return {
      title: removed ? w.done : w.none,
      blocks: [{ kind: "text", line: { text: removed ? w.doneText : w.noneText } }],
      citations: [],
    };
  },
};
