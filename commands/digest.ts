// /digest: shows today's digest in this chat now, without recording a delivery (the scheduled one still comes).
import type { Command } from "../src/core/command";
import { composeDigest, emptyDigest } from "../src/core/digest";
import type { Reply } from "../src/core/reply";

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
  async run(ctx): Promise<Reply> {
    const sub = await ctx.services.store?.getSubscription(ctx.caller.chatId);
    const lang = sub?.lang ?? ctx.lang;
    const reply = ctx.services.previewDigest
      ? await ctx.services.previewDigest(ctx.caller.chatId, lang)
      : composeDigest(ctx.corpus, { today: ctx.today, lang });
    if (reply) return reply;
    const empty = emptyDigest({ today: ctx.today, lang });
    empty.blocks.push({
      kind: "text",
      line: {
        text:
          lang === "vi"
            ? "Những ngày như thế này, bản tin theo lịch không gửi gì."
            : "On days like this the scheduled digest posts nothing.",
      },
    });
    return empty;
  },
};
