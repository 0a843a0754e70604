// /inbox (admins): the drafts waiting for review, with counts of records, uncertainties and errors.
import type { Command, CommandReply } from "../src/core/command";
import { inboxReply } from "../src/ingest/review-reply";

export const inbox: Command = {
  name: "inbox",
  localName: { vi: "hộp-thư" },
  description: { vi: "Bản nháp chờ duyệt (quản trị viên)", en: "Drafts waiting for review (admins)" },
  help: {
    vi: "Liệt kê các bản nháp do /ingest hoặc npm run ingest lập, chờ duyệt bằng /review.",
    en: "Lists the drafts made by /ingest or npm run ingest, waiting for /review.",
  },
  args: [],
  requires: ["admin"],
  examples: ["/inbox"],
  async run(ctx): Promise<CommandReply> {
    return inboxReply(await ctx.services.ingest.list(), ctx.lang);
  },
};
