// Interface labels in both languages. Vietnamese is the default; English is complete.
export type Lang = "vi" | "en";

export function isLang(value: string): value is Lang {
  return value === "vi" || value === "en";
}

/** Picks a language from a platform locale such as "en-US", "vi", "fr". */
export function langFromLocale(locale: string | undefined, fallback: Lang = "vi"): Lang {
  if (!locale) return fallback;
  const base = locale.toLowerCase().split(/[-_]/)[0];
  if (base === "vi") return "vi";
  if (base === "en") return "en";
  return fallback;
}

const labels = {
  sources: { vi: "Nguồn", en: "Sources" },
  page: { vi: "Trang", en: "Page" },
  country: { vi: "Quốc gia", en: "Country" },
  VN: { vi: "Việt Nam", en: "Vietnam" },
  LA: { vi: "Lào", en: "Laos" },
  aliases: { vi: "Tên khác", en: "Also written" },
  capital: { vi: "Tỉnh lỵ", en: "Capital" },
  partners: {
    vi: "Tỉnh đối tác (có văn bản hoặc hoạt động chung)",
    en: "Partner provinces (shared agreements or activities)",
  },
  agreements: { vi: "Văn bản hợp tác", en: "Agreements" },
  events: { vi: "Sự kiện (mới nhất trước)", en: "Events (newest first)" },
  commitments: { vi: "Cam kết", en: "Commitments" },
  figures: { vi: "Số liệu", en: "Figures" },
  people: { vi: "Nhân vật đã gặp", en: "People met" },
  places: { vi: "Địa danh", en: "Places" },
  clauses: { vi: "Nội dung chính", en: "Main clauses" },
  parties: { vi: "Các bên", en: "Parties" },
  signed: { vi: "Ngày ký", en: "Signed" },
  period: { vi: "Giai đoạn", en: "Period" },
  status: { vi: "Tình trạng", en: "Status" },
  inForce: { vi: "đang có hiệu lực", en: "in force" },
  expiredOn: { vi: "đã hết hạn ngày", en: "expired on" },
  notYetInForce: { vi: "chưa có hiệu lực", en: "not yet in force" },
  noPeriod: { vi: "không ghi thời hạn", en: "no period stated" },
  signedThatYear: { vi: "ký trong năm", en: "signed that year" },
  inForceThatYear: { vi: "có hiệu lực trong năm", en: "in force that year" },
  noRenewal: { vi: "chưa ghi nhận gia hạn", en: "no renewal recorded" },
  unknownDate: { vi: "không rõ ngày", en: "date not stated" },
  notStated: { vi: "không nêu", en: "not stated" },
  inferred: { vi: "năm được suy ra", en: "year inferred" },
  inferredHow: { vi: "Cách suy ra năm", en: "How the year was inferred" },
  notCovered: {
    vi: "Chưa có bài viết nào trong kho dữ liệu nói về tỉnh này.",
    en: "No article in the corpus covers this province yet.",
  },
  nothingFound: { vi: "Không tìm thấy kết quả.", en: "Nothing found." },
  didYouMean: { vi: "Có phải bạn muốn tìm", en: "Did you mean" },
  internalError: {
    vi: "Xin lỗi, đã có lỗi khi xử lý yêu cầu. Lỗi đã được ghi lại; vui lòng thử lại sau.",
    en: "Sorry, something went wrong handling that. It has been logged; please try again later.",
  },
  errorTitle: { vi: "Không thực hiện được", en: "Could not do that" },
  adminOnly: {
    vi: "Lệnh này chỉ dành cho quản trị viên của bot.",
    en: "This command is for the bot's administrators only.",
  },
  years: { vi: "năm", en: "years" },
  roundMilestone: { vi: "mốc tròn", en: "round milestone" },
  nextRound: { vi: "Mốc tròn tiếp theo", en: "Next round milestone" },
  in: { vi: "còn", en: "in" },
  days: { vi: "ngày", en: "days" },
  today: { vi: "hôm nay", en: "today" },
  confidence: { vi: "Độ tin cậy", en: "Confidence" },
} as const;

export type LabelKey = keyof typeof labels;

export function t(key: LabelKey, lang: Lang): string {
  return labels[key][lang];
}

/** Picks the language's side of a localized text. */
export function pick(text: { vi: string; en: string }, lang: Lang): string {
  return text[lang];
}
