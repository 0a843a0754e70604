// What the subscription commands share: the store check, the chat-admin rule, and how a subscription reads.
import { DateTime } from "luxon";
import type { CommandContext } from "../core/command";
import { UserError } from "../core/errors";
import type { Lang } from "../core/i18n";
import type { StateStore, Subscription } from "../core/services";
import { nextDue } from "./period";

export function requireStore(ctx: CommandContext): StateStore {
  if (!ctx.services.store) {
    throw new UserError("no-store", {
      vi: "Bot này đang chạy không có nơi lưu trữ nên không nhận đăng ký hay lưu tùy chọn.",
      en: "This bot runs without a state store, so it cannot keep subscriptions or preferences.",
    });
  }
  return ctx.services.store;
}

/** In groups and channels only the chat's administrators may change its subscription; refusals are audited. */
export async function requireChatAdmin(ctx: CommandContext, store: StateStore, what: string): Promise<void> {
  if (ctx.caller.chatKind === "private" || ctx.caller.isChatAdmin) return;
  // A store that cannot take the audit entry is logged; the caller still gets the clear refusal below.
  await store
    .appendAudit({
      at: new Date().toISOString(),
      who: ctx.caller.userId,
      where: ctx.caller.chatId,
      what,
      result: "refused",
      detail: "not a chat administrator",
    })
    .catch((error: unknown) => ctx.services.reportError?.(error, `could not audit a refused ${what}`));
  const permission =
    ctx.caller.platform === "discord"
      ? { vi: "quyền Quản lý kênh (Manage Channels)", en: "the Manage Channels permission" }
      : { vi: "quyền quản trị viên của nhóm", en: "administrator rights in this chat" };
  throw new UserError("not-chat-admin", {
    vi: `Chỉ quản trị viên mới thay đổi được đăng ký bản tin của ${ctx.caller.chatKind === "channel" ? "kênh" : "nhóm"} này (cần ${permission.vi}).`,
    en: `Only administrators can change this ${ctx.caller.chatKind === "channel" ? "channel" : "group"}'s digest subscription (it needs ${permission.en}).`,
  });
}

export const WEEKDAYS: Record<string, number> = {
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
  sun: 7,
  t2: 1,
  t3: 2,
  t4: 3,
  t5: 4,
  t6: 5,
  t7: 6,
  cn: 7,
};

const WEEKDAY_NAMES: Record<Lang, readonly string[]> = {
  vi: ["", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"],
  en: ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
};

export function cadenceText(sub: Subscription, lang: Lang): string {
  if (sub.cadence === "daily") return lang === "vi" ? "hằng ngày" : "daily";
  const day = WEEKDAY_NAMES[lang][sub.weekday ?? 1];
  return lang === "vi" ? `hằng tuần, vào ${day}` : `weekly, on ${day}`;
}

export const LANG_NAMES: Record<Lang, { vi: string; en: string }> = {
  vi: { vi: "tiếng Việt", en: "Vietnamese" },
  en: { vi: "tiếng Anh", en: "English" },
};

/** The fields /subscribe and /settings show. */
export function subscriptionFields(
  sub: Subscription,
  lang: Lang,
  now: Date = new Date(),
): { name: string; value: string }[] {
  const vi = lang === "vi";
  const next = nextDue(sub, now);
  return [
    { name: vi ? "Giờ gửi" : "Time", value: `${sub.time} (${sub.zone})` },
    { name: vi ? "Chu kỳ" : "Cadence", value: cadenceText(sub, lang) },
    { name: vi ? "Ngôn ngữ bản tin" : "Digest language", value: LANG_NAMES[sub.lang][lang] },
    {
      name: vi ? "Lần gửi tới" : "Next digest",
      value: next.toFormat("dd/MM/yyyy HH:mm"),
    },
  ];
}

/** Whether a zone name is one luxon (and so the scheduler) understands. */
export function isZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}
