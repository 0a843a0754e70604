// One interaction's way back on Discord (shared/pipeline.ts's Conversation). Discord drops an interaction not
// acknowledged within 3 seconds: work still running after `deferAfterMs` is deferred first, and how it was
// deferred decides how the answer goes out. Errors and private replies are ephemeral (only the caller sees
// them). Discord makes the first follow-up of a deferred response replace the "thinking…" message with the
// deferral's visibility, ignoring its ephemeral flag, so a private answer after a public deferral first turns
// the deferred message into a short public note, then follows up privately.
import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  MessageFlags,
  type RepliableInteraction,
} from "discord.js";
import { type Lang, words } from "../../core/i18n";
import type { Conversation } from "../shared/pipeline";
import { answerInTime } from "./deferral";
import { messageOf, NO_MENTIONS } from "./message";

/** Not deferred; deferred with a public or an ephemeral "thinking…"; or a button's message kept (deferUpdate). */
type Deferral = "none" | "public" | "private" | "update";

interface Options {
  deferAfterMs: number;
  /** The language of the notice for an expired or unknown button (the clicker's locale). */
  lang: Lang;
}

/** A slash command; `privately`: defer ephemerally (admin answers are private, even a slow one). */
export function commandConversation(
  i: ChatInputCommandInteraction,
  privately: boolean,
  options: Options,
): Conversation {
  return conversation(i, options, privately ? "private" : "public");
}

/**
 * A button. Under a public answer it turns the page in place; under an ephemeral message (a "did you mean"
 * suggestion under an error) it answers anew, publicly, as the slash command would have.
 */
export function buttonConversation(i: ButtonInteraction, options: Options): Conversation {
  const inPlace = !i.message.flags.has(MessageFlags.Ephemeral);
  const talk = conversation(i, options, inPlace ? "update" : "public");
  if (inPlace) {
    talk.replace = async (reply, offers) => {
      const message = messageOf(reply, offers);
      if (talk.deferred() === "update") await i.editReply(message);
      else await i.update(message);
    };
  }
  return talk;
}

function conversation(
  i: RepliableInteraction,
  options: Options,
  deferral: Exclude<Deferral, "none">,
): Conversation & { deferred(): Deferral } {
  let deferred: Deferral = "none";
  const defer = (): Promise<unknown> => {
    if (deferral === "update" && i.isMessageComponent()) return i.deferUpdate();
    return deferral === "private" ? i.deferReply({ flags: MessageFlags.Ephemeral }) : i.deferReply();
  };
  return {
    deferred: () => deferred,
    async run(work) {
      const answered = await answerInTime(work(), options.deferAfterMs, defer);
      if (answered.deferred) deferred = deferral;
      return answered.value;
    },
    async post(reply, offers) {
      const message = messageOf(reply, offers);
      if (deferred === "none") await i.reply(message);
      else if (deferred === "update") await i.followUp(message);
      else await i.editReply(message);
    },
    async postPrivately(reply, offers) {
      const message = messageOf(reply, offers);
      const whisper = { ...message, flags: MessageFlags.Ephemeral as const };
      if (deferred === "none") await i.reply(whisper);
      else if (deferred === "update") await i.followUp(whisper);
      // Deferred ephemerally: the edit stays private.
      else if (deferred === "private") await i.editReply(message);
      // A slow error is no secret: it replaces the caller's own "thinking…" message, where they look for it.
      else if (reply.error) await i.editReply(message);
      else {
        await i.editReply({ content: words(offers.lang).discord.sentPrivately, embeds: [], components: [] });
        await i.followUp(whisper);
      }
    },
    async expired(why) {
      const content = words(options.lang).discord[why === "expired" ? "pageExpired" : "unknownButton"];
      await i.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    },
  };
}
