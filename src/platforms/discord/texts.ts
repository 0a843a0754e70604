// Words the Discord adapter adds around a Reply: buttons, continuation labels, expiry notices.
import type { Lang } from "../../core/i18n";

const texts = {
  previous: { vi: "Trang trước", en: "Previous" },
  next: { vi: "Trang sau", en: "Next" },
  sourcesMore: { vi: "Nguồn (tiếp)", en: "Sources (continued)" },
  shortened: {
    vi: "… (đã rút gọn cho vừa giới hạn của Discord)",
    en: "… (shortened to fit Discord's limits)",
  },
  moreSources: { vi: "nguồn khác không hiển thị hết", en: "more sources not shown" },
  pageExpired: {
    vi: "Danh sách này đã hết hạn. Vui lòng chạy lại lệnh để xem tiếp.",
    en: "This list has expired. Please run the command again to see more.",
  },
  sentPrivately: {
    vi: "Câu trả lời đã được gửi riêng cho bạn (chỉ bạn thấy).",
    en: "The answer was sent to you privately (only you can see it).",
  },
  missingPermissions: {
    vi: "Bot không thể đăng bản tin ở kênh này: thiếu quyền {permissions}. Nhờ quản trị máy chủ cấp các quyền đó cho bot ở kênh này rồi thử lại /subscribe.",
    en: "The bot cannot post digests in this channel: it lacks {permissions}. Ask a server admin to grant the bot those permissions here, then run /subscribe again.",
  },
  unknownButton: { vi: "Nút này không còn dùng được.", en: "This button no longer works." },
  brand: { vi: "Hữu Nghị · hợp tác Việt Nam – Lào", en: "Hữu Nghị · Vietnam–Laos cooperation" },
} as const;

export function dt(key: keyof typeof texts, lang: Lang): string {
  return texts[key][lang];
}
