// A reply and its offers as one Discord message: embeds, the offers drawn as button rows, the reply's file
// uploaded with it, and mentions never parsed.
import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from "discord.js";
import type { Attachment, Reply } from "../../core/reply";
import type { Offers } from "../shared/offers";
import { actionButtons, pageButtons, quotesButtons, suggestionButtons } from "./buttons";
import { renderEmbeds } from "./render";

/** No reply ever pings anyone, whatever the corpus or the user's argument contains. */
export const NO_MENTIONS = { parse: [] as never[] };

export interface Message {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: typeof NO_MENTIONS;
  /** A chart (shown as the embed's image) or a briefing note, uploaded with the message. */
  files?: { attachment: Buffer; name: string; description: string }[];
}

export function messageOf(reply: Reply, offers: Offers): Message {
  const components = [
    ...(offers.pages ? pageButtons(offers.pages.token, offers.pages, offers.lang) : []),
    ...actionButtons(offers.actions),
    ...quotesButtons(offers.quotes),
    ...suggestionButtons(offers.suggestions),
  ];
  // The file goes with the first part only: turning to later parts of a long answer does not upload it again.
  const file = reply.paging && reply.paging.page > 1 ? undefined : reply.attachment;
  return withFile({ embeds: renderEmbeds(reply), components, allowedMentions: NO_MENTIONS }, file);
}

/**
 * The reply's file as a Discord upload. A chart goes under its plain-ASCII name, which the embed's image refers
 * to (`attachment://…`: Discord rewrites spaces in stored names, so a readable name would not match); a document
 * keeps its readable name, which Discord shows on the download.
 */
function withFile(message: Message, file: Attachment | undefined): Message {
  if (!file) return message;
  const name = file.kind === "photo" ? file.asciiFileName : file.fileName;
  const first = message.embeds[0];
  if (file.kind === "photo" && first) first.image = { url: `attachment://${name}` };
  return {
    ...message,
    files: [{ attachment: Buffer.from(file.bytes), name, description: [...file.caption].slice(0, 1024).join("") }],
  };
}
