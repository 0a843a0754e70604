import { nextAnniversary, upcomingAnniversaries } from "../src/core/anniversaries";
import { Citer } from "../src/core/cite";
import type { Command, CommandReply } from "../src/core/command";
import { formatIsoDay } from "../src/core/format";
import { pick, t } from "../src/core/i18n";

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
    const days = typeof args.days === "number" ? args.days : 30;
    const upcoming = upcomingAnniversaries(corpus, today, days);
    const citer = new Citer(corpus);
    const title =
      lang === "vi"
        ? `Ngày kỷ niệm trong ${days} ngày tới (từ ${formatIsoDay(today)})`
        : `Anniversaries in the next ${days} days (from ${formatIsoDay(today)})`;
    const ordinal = (n: number) => (lang === "vi" ? `${n} năm` : `${n}${suffix(n)} anniversary`);
    const items = upcoming.map((u) => {
      const when = u.daysAway === 0 ? t("today", lang) : `${t("in", lang)} ${u.daysAway} ${t("days", lang)}`;
      const round = u.round ? ` ★ ${t("roundMilestone", lang)}` : "";
      const confidence =
        u.anniversary.confidence === "high"
          ? ""
          : ` (${t("confidence", lang).toLowerCase()}: ${u.anniversary.confidence === "medium" ? (lang === "vi" ? "trung bình" : "medium") : lang === "vi" ? "thấp" : "low"})`;
      return {
        text: `${ordinal(u.years)}${lang === "vi" ? "" : ":"} ${pick(u.anniversary.name, lang)}, ${formatIsoDay(u.date)} (${when})${round}${confidence}. ${t("nextRound", lang)}: ${ordinal(u.nextRound.years)}, ${formatIsoDay(u.nextRound.date)}`,
        cites: citer.cite(u.anniversary.id, u.anniversary.sources.slice(0, 1)),
        strong: u.round,
      };
    });
    if (items.length === 0) {
      // Still useful: say when the next one is.
      const next = nextAnniversary(corpus, today);
      const text = next
        ? lang === "vi"
          ? `Không có ngày kỷ niệm nào trong ${days} ngày tới. Gần nhất: ${ordinal(next.years)} ${next.anniversary.name.vi}, ${formatIsoDay(next.date)}.`
          : `No anniversary in the next ${days} days. The next one: ${ordinal(next.years)} ${next.anniversary.name.en}, ${formatIsoDay(next.date)}.`
        : t("nothingFound", lang);
      return { title, blocks: [{ kind: "text", line: { text } }], citations: [] };
    }
    return { title, blocks: [{ kind: "list", items }], citations: citer.list };
  },
};

function suffix(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return "th";
  return ["th", "st", "nd", "rd"][n % 10] ?? "th";
}
