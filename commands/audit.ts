// /audit [n] (admins): the latest entries of the audit log: who did what, where, when, with what result.
import type { Command, CommandReply } from "../src/core/command";
import { formatInstant } from "../src/core/format";
import { words } from "../src/core/i18n";

const DEFAULT_COUNT = 10;
const MAX_COUNT = 50;

export const audit: Command = {
  name: "audit",
  localName: { vi: "nhật-ký" },
  description: { vi: "Nhật ký quản trị (quản trị viên)", en: "Admin audit log (admins)" },
  help: {
    vi: `Hiện n mục mới nhất của nhật ký quản trị (mặc định ${DEFAULT_COUNT}, tối đa ${MAX_COUNT}): ai, ở đâu, lúc nào, làm gì, kết quả.`,
    en: `Shows the latest n audit log entries (default ${DEFAULT_COUNT}, at most ${MAX_COUNT}): who, where, when, what, result.`,
  },
  args: [
    {
      name: "n",
      localName: { vi: "số-dòng" },
      kind: "integer",
      required: false,
      min: 1,
      max: MAX_COUNT,
      description: { vi: "Số mục cần xem", en: "How many entries" },
    },
  ],
  requires: ["admin"],
  examples: ["/audit", "/audit 20"],
  async run(ctx, args): Promise<CommandReply> {
    const w = words(ctx.lang).audit;
    const n = typeof args.n === "number" ? args.n : DEFAULT_COUNT;
    const entries = await ctx.services.store.listAudit(n);
    return {
      title: w.title(entries.length),
      blocks:
        entries.length === 0
          ? [{ kind: "text", line: { text: w.empty } }]
          : [
              {
                kind: "list",
                items: entries.map((e) => ({
                  text: `${formatInstant(e.at, ctx.services.zone, true)} · ${e.who} @ ${e.where} · ${e.what} → ${w.result[e.result]}${e.detail ? ` (${e.detail})` : ""}`,
                })),
              },
            ],
      citations: [],
      private: true,
    };
  },
};
