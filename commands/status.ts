// /status (admins): what is running: versions, corpus size, uptime, platforms, subscriptions, next digest.
import type { Command, CommandReply } from "../src/core/command";
import { formatDuration, kindLabel } from "../src/core/format";
import { words } from "../src/core/i18n";

export const status: Command = {
  name: "status",
  localName: { vi: "trạng-thái" },
  description: { vi: "Tình trạng hoạt động của bot (quản trị viên)", en: "Bot status (admins)" },
  help: {
    vi: "Phiên bản bot, phiên bản và số bản ghi của dữ liệu, thời gian chạy, nền tảng đang kết nối, số kênh đăng ký và lần gửi bản tin kế tiếp.",
    en: "Bot version, corpus version and record counts, uptime, connected platforms, subscription count and the next digest.",
  },
  args: [],
  requires: ["admin"],
  examples: ["/status"],
  async run(ctx): Promise<CommandReply> {
    const w = words(ctx.lang).statusCommand;
    const s = await ctx.services.status();
    const platforms = s.platforms.length
      ? s.platforms.map((p) => `${p.name}: ${p.connected ? w.connected : w.disconnected}`).join(", ")
      : w.none;
    return {
      title: w.title,
      blocks: [
        {
          kind: "fields",
          fields: [
            { name: w.version, value: s.version },
            { name: w.corpusVersion, value: s.corpusVersion },
            { name: w.uptime, value: formatDuration(s.uptimeSeconds, ctx.lang) },
            { name: w.platforms, value: platforms },
            {
              name: w.subscriptions,
              value: s.store && !s.store.ok ? w.storeFailing(s.store.detail) : String(s.subscriptions),
            },
            {
              name: w.nextDigest,
              value:
                s.nextDigestError !== undefined ? w.nextUnknown(s.nextDigestError) : (s.nextDigest ?? w.noneScheduled),
            },
          ],
        },
        { kind: "heading", text: w.records },
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
