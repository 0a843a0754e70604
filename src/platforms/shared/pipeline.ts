// The request pipeline, once for every platform: a command or a button press becomes an invocation, the core
// answers it, and the reply goes where it belongs (a new message, the caller alone, or in place of the message
// the button was under) with its offers (offers.ts). A platform supplies only what is its own: how it read the
// update (an Asker), and a Conversation: how it acknowledges, posts, whispers and edits.
import type { ArgValues, Attachment } from "../../core/command";
import { findCommand, type Invocation } from "../../core/dispatch";
import { type PagedInvocation, parsePageData } from "../../core/paging";
import type { Reply } from "../../core/reply";
import type { AdapterDeps } from "../adapter";
import { type Asker, callerOf, langOf } from "./asker";
import { type Offers, offersFor, pagedOf, pageToken } from "./offers";

/** What a platform's messages can do, the same for every update. */
export interface Traits {
  /**
   * Whether it can show a message to the caller alone, in the chat (Discord's ephemeral messages): errors are
   * shown that way too, and such a message carries only the offers that answer anew (no pages, no quotes).
   */
  whispers: boolean;
  /** Cuts a reply too long for one message into parts turned like pages (Discord); default: one part. */
  cut?(reply: Reply): Reply[];
}

/** One update's way back to its user. */
export interface Conversation {
  /** Runs the work; a platform with a deadline for acknowledging an update acknowledges around it. */
  run(work: () => Promise<Reply>): Promise<Reply>;
  /** A new message in the chat. */
  post(reply: Reply, offers: Offers): Promise<void>;
  /** To the caller alone: a private chat, an ephemeral message. */
  postPrivately(reply: Reply, offers: Offers): Promise<void>;
  /** Replaces the message the button was under; absent when it cannot be changed (the press answers anew). */
  replace?(reply: Reply, offers: Offers): Promise<void>;
  /** The button's token has expired (a restart without a store, or evicted), or the button is not ours. */
  expired(why: "expired" | "unknown"): Promise<void>;
}

export interface CommandRequest {
  command: string;
  /** Argument text as typed. */
  text?: string;
  /** Typed arguments (Discord options). */
  args?: ArgValues;
  attachment?: Attachment;
}

export type PipelineDeps = Pick<AdapterDeps, "commands" | "handle" | "pages" | "userLang" | "logger">;

export interface Pipeline {
  command(request: CommandRequest, asker: Asker, conversation: Conversation): Promise<void>;
  /** A button pressed: `data` as the platform gave it back ("pg:<token>:<page>"). */
  press(data: string, asker: Asker, conversation: Conversation): Promise<void>;
}

export function createPipeline(deps: PipelineDeps, traits: Traits): Pipeline {
  const cut = (reply: Reply): Reply[] => traits.cut?.(reply) ?? [reply];

  /** Private replies outside a private chat go to the caller alone; errors too where the platform whispers. */
  const forCallerAlone = (reply: Reply, asker: Asker): boolean =>
    traits.whispers
      ? reply.private === true || reply.error !== undefined
      : reply.private === true && asker.chatKind !== "private";

  /** A new message: the reply (its first part, with buttons to the others) and what it offers. */
  function post(inv: PagedInvocation, reply: Reply, conversation: Conversation): Promise<void> {
    const parts = cut(reply);
    const shown = parts[0] ?? reply;
    const token = pageToken(shown, deps.pages, inv, parts.length > 1);
    return conversation.post(shown, offersFor(shown, deps.pages, inv.lang, { token, invocation: inv }));
  }

  function postPrivately(inv: PagedInvocation, reply: Reply, conversation: Conversation): Promise<void> {
    if (!traits.whispers) {
      const token = pageToken(reply, deps.pages, inv);
      return conversation.postPrivately(reply, offersFor(reply, deps.pages, inv.lang, { token, invocation: inv }));
    }
    return conversation.postPrivately(reply, offersFor(reply, deps.pages, inv.lang));
  }

  function respond(inv: PagedInvocation, reply: Reply, asker: Asker, conversation: Conversation): Promise<void> {
    return forCallerAlone(reply, asker) ? postPrivately(inv, reply, conversation) : post(inv, reply, conversation);
  }

  return {
    async command(request, asker, conversation) {
      let invocation: Invocation | undefined;
      const reply = await conversation.run(async () => {
        const inv: Invocation = {
          command: request.command,
          lang: await langOf(asker, deps),
          caller: await callerOf(asker, findCommand(deps.commands, request.command)),
        };
        if (request.text !== undefined) inv.text = request.text;
        if (request.args) inv.args = request.args;
        if (request.attachment) inv.attachment = request.attachment;
        invocation = inv;
        return deps.handle(inv);
      });
      if (invocation) await respond(pagedOf(invocation), reply, asker, conversation);
    },

    async press(data, asker, conversation) {
      const target = parsePageData(data);
      const entry = target ? await deps.pages.get(target.token) : undefined;
      if (!target || !entry) {
        await conversation.expired(target ? "expired" : "unknown");
        return;
      }
      // A part of a long answer: the command's one reply is run again and cut the same way.
      const { parts, ...paged } = entry;
      const reply = await conversation.run(async () =>
        deps.handle({
          ...paged,
          page: parts ? 1 : target.page,
          caller: await callerOf(asker, findCommand(deps.commands, paged.command)),
        }),
      );
      // Under a message that cannot change (a private one), or where the answer is not for everyone to see, or
      // brings a file (the answer it was pressed under stays): a new message, as the command would have.
      if (!conversation.replace || forCallerAlone(reply, asker) || reply.attachment) {
        await respond(paged, reply, asker, conversation);
        return;
      }
      const shown = parts ? (cut(reply)[target.page - 1] ?? reply) : reply;
      await conversation.replace(
        shown,
        offersFor(shown, deps.pages, paged.lang, { token: target.token, invocation: paged }),
      );
    },
  };
}
