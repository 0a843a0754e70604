// /digest: shows today's digest in this chat now, without recording a delivery (the scheduled one still comes).
import type { Command, CommandReply } from "../src/core/command";
import { emptyDigest } from "../src/core/digest";
import { words } from "../src/core/i18n";

export const digest: Command = {
  name: "digest",
  localName: { vi: "bản-tin" },
  description: { vi: "Xem trước bản tin hôm nay", en: "Preview today's digest" },
  help: {
    vi: "Hiện bản tin hôm nay ngay tại đây: ngày kỷ niệm trong 7 ngày tới (mốc tròn trong 30 ngày), ngày này năm xưa, văn bản sắp hết hạn hoặc đã hết hạn mà chưa ghi nhận gia hạn. Không ảnh hưởng đến bản tin gửi theo lịch.",
    en: "Shows today's digest here and now: anniversaries in the next 7 days (round milestones within 30), on this day, agreements about to end or ended with no renewal recorded. The scheduled digest is not affected.",
  },
  args: [],
  examples: ["/digest"],
  async run(ctx): Promise<CommandReply> {
    // The chat's digest language when it has a subscription; the reply is written in it.
    const sub = await ctx.services.store.getSubscription(ctx.caller.chatId);
    const lang = sub?.lang ?? ctx.lang;
    const reply = await ctx.services.previewDigest(ctx.caller.chatId, lang);
    if (reply) return reply;
    const empty = emptyDigest({ today: ctx.today, lang });
    empty.blocks.push({ kind: "text", line: { text: words(lang).digestCommand.quietDay } });
    return empty;
  },
};
