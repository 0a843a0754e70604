// The planner: which digests are owed at an instant, from the subscriptions alone (no store, no clock of its
// own). For each subscription it looks at the current period once its time has come, and at the periods before
// it (up to LOOKBACK_PERIODS back, never before the subscription as it stands was made): those still within
// the catch-up window are due; older ones are overdue (to be settled as missed, or delivered late).
import type { Cadence, Subscription } from "../core/services";
import { type CatchUp, inPlaceSince, type Period, periodAt, previousPeriod, withinCatchUp } from "./period";

/**
 * How many periods before the current one are looked at: one left with no record (the bot was down for
 * days) is recorded as missed. Older ones are left alone.
 */
export const LOOKBACK_PERIODS: Record<Cadence, number> = { daily: 7, weekly: 4 };

export interface Owed {
  sub: Subscription;
  period: Period;
}

export interface Plan {
  /** Within the catch-up window: to be claimed and sent, oldest period first. */
  due: Owed[];
  /** Past the window: missed, unless a claim outlived the window (see DeliveryLedger.overdue). */
  overdue: Owed[];
  /** Every delivery key looked at (what the ledger needs to remember). */
  keys: Set<string>;
}

/** The periods to look at for one subscription, oldest first. */
export function periodsToCheck(sub: Subscription, now: Date): Period[] {
  const since = inPlaceSince(sub);
  const periods: Period[] = [];
  let period = periodAt(sub, now);
  for (let back = 0; back <= LOOKBACK_PERIODS[sub.cadence]; back++) {
    if (period.due.toMillis() < since) break;
    if (period.due.toMillis() <= now.getTime()) periods.push(period);
    period = previousPeriod(sub, period);
  }
  return periods.reverse();
}

export function plan(subs: readonly Subscription[], now: Date, catchUp: CatchUp): Plan {
  const out: Plan = { due: [], overdue: [], keys: new Set() };
  for (const sub of subs) {
    for (const period of periodsToCheck(sub, now)) {
      out.keys.add(period.key);
      (withinCatchUp(period, now, catchUp) ? out.due : out.overdue).push({ sub, period });
    }
  }
  return out;
}
