// Where the shared pipeline sends a reply, for a platform that whispers (Discord) and one that does not
// (Telegram), through a conversation that records what it was asked to do.
import pino from "pino";
import { describe, expect, it } from "vitest";
import type { Command } from "../../../src/core/command";
import type { Invocation } from "../../../src/core/dispatch";
import { PageTokens, pageData } from "../../../src/core/paging";
import type { Reply } from "../../../src/core/reply";
import type { Asker } from "../../../src/platforms/shared/asker";
import type { Offers } from "../../../src/platforms/shared/offers";
import { type Conversation, createPipeline, type Traits } from "../../../src/platforms/shared/pipeline";

const answer = (over: Partial<Reply> = {}): Reply => ({ lang: "vi", title: "t", blocks: [], citations: [], ...over });
const commands: Command[] = [{ name: "x", description: { vi: "x", en: "x" }, args: [], run: () => answer() }];

function setup(traits: Traits, reply: (inv: Invocation) => Reply) {
  const pages = new PageTokens();
  const seen: Invocation[] = [];
  const pipeline = createPipeline(
    {
      commands,
      pages,
      logger: pino({ level: "silent" }),
      handle: async (inv) => {
        seen.push(inv);
        return reply(inv);
      },
    },
    traits,
  );
  return { pages, seen, pipeline };
}

function recorder(replaceable = false) {
  const done: { how: string; reply?: Reply; offers?: Offers }[] = [];
  const talk: Conversation = {
    run: (work) => work(),
    post: async (reply, offers) => void done.push({ how: "post", reply, offers }),
    postPrivately: async (reply, offers) => void done.push({ how: "private", reply, offers }),
    expired: async (why) => void done.push({ how: why }),
  };
  if (replaceable) talk.replace = async (reply, offers) => void done.push({ how: "replace", reply, offers });
  return { talk, done };
}

const group: Asker = {
  platform: "p",
  userId: "p:u",
  chatId: "p:g",
  chatKind: "group",
  clientLang: "en",
  isChatAdmin: false,
};
const direct: Asker = { ...group, chatId: "p:u", chatKind: "private", isChatAdmin: true };

describe("the shared pipeline", () => {
  it("posts an answer with its page token, and runs the invocation again at the pressed page, in place", async () => {
    const { pages, seen, pipeline } = setup({ whispers: false }, (inv) =>
      answer({ paging: { page: inv.page ?? 1, pageCount: 3 } }),
    );
    const first = recorder();
    await pipeline.command({ command: "x", text: "abc" }, group, first.talk);
    expect(seen[0]).toMatchObject({ command: "x", text: "abc", lang: "en", caller: { chatId: "p:g" } });
    const nav = first.done[0]?.offers?.pages;
    expect(first.done[0]?.how).toBe("post");
    expect(nav).toMatchObject({ page: 1, pageCount: 3 });
    expect(await pages.get(nav?.token ?? "")).toEqual({ command: "x", text: "abc", lang: "en" });

    const press = recorder(true);
    await pipeline.press(pageData(nav?.token ?? "", 3), group, press.talk);
    expect(seen[1]).toMatchObject({ command: "x", text: "abc", page: 3 });
    expect(press.done.map((d) => d.how)).toEqual(["replace"]);
    expect(press.done[0]?.offers?.pages).toEqual({ token: nav?.token, page: 3, pageCount: 3 });
  });

  it("says so for an expired token and for data that is not a button's", async () => {
    const { pipeline, seen } = setup({ whispers: false }, () => answer());
    const talk = recorder(true);
    await pipeline.press(pageData("gone", 1), group, talk.talk);
    await pipeline.press("something else", group, talk.talk);
    expect(talk.done.map((d) => d.how)).toEqual(["expired", "unknown"]);
    expect(seen).toHaveLength(0);
  });

  it("sends a private reply to the caller alone outside a private chat; errors stay public unless it whispers", async () => {
    const reply = (r: Reply) => async (traits: Traits, asker: Asker) => {
      const { pipeline } = setup(traits, () => r);
      const talk = recorder();
      await pipeline.command({ command: "x" }, asker, talk.talk);
      return talk.done[0]?.how;
    };
    const secret = reply(answer({ private: true }));
    const error = reply(answer({ error: { code: "bad" } }));
    expect(await secret({ whispers: false }, group)).toBe("private");
    expect(await secret({ whispers: false }, direct)).toBe("post");
    expect(await secret({ whispers: true }, direct)).toBe("private");
    expect(await error({ whispers: false }, group)).toBe("post");
    expect(await error({ whispers: true }, group)).toBe("private");
  });

  it("leaves pages and quotes off a whisper: only what answers anew", async () => {
    const cited = answer({
      paging: { page: 1, pageCount: 2 },
      private: true,
      citations: [{ n: 1, source: "s", title: "t", quote: "q", factId: "f" }],
      suggestions: [{ command: "/x y", label: "y" }],
    });
    const { pipeline } = setup({ whispers: true }, () => cited);
    const talk = recorder();
    await pipeline.command({ command: "x" }, group, talk.talk);
    const offers = talk.done[0]?.offers;
    expect(offers?.pages).toBeUndefined();
    expect(offers?.quotes).toBeUndefined();
    expect(offers?.suggestions.map((s) => s.label)).toEqual(["/x y"]);
  });

  it("answers a press anew where the message cannot change, or the answer brings a file", async () => {
    const file = { kind: "photo" as const, fileName: "a.png", asciiFileName: "a.png", mime: "image/png" };
    const { pages, pipeline } = setup({ whispers: true }, (inv) =>
      inv.command === "x" ? answer({ attachment: { ...file, bytes: new Uint8Array(1), caption: "" } }) : answer(),
    );
    const token = pages.issue({ command: "x", lang: "vi" });
    const inPlace = recorder(true);
    await pipeline.press(pageData(token, 1), group, inPlace.talk);
    expect(inPlace.done.map((d) => d.how)).toEqual(["post"]);
    const other = pages.issue({ command: "y", lang: "vi" });
    const underWhisper = recorder(false);
    await pipeline.press(pageData(other, 1), group, underWhisper.talk);
    expect(underWhisper.done.map((d) => d.how)).toEqual(["post"]);
  });

  it("cuts a long reply into parts turned like pages, running the command's one reply again", async () => {
    const long = answer({ title: "long" });
    const cut = (r: Reply): Reply[] =>
      r.title === "long" ? [1, 2].map((n) => ({ ...r, title: `part ${n}`, paging: { page: n, pageCount: 2 } })) : [r];
    const { pages, seen, pipeline } = setup({ whispers: true, cut }, () => long);
    const first = recorder();
    await pipeline.command({ command: "x" }, group, first.talk);
    expect(first.done[0]?.reply?.title).toBe("part 1");
    const token = first.done[0]?.offers?.pages?.token ?? "";
    expect(await pages.get(token)).toMatchObject({ parts: true });
    const press = recorder(true);
    await pipeline.press(pageData(token, 2), group, press.talk);
    expect(seen[1]?.page).toBe(1);
    expect(press.done[0]).toMatchObject({ how: "replace", reply: { title: "part 2" } });
  });
});
