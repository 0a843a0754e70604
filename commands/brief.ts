import { buildBriefing } from "../src/core/briefing";
import type { Command } from "../src/core/command";
import { UserError } from "../src/core/errors";
import { both, words } from "../src/core/i18n";
import { requireProvince } from "../src/core/province-arg";
import { briefReply } from "../src/render/brief-reply";

export const brief: Command = {
  name: "brief",
  localName: { vi: "báo-cáo" },
  description: {
    vi: "Báo cáo tóm tắt một tỉnh (tệp Word, có chú thích nguồn)",
    en: "A briefing note on one province (Word file, footnoted)",
  },
  help: {
    vi: "Tệp Word (.docx) sẵn sàng cho cuộc họp: tỉnh đối tác, văn bản hợp tác kèm tình trạng và cam kết, sự kiện (mới nhất trước), số liệu, nhân vật đã gặp với chức danh lúc đó, ngày kỷ niệm sắp tới, biểu đồ dòng thời gian; mỗi ý có chú thích cuối trang ghi nguồn và câu trích nguyên văn.",
    en: "A Word file (.docx) ready for a meeting: partner provinces, agreements with status and commitments, events (newest first), figures, people met with their titles at the time, upcoming anniversaries, the timeline chart; every fact footnoted with its source and verbatim quote.",
  },
  args: [
    {
      name: "name",
      localName: { vi: "tên" },
      kind: "province",
      required: true,
      description: { vi: "Tên tỉnh", en: "Province name" },
    },
  ],
  examples: ["/brief Sơn La", "/brief luang prabang"],
  async run(ctx, args) {
    const { corpus, lang } = ctx;
    const { province, via } = requireProvince(corpus, String(args.name ?? ""), "brief", lang);
    if (!province.covered) {
      throw new UserError(
        "not-covered",
        both((w, l) => w.pictures.notCovered(province.name[l])),
      );
    }
    const reply = await briefReply(corpus, buildBriefing(corpus, province, ctx.today, via), lang);
    return {
      ...reply,
      actions: [{ command: `/province ${province.name.vi}`, label: words(lang).pictures.summaryAction }],
    };
  },
};
