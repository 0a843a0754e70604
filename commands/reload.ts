// /reload (admins): re-read data/, validate it all, swap the new snapshot in one step, and say what changed.
// Broken data is refused with every error (file and path); the old corpus keeps serving.
import type { Command, CommandReply } from "../src/core/command";
import { kindLabel, shortList } from "../src/core/format";
import { type Lang, words } from "../src/core/i18n";
import type { Block } from "../src/core/reply";
import type { ReloadOutcome } from "../src/core/services";

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
  requires: ["admin"],
  examples: ["/reload"],
  async run(ctx): Promise<CommandReply> {
    const outcome = await ctx.services.reload();
    return { ...formatReloadOutcome(outcome, ctx.lang), private: true };
  },
};

/** The reply for a reload outcome: every error (file and path) when refused, what changed when done. */
export function formatReloadOutcome(outcome: ReloadOutcome, lang: Lang): CommandReply {
  const w = words(lang).reload;
  if (!outcome.ok) {
    const errors = outcome.errors ?? [];
    const shown = errors.slice(0, MAX_ERRORS_SHOWN).map((e) => ({ text: `${e.file} ${e.path}: ${e.message}` }));
    if (errors.length > shown.length) shown.push({ text: w.moreErrors(errors.length - shown.length) });
    return {
      title: w.refusedTitle,
      blocks: [
        { kind: "text", line: { text: w.refusedText(errors.length, outcome.version) } },
        { kind: "list", items: shown },
      ],
      citations: [],
      error: { code: "reload-refused" },
    };
  }
  const fields = [{ name: w.corpusVersion, value: outcome.version }];
  // How many records of each kind now serve: "Sự kiện 12 · Văn bản hợp tác 2 · …".
  const counts = Object.entries(outcome.counts ?? {});
  if (counts.length > 0) {
    fields.push({ name: w.records, value: counts.map(([kind, n]) => `${kindLabel(kind, lang)} ${n}`).join(" · ") });
  }
  const blocks: Block[] = [{ kind: "fields", fields }];
  const kinds = Object.entries(outcome.diff ?? {});
  if (kinds.length === 0) blocks.push({ kind: "text", line: { text: w.nothingChanged } });
  for (const [kind, d] of kinds) {
    const items = [
      [w.added, d.added],
      [w.removed, d.removed],
      [w.changed, d.changed],
    ] as const;
    blocks.push({ kind: "heading", text: kindLabel(kind, lang) });
    blocks.push({
      kind: "list",
      items: items
        .filter(([, ids]) => ids.length > 0)
        .map(([label, ids]) => ({ text: `${label} (${ids.length}): ${shortList(ids)}` })),
    });
  }
  return { title: w.done(outcome.version), blocks, citations: [] };
}
