import { beforeAll, describe, expect, it } from "vitest";
import { ask, plain, testCore } from "../support/core";

describe("/timeline", () => {
  let core: Awaited<ReturnType<typeof testCore>>;
  beforeAll(async () => {
    core = await testCore();
  });

  it("orders events oldest first with honest precision, undated last, in pages", async () => {
    const first = await ask(core, "/timeline");
    expect(first.paging).toEqual({ page: 1, pageCount: 2 });
    const text = plain(first);
    expect(text.indexOf("2019 – 2021")).toBeLessThan(text.indexOf("11/2019 – 2021"));
    expect(text).toContain("12/2021 —");
    const second = plain(await ask(core, "/timeline", "vi", 2));
    expect(second).toContain("không rõ ngày");
    expect(second).toContain("26/01/2024 (năm được suy ra)");
  });

  it("filters by province and year range", async () => {
    const reply = await ask(core, "/timeline luang prabang 2019-2021", "en");
    const text = plain(reply);
    expect(text).toContain("Covid-19");
    expect(text).toContain("78 students");
    expect(text).not.toContain("27/08/2022");
    const year = plain(await ask(core, "/timeline 2024", "en"));
    expect(year).toContain("Xaisomboun");
    expect(year).not.toContain("2022");
  });

  it("refuses a reversed range", async () => {
    expect((await ask(core, "/timeline 2024-2019")).error?.code).toBe("bad-argument");
  });
});
