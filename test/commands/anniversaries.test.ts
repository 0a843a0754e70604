import { describe, expect, it } from "vitest";
import { nextOccurrence } from "../../src/core/anniversaries";
import { ask, plain, testCore } from "../support/core";

describe("/anniversaries", () => {
  it("marks the 50th of the Treaty on 18/07/2027 as a round milestone", async () => {
    const core = await testCore("2027-07-01");
    const reply = await ask(core, "/anniversaries 30");
    const text = plain(reply);
    expect(text).toContain(
      "50 năm Ngày ký Hiệp ước Hữu nghị và Hợp tác Việt Nam – Lào, 18/07/2027 (còn 17 ngày) ★ mốc tròn",
    );
    expect(text).toContain("Mốc tròn tiếp theo: 55 năm, 18/07/2032");
    expect(reply.citations[0]?.source).toBe("reference-anniversaries.md");
  });

  it("names the next round milestone the day after the 65th of diplomatic relations", async () => {
    const core = await testCore("2027-09-06");
    const relations = core.holder.get().data.anniversaries.find((a) => a.id === "diplomatic-relations");
    if (!relations) throw new Error("diplomatic-relations missing from the corpus");
    const next = nextOccurrence(relations, "2027-09-06");
    expect(next).toMatchObject({ years: 66, date: "2028-09-05", nextRound: { years: 70, date: "2032-09-05" } });
    const onTheDay = nextOccurrence(relations, "2027-09-05");
    expect(onTheDay).toMatchObject({ years: 65, round: true, daysAway: 0 });
  });

  it("shows upcoming dates in English from today (24/11/2026)", async () => {
    const core = await testCore("2026-11-24");
    const text = plain(await ask(core, "/anniversaries 30", "en"));
    expect(text).toContain("51st anniversary: Lao National Day (founding of the Lao PDR), 02/12/2026 (in 8 days)");
    expect(text).toContain("Next round milestone: 55th anniversary, 02/12/2030");
    expect(text).toContain("82nd anniversary: Founding of the Vietnam People's Army, 22/12/2026");
  });

  it("says when the next one is if none falls in the window, and bounds the days", async () => {
    const core = await testCore("2027-09-06");
    expect(plain(await ask(core, "/anniversaries 5", "en"))).toContain("The next one:");
    expect((await ask(core, "/anniversaries 0")).error?.code).toBe("bad-argument");
    expect((await ask(core, "/anniversaries 9999")).error?.code).toBe("bad-argument");
  });

  it("names the next round milestone of the main anniversaries when none falls in the window", async () => {
    const core = await testCore("2027-09-06");
    const text = plain(await ask(core, "/anniversaries 30"));
    expect(text).toContain("Mốc tròn tiếp theo của các ngày kỷ niệm chính");
    expect(text).toContain("70 năm Ngày thiết lập quan hệ ngoại giao Việt Nam – Lào, 05/09/2032 [1]");
    expect(text).toContain("55 năm Ngày ký Hiệp ước Hữu nghị và Hợp tác Việt Nam – Lào, 18/07/2032 [2]");
    expect(plain(await ask(core, "/anniversaries 30", "en"))).toContain(
      "70th anniversary: Establishment of Vietnam–Laos diplomatic relations, 05/09/2032",
    );
  });
});
