// The planner alone: which periods are owed at an instant, from subscriptions only (no store, no clock).
import { describe, expect, it } from "vitest";
import { LOOKBACK_PERIODS, plan } from "../../src/schedule/planner";
import { at, sub } from "./helpers";

const keys = (owed: { period: { key: string } }[]) => owed.map((o) => o.period.key);

describe("the planner", () => {
  it("owes today's digest once its time has come, and not before", () => {
    const s = sub("telegram:1", { createdAt: at("2027-07-15 07:00").toISOString() });
    expect(plan([s], at("2027-07-15 07:59"), "same-day").due).toEqual([]);
    expect(keys(plan([s], at("2027-07-15 08:00"), "same-day").due)).toEqual(["digest:telegram:1:2027-07-15"]);
  });

  it("splits earlier periods into due (within the catch-up window) and overdue, oldest first", () => {
    const s = sub("telegram:1", { createdAt: at("2027-07-12 07:00").toISOString() });
    const p = plan([s], at("2027-07-15 09:00"), { minutes: 30 });
    expect(keys(p.due)).toEqual([]);
    expect(keys(p.overdue)).toEqual([
      "digest:telegram:1:2027-07-12",
      "digest:telegram:1:2027-07-13",
      "digest:telegram:1:2027-07-14",
      "digest:telegram:1:2027-07-15",
    ]);
    expect(p.keys.size).toBe(4);
    expect(keys(plan([s], at("2027-07-15 08:20"), { minutes: 30 }).due)).toEqual(["digest:telegram:1:2027-07-15"]);
  });

  it("looks back a bounded number of periods, never before the subscription", () => {
    const old = sub("telegram:1", { createdAt: "2020-01-01T00:00:00Z" });
    expect(plan([old], at("2027-07-15 09:00"), "same-day").overdue).toHaveLength(LOOKBACK_PERIODS.daily);
    const weekly = sub("telegram:2", { cadence: "weekly", weekday: 4, createdAt: "2020-01-01T00:00:00Z" });
    const p = plan([weekly], at("2027-07-15 09:00"), "same-day");
    expect(keys(p.due)).toEqual(["digest:telegram:2:2027-W28"]);
    expect(p.overdue).toHaveLength(LOOKBACK_PERIODS.weekly);
  });
});
