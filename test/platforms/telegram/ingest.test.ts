// /ingest with a document through the real grammY client against the local Bot API: the page is fetched with
// getFile and the file address, becomes a draft in the inbox (a temp copy of data/), and the reply shows its
// review; non-admins, other file types and files over Telegram's download limit are refused before any download.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PAGES } from "../../ingest/support";
import { tempWorkspace } from "../../ops/support";
import { documentUpdate, type Json, startTelegramServer } from "../../support/telegram-server";
import { type Harness, startHarness } from "./harness";

const ADMIN_ID = 1001;
const MEMBER_ID = 2002;
let h: Harness;
let ws: Awaited<ReturnType<typeof tempWorkspace>>;

beforeEach(async () => {
  ws = await tempWorkspace();
  h = await startHarness({ dataDir: ws.data, admins: [`telegram:${ADMIN_ID}`], userLang: async () => "en" });
});
afterEach(async () => {
  await h.close();
  await ws.cleanup();
});

const page = async (name: string) => new Uint8Array(await readFile(join(PAGES, name)));
const draftIdOf = (text: string) => /(\d{4}-\d{2}-\d{2}-[0-9a-f]{6})/.exec(text)?.[1];

/** The first message the bot sent to `chatId`, as shown to the user. */
async function replyIn(chatId: number): Promise<string> {
  const [sent] = await h.server.waitFor("sendMessage", { where: (c) => c.params.chat_id === chatId });
  return String(sent?.result.text);
}

describe("/ingest with a document on Telegram", () => {
  it("an admin's .html captioned /ingest in a group becomes a draft in the inbox, the review sent privately", async () => {
    const doc = h.server.addFile("news-variants.html", await page("news-variants.html"), { mimeType: "text/html" });
    await h.server.pushUpdate(
      documentUpdate(doc, { caption: "/ingest", chatId: -100501, from: { id: ADMIN_ID, language_code: "en" } }),
    );
    expect(await replyIn(-100501)).toBe("I sent you the answer privately.");
    const text = await replyIn(ADMIN_ID);
    const id = draftIdOf(text);
    expect(id, text).toBeDefined();
    expect(text).toContain("telegram file news-variants.html");
    expect(text).toMatch(/09\/09\/2023/);
    // Fetched as the Bot API serves files: getFile, then the file address.
    const [getFile] = h.server.calls("getFile");
    expect(getFile?.params.file_id).toBe(doc.file_id);
    expect(h.server.calls("downloadFile")[0]?.params.file_path).toBe(getFile?.result.file_path);
    const draft = await readFile(join(ws.data, "inbox", `${id}.yaml`), "utf8");
    expect(draft).toContain("telegram file news-variants.html");
  });

  it("a .txt sent alone in a private chat, or captioned with the alias /nhap_bai, is ingested too", async () => {
    const alone = h.server.addFile("other-province.txt", await page("other-province.txt"));
    await h.server.pushUpdate(documentUpdate(alone, { chatId: ADMIN_ID, from: { id: ADMIN_ID } }));
    const first = await replyIn(ADMIN_ID);
    expect(first).toContain("Nghệ An");
    expect(draftIdOf(first)).toBeDefined();

    h.server.clear();
    const aliased = h.server.addFile("side-box-period.txt", await page("side-box-period.txt"));
    await h.server.pushUpdate(
      documentUpdate(aliased, { caption: "/nhap_bai", chatId: -100502, from: { id: ADMIN_ID } }),
    );
    expect(await replyIn(-100502)).toBe("I sent you the answer privately.");
    const second = await replyIn(ADMIN_ID);
    expect(draftIdOf(second), second).toBeDefined();
    expect(draftIdOf(second)).not.toBe(draftIdOf(first));
  });

  it("a member is refused by dispatch and nothing is downloaded", async () => {
    const doc = h.server.addFile("news-variants.html", await page("news-variants.html"));
    await h.server.pushUpdate(documentUpdate(doc, { caption: "/ingest", chatId: -100503, from: { id: MEMBER_ID } }));
    expect(await replyIn(-100503)).toContain("administrators only");
    expect(h.server.calls("getFile")).toHaveLength(0);
  });

  it("refuses other file types and files over Telegram's 20 MB download limit, before any download", async () => {
    const pdf = h.server.addFile("report.pdf", new Uint8Array([0x25, 0x50, 0x44, 0x46]), {
      mimeType: "application/pdf",
    });
    await h.server.pushUpdate(documentUpdate(pdf, { caption: "/ingest", chatId: -100504, from: { id: ADMIN_ID } }));
    expect(await replyIn(-100504)).toContain("“report.pdf” is not a news page");

    const huge = h.server.addFile("huge.html", new Uint8Array(), { declaredSize: 25 * 1024 * 1024 });
    await h.server.pushUpdate(documentUpdate(huge, { caption: "/ingest", chatId: -100505, from: { id: ADMIN_ID } }));
    expect(await replyIn(-100505)).toMatch(/too large/);
    expect(h.server.calls("getFile")).toHaveLength(0);
    expect(h.server.calls("downloadFile")).toHaveLength(0);
  });

  it("leaves documents alone in groups without a caption, and captions for other bots or commands", async () => {
    const doc = h.server.addFile("news-variants.html", await page("news-variants.html"));
    for (const caption of [undefined, "/ingest@OtherBot", "/province son la", "a page to read"]) {
      await h.server.pushUpdate(
        documentUpdate(doc, { ...(caption ? { caption } : {}), chatId: -100506, from: { id: ADMIN_ID } }),
      );
    }
    // A text command after them is answered: the documents were handled (ignored), not stuck.
    await h.server.pushUpdate(documentUpdate(doc, { caption: "/ingest", chatId: -100507, from: { id: MEMBER_ID } }));
    await replyIn(-100507);
    expect(h.server.calls("sendMessage").filter((c) => c.params.chat_id === -100506)).toHaveLength(0);
  });
});

describe("the local Bot API serves files as Telegram does", () => {
  it("getFile refuses an unknown file_id and a file over 20 MB; the file address needs the token", async () => {
    const server = await startTelegramServer();
    try {
      const call = async (params: object) => {
        const res = await fetch(`${server.apiRoot}/bot${server.token}/getFile`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(params),
        });
        return (await res.json()) as { ok: boolean; error_code?: number; description?: string; result?: Json };
      };
      expect(await call({ file_id: "nope" })).toMatchObject({
        ok: false,
        error_code: 400,
        description: "Bad Request: invalid file_id",
      });
      const big = server.addFile("big.txt", new Uint8Array(), { declaredSize: 21 * 1024 * 1024 });
      expect((await call({ file_id: big.file_id })).description).toBe("Bad Request: file is too big");
      const small = server.addFile("a.txt", new TextEncoder().encode("xin chào"));
      const file = await call({ file_id: small.file_id });
      expect(file.result).toMatchObject({ file_id: small.file_id, file_size: 9 });
      const got = await fetch(`${server.apiRoot}/file/bot${server.token}/${file.result.file_path}`);
      expect(await got.text()).toBe("xin chào");
      expect((await fetch(`${server.apiRoot}/file/bot1:wrong/${file.result.file_path}`)).status).toBe(401);
      expect((await fetch(`${server.apiRoot}/file/bot${server.token}/documents/none.txt`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
