// The interactive console: the same commands as in a chat, plain-text replies, /quit or end of input exits.
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands as allCommands } from "../../../commands/index";
import { type Core, createCore } from "../../../src/app";
import { createConsoleAdapter } from "../../../src/platforms/console/console";
import { opsCore, sqliteStore, tempWorkspace } from "../../ops/support";

let ws: Awaited<ReturnType<typeof tempWorkspace>>;
let core: Core;

beforeAll(async () => {
  ws = await tempWorkspace();
  core = await opsCore(ws.data, undefined, ["console:local"]);
});
afterAll(() => ws.cleanup());

function session(lang?: "vi" | "en", saved?: "vi" | "en", width?: number, on: Core = core) {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = "";
  output.on("data", (d: Buffer) => {
    text += d.toString();
  });
  let ended = 0;
  const adapter = createConsoleAdapter(
    { input, output, ...(lang ? { lang } : {}), ...(width ? { width } : {}), onEnd: () => ended++ },
    {
      handle: (inv) => on.handle(inv),
      commands: on.commands,
      corpus: () => on.holder.get(),
      ...(saved ? { userLang: async () => saved } : {}),
    },
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

  it("says so when /next is asked on the last page, or /prev on the first", async () => {
    const s = session();
    await s.adapter.start();
    s.input.end("/timeline\n/prev\n/next\n/next\n/next\n");
    await s.adapter.finished;
    const out = s.output();
    const pages = Number(/Trang 1\/(\d+)/.exec(out)?.[1]);
    expect(out).toContain(`Đây là trang đầu (1/${pages}).`);
    expect(out).toContain(`Đây là trang cuối (${pages}/${pages}).`);
  });

  it("answers in the --lang given on the command line over a language saved with /lang", async () => {
    const explicit = session("en", "vi");
    await explicit.adapter.start();
    explicit.input.end("/province son la\n");
    await explicit.adapter.finished;
    expect(explicit.output()).toContain("Sơn La province, Vietnam.");
    // Without --lang, the saved language.
    const saved = session(undefined, "en");
    await saved.adapter.start();
    saved.input.end("/province son la\n");
    await saved.adapter.finished;
    expect(saved.output()).toContain("Sơn La province, Vietnam.");
  });

  it("wraps replies at word boundaries to the width of the terminal", async () => {
    const s = session("vi", undefined, 50);
    await s.adapter.start();
    s.input.end("/province son la\n");
    await s.adapter.finished;
    const lines = s.output().split("\n");
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(50);
    // Nothing was cut inside a word: every word of the unwrapped reply is still there whole.
    const unwrapped = session("vi");
    await unwrapped.adapter.start();
    unwrapped.input.end("/province son la\n");
    await unwrapped.adapter.finished;
    const words = (text: string) => text.split(/\s+/).filter((w) => w.length > 0 && w.length < 50);
    expect(words(s.output())).toEqual(words(unwrapped.output()));
  });

  it("shows the last cited answer's verbatim quotes when quotes is typed, and says so before any", async () => {
    const s = session("en");
    await s.adapter.start();
    s.input.end("quotes\n/province son la\n/help\nquotes\nquotes\n");
    await s.adapter.finished;
    const out = s.output();
    expect(out).toContain("This answer cites no source.");
    expect(out.indexOf("This answer cites no source.")).toBeLessThan(out.indexOf("Sơn La province, Vietnam."));
    // /help cites nothing: quotes still means the last answer that cited sources, and typed again, the same.
    expect([...out.matchAll(/Quotes — /g)]).toHaveLength(2);
    expect(out.slice(out.indexOf("Quotes — "))).toContain("Sơn La");
  });

  it("a /lang typed in the session wins over --lang from then on", async () => {
    const store = await sqliteStore(ws.root);
    const withStore = await opsCore(ws.data, store, ["console:local"]);
    const s = session("vi", undefined, undefined, withStore);
    await s.adapter.start();
    s.input.end("/province son la\n/lang en\n/province son la\n");
    await s.adapter.finished;
    await store.close();
    const out = s.output();
    expect(out).toContain("Tỉnh Sơn La, Việt Nam.");
    expect(out.indexOf("Tỉnh Sơn La, Việt Nam.")).toBeLessThan(out.indexOf("Sơn La province, Vietnam."));
  });

  it("takes the session's language from a command that declares it sets it, whatever its name", async () => {
    const store = await sqliteStore(ws.root);
    // /lang under another name: the console knows it by its declaration, not by its name.
    const renamed = allCommands.map((c) =>
      c.setsUserLang ? { ...c, name: "language", localName: { vi: "chọn" } } : c,
    );
    expect(renamed.some((c) => c.name === "language")).toBe(true);
    const on = await createCore({
      dataDir: ws.data,
      today: "2026-11-24",
      services: { isAdmin: () => true, store },
      commands: renamed,
    });
    const s = session("vi", undefined, undefined, on);
    await s.adapter.start();
    s.input.end("/language en\n/province son la\n");
    await s.adapter.finished;
    await store.close();
    expect(s.output()).toContain("Sơn La province, Vietnam.");
  });

  it("keeps --lang after a /lang that only says which language is saved, or is refused", async () => {
    const store = await sqliteStore(ws.root);
    await store.setUserLang("console:local", "en");
    const withStore = await opsCore(ws.data, store, ["console:local"]);
    const s = session("vi", undefined, undefined, withStore);
    await s.adapter.start();
    s.input.end("/lang\n/province son la\n/lang fr\n/province son la\n");
    await s.adapter.finished;
    await store.close();
    const out = s.output();
    expect(out).toContain("Bạn đang dùng tiếng Anh");
    expect([...out.matchAll(/Tỉnh Sơn La, Việt Nam\./g)]).toHaveLength(2);
    expect(out).not.toContain("Sơn La province, Vietnam.");
  });

  it("answers a line it cannot read, and paging with nothing to page, in the session's language", async () => {
    const s = session("en");
    await s.adapter.start();
    s.input.end("/???\nnext\n");
    await s.adapter.finished;
    expect(s.output()).toContain("Type /help to see the commands.");
    expect(s.output()).toContain("Nothing to page through.");
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
