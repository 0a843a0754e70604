// /ingest, /inbox and /review through dispatch, on a private copy of data/ with a real store: admins only (refusals
// audited), a pasted article and a sent file become drafts, nothing reaches users before approval, approval moves
// the records in, reloads, and writes one audit entry.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/app";
import type { StateStore } from "../../src/core/services";
import { PAGES } from "../ingest/support";
import { ADMIN, ask, caller, MEMBER, opsCore, plain, sqliteStore, tempWorkspace } from "../ops/support";

let ws: Awaited<ReturnType<typeof tempWorkspace>>;
let store: StateStore;
let core: Core;

beforeAll(async () => {
  ws = await tempWorkspace();
  store = await sqliteStore(ws.root);
  core = await opsCore(ws.data, store);
});
afterAll(async () => {
  await store.close();
  await ws.cleanup();
});

const draftIdOf = (title: string) => /(\d{4}-\d{2}-\d{2}-[0-9a-f]{6})/.exec(title)?.[1] ?? "";

describe("ingest commands", () => {
  it("are for admins only, and a refusal is audited", async () => {
    for (const line of ["/ingest some text", "/inbox", "/review x"]) {
      expect((await ask(core, line, MEMBER)).error?.code, line).toBe("admin-only");
    }
    const audit = await store.listAudit(5);
    expect(audit.some((e) => e.who === MEMBER && e.what.startsWith("/review") && e.result === "refused")).toBe(true);
  });

  it("drafts a pasted article (lines kept), lists it, and keeps it from users until approved", async () => {
    const text = await readFile(join(PAGES, "other-province.txt"), "utf8");
    const reply = await ask(core, `/ingest ${text}`);
    expect(reply.error).toBeUndefined();
    const id = draftIdOf(reply.title);
    expect(id).not.toBe("");
    const shown = plain(reply);
    expect(shown).toContain("Nghệ An và Xiêng Khoảng ký thỏa thuận hợp tác giai đoạn 2024 - 2028");
    expect(shown).toContain("term of office, not an agreement period: nhiệm kỳ 2021-2026");
    expect(shown).toMatch(/agr-nghe-an-xieng-khouang-2024-2028/);

    expect(plain(await ask(core, "/inbox"))).toContain(id);
    expect(plain(await ask(core, `/review ${id}`))).toContain("Translation pending");
    // Not in the corpus yet: Nghệ An is a gazetteer entry with no content.
    expect(plain(await ask(core, "/province Nghệ An", MEMBER))).not.toContain("2024 – 2028");

    const approved = await ask(core, `/review ${id} approve`);
    expect(approved.error).toBeUndefined();
    expect(approved.title).toMatch(/^Approved \d+ record/);
    const province = plain(await ask(core, "/province Nghệ An", MEMBER));
    expect(province).toContain("Xiêng Khoảng");
    expect(province).toMatch(/2024/);
    expect(await ask(core, "/inbox").then(plain)).toContain("No drafts waiting");
    const audit = await store.listAudit(10);
    expect(audit.find((e) => e.what.startsWith("/review") && e.result === "ok")?.detail).toMatch(/^approved \d+ from/);
  });

  it("drafts a file sent with the command (a Telegram document or Discord attachment)", async () => {
    const bytes = new Uint8Array(await readFile(join(PAGES, "news-variants.html")));
    const reply = await core.handle({
      command: "ingest",
      text: "",
      lang: "vi",
      caller: caller(ADMIN),
      attachment: { name: "news-variants.html", size: bytes.byteLength, load: async () => bytes },
    });
    expect(reply.error).toBeUndefined();
    expect(plain(reply)).toContain("telegram file news-variants.html");
    expect(plain(reply)).toMatch(/09\/09\/2023/);
    const id = draftIdOf(reply.title);
    const rejected = await ask(core, `/review ${id} reject`);
    expect(rejected.title).toContain(id);
    expect((await ask(core, `/review ${id}`)).error?.code).toBe("no-such-draft");
  });

  it("says what to send when there is nothing to ingest, and refuses bad actions and unknown drafts", async () => {
    expect((await ask(core, "/ingest")).error?.code).toBe("no-page");
    expect((await ask(core, "/review nope")).error?.code).toBe("no-such-draft");
    expect((await ask(core, "/review nope publish")).error?.code).toBe("bad-argument");
    const binary = new Uint8Array([0xff, 0xfe, 0x00, 0x41]);
    const reply = await core.handle({
      command: "ingest",
      lang: "en",
      caller: caller(ADMIN),
      attachment: { name: "photo.jpg", load: async () => binary },
    });
    expect(reply.error?.code).toBe("bad-page");
    expect(plain(reply)).toContain("photo.jpg is not UTF-8 text");
    const inVietnamese = await core.handle({
      command: "ingest",
      lang: "vi",
      caller: caller(ADMIN),
      attachment: { name: "photo.jpg", load: async () => binary },
    });
    expect(plain(inVietnamese)).toContain("photo.jpg không phải văn bản UTF-8");
  });
});
