// Inbox and intake failures as the user errors the commands show: a missing draft, a page that is not a page.
import { UserError } from "../core/errors";
import { both } from "../core/i18n";
import { FetchPageError } from "./fetch-page";
import { InboxError } from "./inbox";

export function asUserError(error: unknown): unknown {
  if (error instanceof FetchPageError) return new UserError("bad-page", error.text);
  if (!(error instanceof InboxError)) return error;
  switch (error.code) {
    case "no-such-draft":
      return new UserError(
        "no-such-draft",
        both((w) => w.ingest.noDraft(error.message.replace(/^no draft “(.*)” in the inbox$/u, "$1"))),
        [{ command: "/inbox", label: "/inbox" }],
      );
    case "duplicate":
      return new UserError(
        "duplicate",
        both((w) => w.ingest.duplicate(error.message.replace(/^.* as /u, ""))),
      );
    case "nothing-selected":
      return new UserError(
        "nothing-selected",
        both((w) => w.ingest.unknownRecords(error.message)),
      );
    default:
      return new UserError(
        "bad-draft",
        both((w) => w.ingest.badDraft(error.message)),
      );
  }
}
