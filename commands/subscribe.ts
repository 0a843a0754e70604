// /subscribe [HH:MM] [daily|weekly] [vi|en] [weekday] [zone]: this chat gets the digest at that local time.
// Given fields change an existing subscription; the others keep their value.
import type { Command, CommandReply } from "../src/core/command";
import { echo, UserError } from "../src/core/errors";
import { both, type Lang, words } from "../src/core/i18n";
import type { Subscription } from "../src/core/services";
import { isZone, subscriptionFields, WEEKDAYS } from "../src/core/subscription";

export const subscribe: Command = {
  name: "subscribe",
  localName: { vi: "đăng-ký" },
  description: {
    vi: "Đăng ký nhận bản tin hằng ngày/tuần cho cuộc trò chuyện này",
    en: "Get the daily/weekly digest in this chat",
  },
  help: {
    vi: "Bot gửi bản tin (ngày kỷ niệm sắp tới, ngày này năm xưa, văn bản sắp hết hạn) vào cuộc trò chuyện này, đúng giờ địa phương đã chọn (mặc định 08:00, hằng ngày, giờ Việt Nam). Gửi lại lệnh để đổi giờ, chu kỳ hay ngôn ngữ. Trong nhóm và kênh, chỉ quản trị viên mới đăng ký được.",
    en: "The bot posts a digest (coming anniversaries, on this day, agreements about to end) in this chat at the chosen local time (default 08:00, daily, Vietnam time). Send the command again to change the time, cadence or language. In groups and channels only administrators can subscribe.",
  },
  args: [
    {
      name: "time",
      localName: { vi: "giờ" },
      kind: "time",
      required: false,
      description: { vi: "Giờ gửi, HH:MM", en: "Time of day, HH:MM" },
    },
    {
      name: "cadence",
      localName: { vi: "tần-suất" },
      kind: "choice",
      required: false,
      choices: ["daily", "weekly"],
      choiceAliases: {
        hangngay: "daily",
        moingay: "daily",
        ngay: "daily",
        hangtuan: "weekly",
        moituan: "weekly",
        tuan: "weekly",
      },
      description: { vi: "Chu kỳ: daily (hằng ngày) hoặc weekly (hằng tuần)", en: "Cadence: daily or weekly" },
    },
    {
      name: "lang",
      localName: { vi: "ngôn-ngữ" },
      kind: "choice",
      required: false,
      choices: ["vi", "en"],
      description: { vi: "Ngôn ngữ bản tin: vi hoặc en", en: "Digest language: vi or en" },
    },
    {
      name: "weekday",
      localName: { vi: "thứ" },
      kind: "choice",
      required: false,
      choices: Object.keys(WEEKDAYS),
      description: {
        vi: "Ngày gửi bản tin hằng tuần: t2 … t7, cn (mặc định t2)",
        en: "Day for the weekly digest: mon … sun (default mon)",
      },
    },
    {
      name: "zone",
      localName: { vi: "múi-giờ" },
      kind: "text",
      required: false,
      description: { vi: "Múi giờ IANA, ví dụ Asia/Vientiane", en: "IANA time zone, e.g. Asia/Vientiane" },
    },
  ],
  examples: [
    "/subscribe",
    "/subscribe 07:30",
    "/subscribe 08:00 weekly en",
    "/subscribe 09:00 weekly fri Asia/Vientiane",
  ],
  requires: ["store", "chatAdmin"],
  postsLater: true,
  async run(ctx, args): Promise<CommandReply> {
    const { store } = ctx.services;
    const w = words(ctx.lang);
    const zone = typeof args.zone === "string" ? args.zone.trim() : undefined;
    if (zone !== undefined && !isZone(zone)) {
      throw new UserError(
        "bad-zone",
        both((w) => w.subscribe.badZone(echo(zone, 40))),
      );
    }
    const { chatId, platform, userId } = ctx.caller;
    const existing = await store.getSubscription(chatId);
    const now = new Date().toISOString();
    const weekday = typeof args.weekday === "string" ? WEEKDAYS[args.weekday] : undefined;
    const cadence =
      args.cadence === "daily" || args.cadence === "weekly" ? args.cadence : weekday ? "weekly" : existing?.cadence;
    const sub: Subscription = {
      chatId,
      platform,
      time: typeof args.time === "string" ? args.time : (existing?.time ?? "08:00"),
      cadence: cadence ?? "daily",
      lang: args.lang === "vi" || args.lang === "en" ? (args.lang as Lang) : (existing?.lang ?? ctx.lang),
      zone: zone ?? existing?.zone ?? ctx.services.digestZone,
      createdBy: existing?.createdBy ?? userId,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    if (sub.cadence === "weekly") sub.weekday = weekday ?? existing?.weekday ?? 1;
    await store.setSubscription(sub);
    ctx.note(`${sub.time} ${sub.cadence}${sub.weekday ? ` ${sub.weekday}` : ""} ${sub.lang} ${sub.zone}`);
    return {
      title: existing ? w.subscribe.updated : w.subscribe.created,
      blocks: [
        { kind: "fields", fields: subscriptionFields(sub, ctx.lang, ctx.services.nextDigestDue(sub)) },
        { kind: "text", line: { text: w.subscribe.next } },
      ],
      citations: [],
    };
  },
};
