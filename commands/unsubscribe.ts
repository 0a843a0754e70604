// /unsubscribe: this chat stops getting the digest.
import type { Command } from "../src/core/command";
import type { Reply } from "../src/core/reply";
import { requireChatAdmin, requireStore } from "../src/schedule/subscription-text";

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
  async run(ctx): Promise<Reply> {
    const store = requireStore(ctx);
    await requireChatAdmin(ctx, store, "/unsubscribe");
    const removed = await store.deleteSubscription(ctx.caller.chatId);
    if (removed) {
      await store.appendAudit({
        at: new Date().toISOString(),
        who: ctx.caller.userId,
        where: ctx.caller.chatId,
        what: "/unsubscribe",
        result: "ok",
      });
    }
    const vi = ctx.lang === "vi";
    return {
      title: removed
        ? vi
          ? "Đã huỷ đăng ký bản tin"
          : "Unsubscribed from the digest"
        : vi
          ? "Cuộc trò chuyện này chưa đăng ký bản tin"
          : "This chat is not subscribed",
      blocks: [
        {
          kind: "text",
          line: {
            text: removed
              ? vi
                ? "Bot sẽ không gửi bản tin vào đây nữa. Đăng ký lại bất cứ lúc nào bằng /subscribe."
                : "The bot will not post the digest here any more. Subscribe again at any time with /subscribe."
              : vi
                ? "Không có gì để huỷ. Đăng ký bằng /subscribe."
                : "Nothing to stop. Subscribe with /subscribe.",
          },
        },
      ],
      citations: [],
    };
  },
};
