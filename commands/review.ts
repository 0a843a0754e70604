// /review <id> [approve [record ids…] | reject] (admins): one draft compactly (what was found, with quotes; what
// is uncertain), then approve all or some records into data/ (validated, reloaded, audited) or reject it.
import type { Command, CommandReply } from "../src/core/command";
import { UserError } from "../src/core/errors";
import { both, words } from "../src/core/i18n";
import { asUserError } from "../src/ingest/errors";
import { reviewReply } from "../src/ingest/review-reply";

export const review: Command = {
  name: "review",
  localName: { vi: "duyệt" },
  description: {
    vi: "Xem, duyệt hoặc từ chối bản nháp (quản trị viên)",
    en: "Review, approve or reject a draft (admins)",
  },
  help: {
    vi: "/review <mã> xem bản nháp; /review <mã> approve duyệt tất cả, /review <mã> approve <mã bản ghi> … duyệt một số bản ghi; /review <mã> reject từ chối. Có thể sửa tệp data/inbox/<mã>.yaml trước khi duyệt.",
    en: "/review <id> shows a draft; /review <id> approve approves every record, /review <id> approve <record id> … some of them; /review <id> reject rejects it. data/inbox/<id>.yaml may be edited by hand before approving.",
  },
  args: [
    {
      name: "draft",
      localName: { vi: "bản-nháp" },
      kind: "text",
      required: true,
      maxLength: 2_000,
      description: {
        vi: "Mã bản nháp, rồi approve [mã bản ghi…] hoặc reject",
        en: "Draft id, then approve [record ids…] or reject",
      },
    },
  ],
  requires: ["admin"],
  examples: ["/review 2026-11-29-b98edd", "/review 2026-11-29-b98edd approve", "/review 2026-11-29-b98edd reject"],
  async run(ctx, args): Promise<CommandReply> {
    const [id = "", action, ...ids] = String(args.draft ?? "")
      .split(/[\s,]+/)
      .filter(Boolean);
    const w = words(ctx.lang).ingest;
    try {
      if (!action) return reviewReply(await ctx.services.ingest.get(id), ctx.lang);
      if (action === "reject") {
        const draft = await ctx.services.ingest.reject(id);
        ctx.note(`rejected ${draft.id}`);
        return { title: w.rejected(draft.id), blocks: [], citations: [], private: true };
      }
      if (action !== "approve")
        throw new UserError(
          "bad-argument",
          both((x) => x.ingest.badAction),
        );
      const result = await ctx.services.ingest.approve(
        id,
        ids.length ? new Set(ids) : undefined,
        new Date().toISOString(),
      );
      if (!result.ok) {
        ctx.note(`refused ${id}: ${result.errors.length} error(s)`);
        return {
          title: w.refusedTitle,
          blocks: [
            { kind: "text", line: { text: w.refusedText(result.errors.length) } },
            {
              kind: "list",
              items: result.errors.slice(0, 20).map((e) => ({ text: `${e.file} ${e.path}: ${e.message}` })),
            },
          ],
          citations: [],
          private: true,
          error: { code: "approve-refused" },
        };
      }
      ctx.note(`approved ${result.approved.length} from ${id}: ${result.approved.join(" ").slice(0, 80)}`);
      return {
        title: w.approvedTitle(result.approved.length),
        blocks: [
          { kind: "text", line: { text: w.approvedText(result.file, result.remaining) } },
          { kind: "list", items: result.approved.map((x) => ({ text: x })) },
        ],
        citations: [],
        private: true,
      };
    } catch (error) {
      throw asUserError(error);
    }
  },
};
