// Page buttons: only the buttons that lead somewhere, callback data within Telegram's 64 bytes.
import { describe, expect, it } from "vitest";
import { PageTokens, parsePageData } from "../../../src/core/paging";
import type { Reply } from "../../../src/core/reply";
import { offersFor, pageToken } from "../../../src/platforms/shared/offers";
import { expiredButtonText, pageKeyboard, replyKeyboard } from "../../../src/platforms/telegram/keyboard";

const paged = (page: number, pageCount: number): Reply => ({
  lang: "vi",
  title: "t",
  blocks: [],
  citations: [],
  paging: { page, pageCount },
});
const labels = (reply: Reply, token = "tok") =>
  pageKeyboard(reply, token)
    ?.inline_keyboard.flat()
    .map((b) => b.text);

describe("pageKeyboard", () => {
  it("offers first/previous/next/last only where they lead somewhere", () => {
    expect(labels(paged(1, 5))).toEqual(["· 1/5 ·", "2 ›", "5 »"]);
    expect(labels(paged(3, 5))).toEqual(["« 1", "‹ 2", "· 3/5 ·", "4 ›", "5 »"]);
    expect(labels(paged(5, 5))).toEqual(["« 1", "‹ 4", "· 5/5 ·"]);
    expect(labels(paged(2, 2))).toEqual(["‹ 1", "· 2/2 ·"]);
  });

  it("has no keyboard for a single page or without a token", () => {
    expect(pageKeyboard(paged(1, 1), "tok")).toBeUndefined();
    expect(pageKeyboard({ lang: "vi", title: "t", blocks: [], citations: [] }, "tok")).toBeUndefined();
    expect(pageKeyboard(paged(1, 3), undefined)).toBeUndefined();
  });

  it("points each button at its page through a token the core can resolve, within 64 bytes", async () => {
    const pages = new PageTokens();
    const reply = paged(9998, 9999);
    const token = pageToken(reply, pages, { command: "search", text: "x".repeat(500), lang: "vi" });
    const buttons = pageKeyboard(reply, token)?.inline_keyboard.flat() ?? [];
    for (const b of buttons) {
      const data = "callback_data" in b ? b.callback_data : "";
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      const parsed = parsePageData(data);
      expect((await pages.get(parsed?.token ?? ""))?.command).toBe("search");
    }
    expect(buttons.map((b) => ("callback_data" in b ? parsePageData(b.callback_data)?.page : 0))).toEqual([
      1, 9997, 9998, 9999,
    ]);
    expect(pageToken(paged(1, 1), pages, { command: "search", lang: "vi" })).toBeUndefined();
  });

  it("adds one button per suggestion, each a token for the suggested command, under the page row", async () => {
    const pages = new PageTokens();
    const reply: Reply = {
      ...paged(1, 2),
      suggestions: [
        { command: "/province Sơn La", label: "Sơn La" },
        { command: `/search ${"dài ".repeat(40)}`, label: "x" },
        { command: "not a command", label: "y" },
      ],
    };
    const rows = replyKeyboard(offersFor(reply, pages, "en", { token: "tok" }))?.inline_keyboard ?? [];
    expect(rows).toHaveLength(3);
    expect(rows[0]?.map((b) => b.text)).toEqual(["· 1/2 ·", "2 ›"]);
    const [province, search] = [rows[1]?.[0], rows[2]?.[0]];
    expect(province?.text).toBe("→ /province Sơn La");
    expect(search?.text.length).toBeLessThanOrEqual(50);
    const target = parsePageData(province && "callback_data" in province ? province.callback_data : "");
    expect(target?.page).toBe(1);
    expect(await pages.get(target?.token ?? "")).toEqual({ command: "province", text: "Sơn La", lang: "en" });
    expect(
      replyKeyboard(offersFor({ lang: "vi", title: "t", blocks: [], citations: [] }, pages, "vi")),
    ).toBeUndefined();
  });

  it("says an expired button must be run again, in both languages", () => {
    expect(expiredButtonText("vi")).toContain("hết hạn");
    expect(expiredButtonText("en")).toContain("expired");
  });
});
