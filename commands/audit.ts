// /audit [n] (admins): the latest entries of the audit log: who did what, where, when, with what result.
import type { Command } from "../src/core/command";
import { UserError } from "../src/core/errors";
import { formatInstant } from "../src/core/format";
import type { Reply } from "../src/core/reply";
import type { AuditEntry } from "../src/core/services";
import { DEFAULT_ZONE } from "../src/core/today";

const DEFAULT_COUNT = 10;
const MAX_COUNT = 50;

const RESULT_LABELS: Record<AuditEntry["result"], { vi: string; en: string }> = {
  ok: { vi: "thành công", en: "ok" },
  refused: { vi: "bị từ chối", en: "refused" },
  failed: { vi: "thất bại", en: "failed" },
};

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
  adminOnly: true,
  examples: ["/audit", "/audit 20"],
  async run(ctx, args): Promise<Reply> {
    const vi = ctx.lang === "vi";
    const store = ctx.services.store;
    if (!store) {
      throw new UserError("unavailable", {
        vi: "Bot này không có nơi lưu nhật ký.",
        en: "This bot has no store for an audit log.",
      });
    }
    const n = typeof args.n === "number" ? args.n : DEFAULT_COUNT;
    const entries = await store.listAudit(n);
    return {
      title: vi ? `Nhật ký quản trị — ${entries.length} mục mới nhất` : `Audit log — latest ${entries.length}`,
      blocks:
        entries.length === 0
          ? [{ kind: "text", line: { text: vi ? "Nhật ký còn trống." : "The audit log is empty." } }]
          : [
              {
                kind: "list",
                items: entries.map((e) => ({
                  text: `${formatInstant(e.at, ctx.services.zone ?? DEFAULT_ZONE, true)} · ${e.who} @ ${e.where} · ${e.what} → ${RESULT_LABELS[e.result][ctx.lang]}${e.detail ? ` (${e.detail})` : ""}`,
                })),
              },
            ],
      citations: [],
      private: true,
    };
  },
};
