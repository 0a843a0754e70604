// The words on the timeline picture, in Vietnamese and English.
import type { Lang } from "../core/i18n";

export interface ChartLabels {
  title: string;
  subtitle(today: string, events: number): string;
  aloneRow(province: string): string;
  legendEvent: string;
  legendSpan: string;
  legendInferred: string;
  legendInForce: string;
  legendEnded: string;
  legendAnniversary: string;
  today: string;
  inForce: string;
  ended: string;
  notYet: string;
  eventsKey: string;
  undatedKey: string;
  agreementsKey: string;
  anniversariesKey: string;
  anniversariesLane: string;
  inferredNote: string;
  more(count: number): string;
  ordinal(years: number): string;
  roundMark: string;
  sourcesNote: string;
}

const vi: ChartLabels = {
  title: "Dòng thời gian hợp tác",
  subtitle: (today, events) => `Lập ngày ${today} · ${events} sự kiện · mỗi ý có nguồn trích dẫn`,
  aloneRow: (p) => `Riêng ${p}`,
  legendEvent: "Sự kiện (rõ ngày)",
  legendSpan: "Sự kiện trong tháng/năm/giai đoạn",
  legendInferred: "Năm suy ra (*)",
  legendInForce: "Văn bản còn hiệu lực",
  legendEnded: "Văn bản đã hết hạn",
  legendAnniversary: "Ngày kỷ niệm sắp tới",
  today: "Hôm nay",
  inForce: "hiệu lực",
  ended: "hết hạn",
  notYet: "chưa có hiệu lực",
  eventsKey: "Sự kiện trên trục thời gian",
  undatedKey: "Không rõ ngày (không đặt lên trục thời gian)",
  agreementsKey: "Văn bản hợp tác (thanh ngang)",
  anniversariesKey: "Ngày kỷ niệm sắp tới",
  anniversariesLane: "Kỷ niệm",
  inferredNote: "* năm không ghi trong bài, được suy ra (xem /source)",
  more: (count) => `… và ${count} mục khác`,
  ordinal: (years) => `${years} năm`,
  roundMark: "mốc tròn",
  sourcesNote: "Nguồn: kho dữ liệu Hữu Nghị; số [n] là trích dẫn kèm theo.",
};

const en: ChartLabels = {
  title: "Cooperation timeline",
  subtitle: (today, events) => `Prepared ${today} · ${events} events · every item cited`,
  aloneRow: (p) => `${p} alone`,
  legendEvent: "Event (known day)",
  legendSpan: "Event within a month/year/period",
  legendInferred: "Inferred year (*)",
  legendInForce: "Agreement in force",
  legendEnded: "Agreement ended",
  legendAnniversary: "Upcoming anniversary",
  today: "Today",
  inForce: "in force",
  ended: "ended",
  notYet: "not yet in force",
  eventsKey: "Events on the time axis",
  undatedKey: "Date not stated (not placed on the axis)",
  agreementsKey: "Agreements (bars)",
  anniversariesKey: "Upcoming anniversaries",
  anniversariesLane: "Anniversaries",
  inferredNote: "* year not printed in the article but inferred (see /source)",
  more: (count) => `… and ${count} more`,
  ordinal: (years) => {
    const tens = years % 100;
    const suffix = tens >= 11 && tens <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" }[years % 10] ?? "th");
    return `${years}${suffix}`;
  },
  roundMark: "round milestone",
  sourcesNote: "Source: the Hữu Nghị corpus; [n] are the citations sent with it.",
};

export function chartLabels(lang: Lang): ChartLabels {
  return lang === "vi" ? vi : en;
}
