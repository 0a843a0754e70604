// /reload (admins): re-read data/, validate it all, swap the new snapshot in one step, and say what changed.
// Broken data is refused with every error (file and path); the old corpus keeps serving.
import type { Command } from "../src/core/command";
import { UserError } from "../src/core/errors";
import type { Lang } from "../src/core/i18n";
import type { Block, Reply } from "../src/core/reply";
import type { ReloadOutcome } from "../src/core/services";
import { kindLabel, shortList } from "../src/ops/labels";

/** More errors than this are summarised as "… and N more": a chat message has a size limit. */
const MAX_ERRORS_SHOWN = 25;

export const reload: Command = {
  name: "reload",
  localName: { vi: "tải-lại" },
  description: { vi: "Nạp lại dữ liệu (quản trị viên)", en: "Reload the data (admins)" },
  help: {
    vi: "Đọc lại thư mục data/, kiểm tra toàn bộ, rồi thay dữ liệu đang dùng trong một bước. Nếu có lỗi, dữ liệu cũ vẫn được giữ nguyên và bot liệt kê từng lỗi (tệp, vị trí).",
    en: "Re-reads data/, validates all of it, then swaps the data in use in one step. If anything is broken, the old data stays in use and every error is listed (file, path).",
  },
  args: [],
  adminOnly: true,
  examples: ["/reload"],
  async run(ctx): Promise<Reply> {
    if (!ctx.services.reload) {
      throw new UserError("unavailable", {
        vi: "Bot này không hỗ trợ nạp lại dữ liệu.",
        en: "This bot cannot reload its data.",
      });
    }
    const outcome = await ctx.services.reload();
    return { ...formatReloadOutcome(outcome, ctx.lang), private: true };
  },
};

/** The reply for a reload outcome; also used for reloads triggered by SIGHUP or file changes (logs, console). */
export function formatReloadOutcome(outcome: ReloadOutcome, lang: Lang): Reply {
  const vi = lang === "vi";
  if (!outcome.ok) {
    const errors = outcome.errors ?? [];
    const shown = errors.slice(0, MAX_ERRORS_SHOWN).map((e) => ({ text: `${e.file} ${e.path}: ${e.message}` }));
    if (errors.length > shown.length) {
      const more = errors.length - shown.length;
      shown.push({ text: vi ? `… và ${more} lỗi khác` : `… and ${more} more` });
    }
    return {
      title: vi ? "Không nạp lại: dữ liệu có lỗi" : "Reload refused: the data has errors",
      blocks: [
        {
          kind: "text",
          line: {
            text: vi
              ? `Tìm thấy ${errors.length} lỗi. Dữ liệu cũ (phiên bản ${outcome.version}) vẫn đang được dùng; không có gì bị nạp dở.`
              : `Found ${errors.length} error(s). The old data (version ${outcome.version}) is still in use; nothing was half-loaded.`,
          },
        },
        { kind: "list", items: shown },
      ],
      citations: [],
      error: { code: "reload-refused" },
    };
  }
  const blocks: Block[] = [
    { kind: "fields", fields: [{ name: vi ? "Phiên bản dữ liệu" : "Corpus version", value: outcome.version }] },
  ];
  const kinds = Object.entries(outcome.diff ?? {});
  if (kinds.length === 0) {
    blocks.push({ kind: "text", line: { text: vi ? "Không có thay đổi nào." : "Nothing changed." } });
  }
  for (const [kind, d] of kinds) {
    const items = [
      [vi ? "Thêm" : "Added", d.added],
      [vi ? "Bỏ" : "Removed", d.removed],
      [vi ? "Sửa" : "Changed", d.changed],
    ] as const;
    blocks.push({ kind: "heading", text: kindLabel(kind, lang) });
    blocks.push({
      kind: "list",
      items: items
        .filter(([, ids]) => ids.length > 0)
        .map(([label, ids]) => ({ text: `${label} (${ids.length}): ${shortList(ids)}` })),
    });
  }
  return {
    title: vi ? `Đã nạp lại dữ liệu — ${outcome.version}` : `Data reloaded — ${outcome.version}`,
    blocks,
    citations: [],
  };
}
