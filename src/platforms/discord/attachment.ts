// /ingest's file on Discord: the attachment option (ApplicationCommandOptionType.Attachment) of a command that
// takes a file, as the invocation's attachment. Its bytes are fetched from the attachment's CDN address only when
// the command reads them, after dispatch let the caller in.
import type { Attachment } from "../../core/command";
import { downloadBytes, refuseUnlessPage } from "../page-file";

/** The option's name, and the one Vietnamese users see. */
export const FILE_OPTION = "file";
export const FILE_OPTION_VI = "tệp";
/** A bound on what is read (the command refuses far less); Discord's own upload limits depend on the server. */
const DISCORD_DOWNLOAD_MAX = 25 * 1024 * 1024;

export function discordAttachment(file: {
  name: string;
  size: number;
  url: string;
  contentType: string | null;
}): Attachment {
  return {
    name: file.name,
    size: file.size,
    async load() {
      refuseUnlessPage(file.name, file.contentType ?? undefined);
      return downloadBytes(file.url, DISCORD_DOWNLOAD_MAX, "Discord");
    },
  };
}
