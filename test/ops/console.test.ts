// The interactive console: the same commands as in a chat, plain-text replies, /quit or end of input exits.
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/app";
import { createConsoleAdapter } from "../../src/platforms/console/console";
import { opsCore, tempWorkspace } from "./support";

let ws: Awaited<ReturnType<typeof tempWorkspace>>;
let core: Core;

beforeAll(async () => {
  ws = await tempWorkspace();
  core = await opsCore(ws.data, undefined, ["console:local"]);
});
afterAll(() => ws.cleanup());

function session(lang: "vi" | "en" = "vi") {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = "";
  output.on("data", (d: Buffer) => {
    text += d.toString();
  });
  let ended = 0;
  const adapter = createConsoleAdapter(
    { input, output, lang, onEnd: () => ended++ },
    { handle: (inv) => core.handle(inv), commands: core.commands, corpus: () => core.holder.get() },
  );
  return { input, adapter, output: () => text, ended: () => ended };
}

describe("console", () => {
  it("answers commands in order, with or without the slash, and ends on end of input", async () => {
    const s = session();
    await s.adapter.start();
    expect(s.adapter.connected()).toBe(true);
    s.input.write("/province son la\n");
    s.input.write("help\n");
    s.input.write("xieng khouang\n");
    s.input.end();
    await s.adapter.finished;

    const out = s.output();
    expect(out).toContain("Sơn La");
    expect(out).toContain("[1]");
    expect(out.indexOf("Sơn La")).toBeLessThan(out.indexOf("/help [lệnh]"));
    // A line without a slash that names a province is answered as /province.
    expect(out.indexOf("/help [lệnh]")).toBeLessThan(out.indexOf("Tỉnh Xiêng Khoảng, Lào."));
    expect(s.ended()).toBe(1);
    expect(s.adapter.connected()).toBe(false);
  });

  it("stops reading after /quit", async () => {
    const s = session("en");
    await s.adapter.start();
    s.input.write("/quit\n");
    await s.adapter.finished;
    s.input.write("/help\n");
    expect(s.output()).not.toContain("/help [command]");
    expect(s.ended()).toBe(1);
  });

  it("runs admin commands as console:local when that id is an admin", async () => {
    const s = session("en");
    await s.adapter.start();
    s.input.end("/reload\n");
    await s.adapter.finished;
    expect(s.output()).toContain(`Data reloaded — ${core.holder.get().version}`);
  });

  it("pages with /next and /prev", async () => {
    const first = await core.handle({
      command: "timeline",
      text: "",
      lang: "vi",
      caller: {
        userId: "console:local",
        chatId: "console:local",
        platform: "console",
        isChatAdmin: true,
        chatKind: "private",
      },
    });
    const pages = first.paging?.pageCount ?? 1;
    expect(pages).toBeGreaterThan(1);
    const s = session();
    await s.adapter.start();
    s.input.end("/timeline\n/next\n/prev\n");
    await s.adapter.finished;
    const marks = [...s.output().matchAll(/Trang (\d+)\/(\d+)/g)].map((m) => Number(m[1]));
    expect(marks).toEqual([1, 2, 1]);
  });

  it("prints a digest sent to it", async () => {
    const s = session();
    await s.adapter.start();
    await s.adapter.send("console:local", { lang: "vi", title: "Bản tin hôm nay", blocks: [], citations: [] });
    s.input.end();
    await s.adapter.finished;
    expect(s.output()).toContain("Bản tin hôm nay");
  });
});
