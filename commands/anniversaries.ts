import { nextAnniversary, nextOccurrence, upcomingAnniversaries } from "../src/core/anniversaries";
import { Citer } from "../src/core/cite";
import type { Command, CommandReply } from "../src/core/command";
import { formatIsoDay } from "../src/core/format";
import { pick, words } from "../src/core/i18n";
import type { Anniversary } from "../src/core/model";

export const anniversaries: Command = {
  name: "anniversaries",
  localName: { vi: "ngày-kỷ-niệm" },
  description: { vi: "Các ngày kỷ niệm sắp tới", en: "Upcoming anniversaries" },
  help: {
    vi: "Các ngày kỷ niệm Việt Nam – Lào trong N ngày tới (mặc định 30, tính theo giờ Việt Nam), kèm số năm, đánh dấu mốc tròn (chia hết cho 5) và mốc tròn tiếp theo của mỗi ngày kỷ niệm.",
    en: "Vietnam–Laos anniversaries in the next N days (default 30, Vietnam time), with the ordinal, round-number milestones (multiples of five) marked, and each one's next round milestone.",
  },
  args: [
    {
      name: "days",
      localName: { vi: "số-ngày" },
      kind: "integer",
      required: false,
      min: 1,
      max: 366,
      description: { vi: "Số ngày tới (1–366)", en: "Days ahead (1–366)" },
    },
  ],
  examples: ["/anniversaries", "/anniversaries 365"],
  run(ctx, args): CommandReply {
    const { corpus, lang, today } = ctx;
    const w = words(lang);
    const days = typeof args.days === "number" ? args.days : 30;
    const upcoming = upcomingAnniversaries(corpus, today, days);
    const citer = new Citer(corpus);
    const title = w.anniversariesCommand.title(days, formatIsoDay(today));
    const years = w.anniversariesCommand.years;
    const items = upcoming.map((u) => {
      const when = u.daysAway === 0 ? w.today : `${w.in} ${u.daysAway} ${w.days}`;
      const round = u.round ? ` ★ ${w.roundMilestone}` : "";
      const level = u.anniversary.confidence;
      const confidence = level === "high" ? "" : ` (${w.confidence.toLowerCase()}: ${w.confidenceLevel[level]})`;
      return {
        text: `${w.anniversariesCommand.lead(years(u.years))} ${pick(u.anniversary.name, lang)}, ${formatIsoDay(u.date)} (${when})${round}${confidence}. ${w.nextRound}: ${years(u.nextRound.years)}, ${formatIsoDay(u.nextRound.date)}`,
        cites: citer.cite(u.anniversary.id, u.anniversary.sources.slice(0, 1)),
        strong: u.round,
      };
    });
    if (items.length === 0) {
      // Still useful: say when the next one is.
      const next = nextAnniversary(corpus, today);
      const text = next
        ? w.anniversariesCommand.none(
            days,
            `${years(next.years)} ${pick(next.anniversary.name, lang)}, ${formatIsoDay(next.date)}`,
          )
        : w.nothingFound;
      // As the help promises: the next round milestone of each main anniversary, even when none is near.
      const milestones = MAIN.flatMap((id) => {
        const found = corpus.byId.get(id);
        const a = found?.kind === "anniversaries" ? (found.record as Anniversary) : undefined;
        if (!a) return [];
        const u = nextOccurrence(a, today);
        const round = u.round ? { years: u.years, date: u.date } : u.nextRound;
        return [
          {
            text: `${w.anniversariesCommand.lead(years(round.years))} ${pick(a.name, lang)}, ${formatIsoDay(round.date)}`,
            cites: citer.cite(a.id, a.sources.slice(0, 1)),
          },
        ];
      });
      return {
        title,
        blocks: [
          { kind: "text", line: { text } },
          ...(milestones.length
            ? [
                { kind: "heading" as const, text: w.anniversariesCommand.mainMilestones },
                { kind: "list" as const, items: milestones },
              ]
            : []),
        ],
        citations: citer.list,
      };
    }
    return { title, blocks: [{ kind: "list", items }], citations: citer.list };
  },
};

/** The main anniversaries of the relationship, whose next round milestone is always worth naming. */
const MAIN = ["diplomatic-relations", "treaty-friendship-cooperation"] as const;
