// /ingest (admins): a news page sent as a file (Telegram document, Discord attachment) or pasted after the
// command becomes a draft in the inbox, with its review. Nothing reaches users before /review … approve.
import type { Command, CommandReply } from "../src/core/command";
import { UserError } from "../src/core/errors";
import { both } from "../src/core/i18n";
import { asUserError } from "../src/ingest/errors";
import { inputFromFile } from "../src/ingest/fetch-page";
import type { IngestInput } from "../src/ingest/ingest";
import { reviewReply } from "../src/ingest/review-reply";

/** A saved news page is rarely over a megabyte; refuse anything far larger before fetching it. */
const MAX_FILE_BYTES = 5_000_000;
/** A pasted article: a Telegram message is at most 4,096 characters, a Discord option 6,000. */
const MAX_PASTED = 20_000;

export const ingest: Command = {
  name: "ingest",
  localName: { vi: "nhập-bài" },
  description: { vi: "Nhập bài báo mới thành bản nháp (quản trị viên)", en: "Draft a news article (admins)" },
  help: {
    vi: "Gửi trang báo (.html hoặc .txt) dưới dạng tệp kèm lệnh /ingest, hoặc dán nội dung bài ngay sau lệnh. Bot tách bài, tìm ngày, tỉnh, văn bản, người, số liệu, mỗi mục kèm câu trích, lập bản nháp trong hộp thư; xem và duyệt bằng /review.",
    en: "Send the news page (.html or .txt) as a file with /ingest, or paste the article after the command. The bot segments it, finds dates, provinces, agreements, people and figures, each with its sentence, and keeps a draft in the inbox; review and approve it with /review.",
  },
  args: [
    {
      name: "text",
      localName: { vi: "nội-dung" },
      kind: "text",
      required: false,
      maxLength: MAX_PASTED,
      description: {
        vi: "Nội dung bài (dán vào), nếu không gửi tệp",
        en: "The article text (pasted), when no file is sent",
      },
    },
  ],
  requires: ["admin"],
  file: {
    description: { vi: "Trang báo đã lưu (.html hoặc .txt)", en: "The saved news page (.html or .txt)" },
  },
  examples: ["/ingest", "/ingest Sơn La tiếp đoàn công tác tỉnh Hủa Phăn …"],
  async run(ctx, args): Promise<CommandReply> {
    const where = `${ctx.caller.platform}`;
    let input: IngestInput;
    try {
      if (ctx.attachment) {
        if ((ctx.attachment.size ?? 0) > MAX_FILE_BYTES) {
          throw new UserError(
            "bad-page",
            both((w) => w.ingest.fileTooLarge(MAX_FILE_BYTES / 1_000_000)),
          );
        }
        const bytes = await ctx.attachment.load();
        input = inputFromFile(ctx.attachment.name, bytes, `${where} file ${ctx.attachment.name}`);
      } else {
        const pasted = (ctx.text ?? (typeof args.text === "string" ? args.text : "")).trim();
        if (!pasted)
          throw new UserError(
            "no-page",
            both((w) => w.ingest.noPage),
          );
        input = {
          content: pasted,
          format: /^\s*<(!doctype|html|body|article)/i.test(pasted) ? "html" : "text",
          origin: `${where} pasted text`,
        };
      }
      const now = new Date().toISOString();
      const draft = await ctx.services.ingest.draft(input, { today: ctx.today, now });
      ctx.note(`draft ${draft.id}: ${draft.source.title.slice(0, 60)}`);
      return reviewReply(draft, ctx.lang);
    } catch (error) {
      throw asUserError(error);
    }
  },
};
