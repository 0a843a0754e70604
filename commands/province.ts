// /province <name>: the briefing on one province, built in the core (src/core/briefing.ts) and rendered as a Reply.
import { buildBriefing } from "../src/core/briefing";
import { renderBriefing } from "../src/core/briefing-reply";
import type { Command, CommandReply } from "../src/core/command";
import { requireProvince } from "../src/core/province-arg";
import { briefAction, chartAction, chartArg } from "../src/render/actions";
import { chartReply } from "../src/render/chart-reply";

export const province: Command = {
  name: "province",
  localName: { vi: "tỉnh" },
  description: { vi: "Tóm tắt hợp tác của một tỉnh, kèm nguồn", en: "A cited briefing on one province" },
  help: {
    vi: "Tóm tắt một tỉnh: quốc gia, tỉnh đối tác, văn bản hợp tác, sự kiện (mới nhất trước), cam kết, số liệu và nhân vật, mỗi ý kèm số trích dẫn [n] và danh sách nguồn ở cuối. Gõ tên có dấu hay không dấu, tiếng Việt, phiên âm Lào hay tiếng Anh đều được.",
    en: "A briefing on one province: country, partner provinces, agreements, events (newest first), commitments, figures and people, each with a citation number [n] and the source list at the end. Type the name with or without diacritics, in Vietnamese, Lao romanisation or English.",
  },
  args: [
    {
      name: "name",
      localName: { vi: "tên" },
      kind: "province",
      required: true,
      description: { vi: "Tên tỉnh", en: "Province name" },
    },
    chartArg,
  ],
  examples: [
    "/province Sơn La",
    "/province son la chart",
    "/province son la",
    "/province Luang Prabang",
    "/province xieng khouang",
  ],
  run(ctx, args): CommandReply | Promise<CommandReply> {
    const { province, via } = requireProvince(ctx.corpus, String(args.name ?? ""), "province", ctx.lang);
    const briefing = buildBriefing(ctx.corpus, province, ctx.today, via);
    if (args.view === "chart" && briefing.covered) {
      return chartReply(ctx.corpus, { lang: ctx.lang, today: ctx.today, briefing });
    }
    const reply = renderBriefing(ctx.corpus, briefing, ctx.lang);
    if (!briefing.covered) return reply;
    // The same briefing as a picture, or as a document to take to the meeting.
    const name = province.name.vi;
    return { ...reply, actions: [chartAction(`/province ${name}`, ctx.lang), briefAction(name, ctx.lang)] };
  },
};
