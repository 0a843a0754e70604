import { beforeAll, describe, expect, it } from "vitest";
import { createCore, DEFAULT_DATA_DIR } from "../../src/app";
import { Corpus } from "../../src/core/corpus";
import { CorpusHolder } from "../../src/corpus/holder";
import { ask, plain, testCore } from "../support/core";
import { corpusData } from "../support/corpus-data";

describe("/timeline", () => {
  let core: Awaited<ReturnType<typeof testCore>>;
  beforeAll(async () => {
    core = await testCore();
  });

  it("orders events oldest first with honest precision, undated last, in pages", async () => {
    const first = await ask(core, "/timeline");
    // At least ten events a page, one line each; the first page says which years each page covers.
    expect(first.paging).toEqual({ page: 1, pageCount: 2 });
    expect(plain(first)).toContain(
      "12 sự kiện trong 2 trang: trang 1 — 2019 – 2024, không rõ ngày; trang 2 — không rõ ngày.",
    );
    expect(first.blocks.flatMap((b) => (b.kind === "list" ? b.items : []))).toHaveLength(10);
    const pages = [plain(first), plain(await ask(core, "/timeline", "vi", 2))];
    const all = pages.join("\n");
    const order = [
      "2019 – 2021 —",
      "11/2019 – 2021 —",
      "2020 – 2021 —",
      "2021 (năm được suy ra) —",
      "12/2021 —",
      "16/08/2022",
      "27/08/2022",
      "26/01/2024",
      "không rõ ngày —",
    ];
    const positions = order.map((s) => all.indexOf(s));
    expect(
      positions.every((p) => p >= 0),
      order.join(", "),
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(pages[1]).toContain("không rõ ngày");
    expect(all).toContain("26/01/2024 (năm được suy ra)");
    // A page past the end shows the last page rather than nothing.
    expect((await ask(core, "/timeline", "vi", 99)).paging).toEqual({ page: 2, pageCount: 2 });
  });

  it("filters by province and year range", async () => {
    const reply = await ask(core, "/timeline luang prabang 2019-2021", "en");
    const text = plain(reply);
    expect(text).toContain("Covid-19");
    expect(text).toContain("Sơn La receives students from Luang Prabang");
    expect(text).not.toContain("27/08/2022");
    const year = plain(await ask(core, "/timeline 2024", "en"));
    expect(year).toContain("Xaisomboun");
    expect(year).not.toContain("2022");
  });

  it("reads a reversed range or two years as the same range, and refuses a half range", async () => {
    const reversed = await ask(core, "/timeline 2024-2019");
    expect(reversed.title).toBe("Dòng thời gian — 2019–2024");
    expect((await ask(core, "/timeline 2019 2024")).title).toBe("Dòng thời gian — 2019–2024");
    expect((await ask(core, "/timeline 2019-")).error?.code).toBe("bad-argument");
  });
});

describe("/timeline over many events", () => {
  it("names the whole list's years, not each of a hundred pages, and answers the same on every call", async () => {
    const loaded = await corpusData(DEFAULT_DATA_DIR);
    if (!loaded.ok) throw new Error("data/ does not load");
    // The corpus's events fifteen times over, under other ids: 180 events, 18 pages.
    const events = Array.from({ length: 15 }, (_, k) => loaded.data.events.map((e) => ({ ...e, id: `${e.id}-${k}` })));
    const corpus = new Corpus({ ...loaded.data, events: events.flat() }, new Map(loaded.texts), "many-events");
    const core = await createCore({
      today: "2026-11-24",
      holder: new CorpusHolder(corpus, DEFAULT_DATA_DIR, async () => ({ ok: false, errors: [] })),
    });
    const first = await ask(core, "/timeline");
    expect(first.paging).toEqual({ page: 1, pageCount: 18 });
    expect(plain(first)).toContain("180 sự kiện trong 18 trang: 2019 – 2024, không rõ ngày.");
    expect(plain(first)).not.toContain("trang 2 —");
    expect(plain(await ask(core, "/timeline"))).toBe(plain(first));
    // A period is taken from the same order: every 2022 event, oldest first.
    const in2022 = await ask(core, "/timeline 2022");
    expect(plain(in2022)).toContain("sự kiện trong");
    const dates = in2022.blocks.flatMap((b) => (b.kind === "list" ? b.items.map((i) => i.text.slice(0, 10)) : []));
    expect(dates.length).toBe(10);
    expect(dates.every((d) => d.endsWith("2022"))).toBe(true);
  });
});
