// /status (admins): what is running: versions, corpus size, uptime, platforms, subscriptions, next digest.
import type { Command } from "../src/core/command";
import { UserError } from "../src/core/errors";
import type { Reply } from "../src/core/reply";
import { formatDuration, kindLabel } from "../src/ops/labels";

export const status: Command = {
  name: "status",
  localName: { vi: "trạng-thái" },
  description: { vi: "Tình trạng hoạt động của bot (quản trị viên)", en: "Bot status (admins)" },
  help: {
    vi: "Phiên bản bot, phiên bản và số bản ghi của dữ liệu, thời gian chạy, nền tảng đang kết nối, số kênh đăng ký và lần gửi bản tin kế tiếp.",
    en: "Bot version, corpus version and record counts, uptime, connected platforms, subscription count and the next digest.",
  },
  args: [],
  adminOnly: true,
  examples: ["/status"],
  async run(ctx): Promise<Reply> {
    const vi = ctx.lang === "vi";
    if (!ctx.services.status) {
      throw new UserError("unavailable", {
        vi: "Bot này không báo cáo tình trạng.",
        en: "This bot does not report its status.",
      });
    }
    const s = await ctx.services.status();
    const platforms = s.platforms.length
      ? s.platforms
          .map(
            (p) =>
              `${p.name}: ${p.connected ? (vi ? "đã kết nối" : "connected") : vi ? "mất kết nối" : "disconnected"}`,
          )
          .join(", ")
      : vi
        ? "không có"
        : "none";
    return {
      title: vi ? "Tình trạng bot Hữu Nghị" : "Hữu Nghị bot status",
      blocks: [
        {
          kind: "fields",
          fields: [
            { name: vi ? "Phiên bản" : "Version", value: s.version },
            { name: vi ? "Phiên bản dữ liệu" : "Corpus version", value: s.corpusVersion },
            { name: vi ? "Thời gian chạy" : "Uptime", value: formatDuration(s.uptimeSeconds, ctx.lang) },
            { name: vi ? "Nền tảng" : "Platforms", value: platforms },
            {
              name: vi ? "Kênh đăng ký bản tin" : "Digest subscriptions",
              value:
                s.store && !s.store.ok
                  ? vi
                    ? `không đọc được: kho lưu trữ lỗi (${s.store.detail})`
                    : `unknown: the store is failing (${s.store.detail})`
                  : String(s.subscriptions),
            },
            {
              name: vi ? "Bản tin kế tiếp" : "Next digest",
              value:
                s.nextDigestError !== undefined
                  ? vi
                    ? `không rõ: kho lưu trữ lỗi (${s.nextDigestError})`
                    : `unknown: the store is failing (${s.nextDigestError})`
                  : (s.nextDigest ?? (vi ? "chưa có lịch" : "none scheduled")),
            },
          ],
        },
        { kind: "heading", text: vi ? "Số bản ghi" : "Records" },
        {
          kind: "list",
          items: Object.entries(s.counts).map(([kind, n]) => ({ text: `${kindLabel(kind, ctx.lang)}: ${n}` })),
        },
      ],
      citations: [],
      private: true,
    };
  },
};
