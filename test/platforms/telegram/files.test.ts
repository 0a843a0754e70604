// Charts and briefing notes on Telegram: sendPhoto / sendDocument as multipart uploads through the real grammY
// client, the fake Bot API checking them as Telegram does, and the action buttons under /province.
import { unzipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { decodePng } from "../../render/png-decode";
import { callbackUpdate, messageUpdate, startTelegramServer } from "../../support/telegram-server";
import { type Harness, startHarness, TODAY } from "./harness";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const day = `${TODAY.slice(8, 10)}-${TODAY.slice(5, 7)}-${TODAY.slice(0, 4)}`;

describe("files on Telegram", () => {
  it("/timeline chart: a PNG photo with a caption within 1,024 characters, then the cited key", async () => {
    h = await startHarness();
    await h.server.pushUpdate(messageUpdate("/timeline chart", { chatId: 701 }));
    const [photo] = await h.server.waitFor("sendPhoto");
    expect(photo?.status).toBe(200);
    const upload = photo?.params.photo.upload;
    expect(upload.filename).toBe(`Hữu Nghị – Biểu đồ – ${day}.png`);
    const image = decodePng(upload.bytes);
    expect(image.width).toBe(1200);
    expect(photo?.result.photo[0]).toMatchObject({ width: image.width, height: image.height });
    expect([...String(photo?.params.caption)].length).toBeLessThanOrEqual(1024);
    expect(photo?.params.caption).toContain("Dòng thời gian hợp tác");
    // The text follows: the numbered key with its citations, and the source list.
    const [text] = await h.server.waitFor("sendMessage", { where: (c) => c.params.chat_id === 701 });
    expect(text?.params.text).toContain("Sự kiện trên trục thời gian");
    expect(text?.params.text).toMatch(/\[1\]/);
    const order = h.server.sent.filter((c) => c.params.chat_id === 701).map((c) => c.method);
    expect(order.indexOf("sendPhoto")).toBeLessThan(order.indexOf("sendMessage"));
  });

  it("/province offers 📊 and 📄 buttons; pressing them sends the chart and the .docx, the answer stays", async () => {
    h = await startHarness();
    await h.server.pushUpdate(messageUpdate("/province son la", { chatId: 702 }));
    const [answer] = await h.server.waitFor("sendMessage", {
      where: (c) => c.params.chat_id === 702 && c.params.reply_markup,
    });
    const buttons = answer?.result.reply_markup.inline_keyboard.flat() as { text: string; callback_data: string }[];
    const chart = buttons.find((b) => b.text === "📊 Biểu đồ");
    const brief = buttons.find((b) => b.text === "📄 Tải báo cáo");
    expect(chart && brief).toBeTruthy();

    await h.server.pushUpdate(callbackUpdate(brief?.callback_data ?? "", answer?.result));
    const [doc] = await h.server.waitFor("sendDocument");
    expect(doc?.status).toBe(200);
    expect(doc?.params.document.upload.filename).toBe(`Hữu Nghị – Sơn La – ${day}.docx`);
    expect(doc?.result.document.file_name).toBe(`Hữu Nghị – Sơn La – ${day}.docx`);
    const files = unzipSync(new Uint8Array(doc?.params.document.upload.bytes));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(["word/document.xml", "word/footnotes.xml"]));

    await h.server.pushUpdate(callbackUpdate(chart?.callback_data ?? "", answer?.result));
    const [photo] = await h.server.waitFor("sendPhoto");
    expect(photo?.params.caption).toContain("Sơn La");
    // The briefing answer was not replaced by either file.
    expect(h.server.calls("editMessageText")).toHaveLength(0);
  });

  it("English readers get English files", async () => {
    h = await startHarness({ userLang: async () => "en" });
    await h.server.pushUpdate(messageUpdate("/brief luang prabang", { chatId: 703 }));
    const [doc] = await h.server.waitFor("sendDocument");
    expect(doc?.params.caption).toContain("Cooperation briefing note — Luang Prabang");
  });
});

describe("the fake Bot API refuses uploads as Telegram does", () => {
  async function post(method: string, form: FormData) {
    const server = await startTelegramServer();
    try {
      const res = await fetch(`${server.apiRoot}/bot${server.token}/${method}`, { method: "POST", body: form });
      return (await res.json()) as { ok: boolean; error_code?: number; description?: string };
    } finally {
      await server.close();
    }
  }
  const png = (width: number, height: number) => {
    const b = Buffer.alloc(33);
    b.writeUInt32BE(0x89504e47, 0);
    b.writeUInt32BE(0x0d0a1a0a, 4);
    b.write("IHDR", 12, "latin1");
    b.writeUInt32BE(width, 16);
    b.writeUInt32BE(height, 20);
    return new Blob([b]);
  };

  it("a caption over 1,024 characters", async () => {
    const form = new FormData();
    form.set("chat_id", "1");
    form.set("caption", "x".repeat(1025));
    form.set("photo", png(100, 100), "a.png");
    expect(await post("sendPhoto", form)).toMatchObject({
      ok: false,
      error_code: 400,
      description: "Bad Request: message caption is too long",
    });
  });

  it("a photo whose sides add up to more than 10,000, or that is not a picture", async () => {
    const form = new FormData();
    form.set("chat_id", "1");
    form.set("photo", png(9000, 2000), "a.png");
    expect((await post("sendPhoto", form)).description).toBe("Bad Request: PHOTO_INVALID_DIMENSIONS");
    const text = new FormData();
    text.set("chat_id", "1");
    text.set("photo", new Blob(["not a picture"]), "a.png");
    expect((await post("sendPhoto", text)).description).toBe("Bad Request: IMAGE_PROCESS_FAILED");
  });

  it("a document request without a document", async () => {
    const form = new FormData();
    form.set("chat_id", "1");
    expect((await post("sendDocument", form)).description).toBe("Bad Request: there is no document in the request");
  });
});
