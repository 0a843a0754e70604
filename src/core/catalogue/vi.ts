// Every word the bot says, in Vietnamese: the reference catalogue. Its shape is the type of every other
// language's catalogue (en.ts), so a key missing there is a type error, and test/core/catalogue.test.ts fails.
// Plain strings for labels; functions for sentences with values in them.

import type { AgreementStatus } from "../status";

/** "2024-12-31" → "31/12/2024" (format.ts reads this catalogue, so it is not imported from there). */
const day = (iso: string) => iso.split("-").reverse().join("/");

export const vi = {
  // Labels the renderers add around a reply.
  sources: "Nguồn",
  page: "Trang",
  didYouMean: "Có phải bạn muốn tìm",

  // The source list under an answer, and the quotes one tap away.
  sourceList: {
    reference: "Bảng tham chiếu",
    referenceTitle: (file: string) =>
      file.includes("aliases")
        ? "tên gọi các tỉnh, huyện"
        : file.includes("anniversar")
          ? "ngày kỷ niệm quốc gia"
          : file,
    noOutlet: "trang không ghi tên báo",
    undated: "không ghi ngày",
  },
  quotes: {
    button: "📑 Trích dẫn",
    back: "↩ Câu trả lời",
    title: (title: string) => `Trích dẫn — ${title}`,
    intro: "Nguyên văn câu trích trong bài nguồn của từng số [n]; /source <mã> cho biết dòng nào trong bài.",
    none: "Câu trả lời này không trích dẫn nguồn nào.",
    aliasTable: "Bảng tên gọi",
    anniversaryTable: "Bảng ngày kỷ niệm",
    canonicalVi: (name: string) => `tên tiếng Việt chuẩn là ${name}`,
    capital: (name: string) => `tỉnh lỵ là ${name}`,
    listed: (text: string) => `có ghi “${text}”`,
  },

  timeline: {
    /** "12 sự kiện trong 2 trang: trang 1 — 2019 – 2022; trang 2 — 2024, không rõ ngày." */
    pages: (count: number, pages: number, spans: string) => `${count} sự kiện trong ${pages} trang: ${spans}.`,
    pageSpan: (page: number, span: string) => `trang ${page} — ${span}`,
  },

  // Words the Telegram adapter adds: private replies, inline results, expired buttons.
  telegram: {
    sentPrivately: "Đã gửi câu trả lời vào chat riêng với bạn.",
    privateOnly: (bot: string) => `Câu trả lời này chỉ gửi riêng. Hãy mở chat với @${bot}, bấm Start rồi gõ lại lệnh.`,
    inlineNoResults: "Không có kết quả — xem hướng dẫn",
    inlineMore: (command: string) => `… (còn tiếp — gõ ${command} với bot)`,
    buttonExpired: "Nút này đã hết hạn (bot vừa khởi động lại hoặc kết quả đã cũ). Vui lòng gõ lại lệnh.",
  },
  // Words the Discord adapter adds around a reply: buttons, continuation labels, expiry notices.
  discord: {
    previous: "Trang trước",
    next: "Trang sau",
    sourcesMore: "Nguồn (tiếp)",
    shortened: "… (đã rút gọn cho vừa giới hạn của Discord)",
    moreSources: "nguồn khác không hiển thị hết",
    pageExpired: "Danh sách này đã hết hạn. Vui lòng chạy lại lệnh để xem tiếp.",
    sentPrivately: "Câu trả lời đã được gửi riêng cho bạn (chỉ bạn thấy).",
    missingPermissions: (permissions: string) =>
      `Bot không thể đăng bản tin ở kênh này: thiếu quyền ${permissions}. Nhờ quản trị máy chủ cấp các quyền đó cho bot ở kênh này rồi thử lại /subscribe.`,
    unknownButton: "Nút này không còn dùng được.",
    brand: "Hữu Nghị · hợp tác Việt Nam – Lào",
  },
  // The console (npm start with no platform token).
  console: {
    welcome: "Hữu Nghị — gõ /help để xem các lệnh, /quit để thoát.",
    unknownLine: "Gõ /help để xem các lệnh.",
    nothingToPage: "Không có trang nào để lật.",
    pageExpired: "Danh sách này đã cũ. Vui lòng gõ lại lệnh để xem tiếp.",
    internalError: "Lỗi nội bộ; xem log.",
    pagingHint: "(/next: trang sau · /prev: trang trước)",
    lastPage: (page: number, count: number) => `Đây là trang cuối (${page}/${count}).`,
    firstPage: (count: number) => `Đây là trang đầu (1/${count}).`,
  },

  // Corpus answers.
  country: "Quốc gia",
  VN: "Việt Nam",
  LA: "Lào",
  aliases: "Tên khác",
  capital: "Tỉnh lỵ",
  partners: "Tỉnh đối tác (có văn bản hoặc hoạt động chung)",
  agreements: "Văn bản hợp tác",
  events: "Sự kiện (mới nhất trước)",
  commitments: "Cam kết",
  figures: "Số liệu",
  people: "Nhân vật đã gặp",
  places: "Địa danh",
  clauses: "Nội dung chính",
  parties: "Các bên",
  signed: "Ngày ký",
  period: "Giai đoạn",
  status: "Tình trạng",
  inForce: "đang có hiệu lực",
  expiredOn: "đã hết hạn ngày",
  notYetInForce: "chưa có hiệu lực",
  noPeriod: "không ghi thời hạn",
  signedThatYear: "ký trong năm",
  inForceThatYear: "có hiệu lực trong năm",
  noRenewal: "chưa ghi nhận gia hạn",
  unknownDate: "không rõ ngày",
  notStated: "không nêu",
  inferred: "năm được suy ra",
  inferredHow: "Cách suy ra năm",
  notCovered: "Chưa có bài viết nào trong kho dữ liệu nói về tỉnh này.",
  nothingFound: "Không tìm thấy kết quả.",
  years: "năm",
  roundMilestone: "mốc tròn",
  nextRound: "Mốc tròn tiếp theo",
  in: "còn",
  days: "ngày",
  today: "hôm nay",
  confidence: "Độ tin cậy",

  briefing: {
    /** "Mộc Châu thuộc tỉnh Sơn La." and the place's note. */
    via: (place: string, province: string, note: string | undefined) =>
      `${place} thuộc tỉnh ${province}.${note ? ` ${note}` : ""}`,
    opening: (province: string, country: string) => `Tỉnh ${province}, ${country}.`,
    agreementWith: (document: string, partners: string) => `${document}, với ${partners}`,
    /** An agreement's status in a briefing line: its end day follows from the period in the same line. */
    status: (s: AgreementStatus) =>
      s.state === "in-force"
        ? `còn hiệu lực đến ${day(s.endsOn)} (hết giai đoạn)`
        : s.state === "expired"
          ? `đã hết hạn ${day(s.endedOn)} (hết giai đoạn)`
          : s.state === "not-yet"
            ? `có hiệu lực từ ${day(s.startsOn)}`
            : "không ghi thời hạn",
    inferredNote: "* Năm được suy ra (bài không ghi năm); cách suy ra: /source <mã>.",
    commitment: (what: string, by: string, to: string) => `↳ Cam kết: ${what} (${by} → ${to})`,
    /** A figure given at a signing, beside the agreement and kept apart from its text. */
    atSigning: (amount: string, what: string, from: string, to: string) =>
      `↳ Tặng riêng nhân dịp lễ ký, không thuộc nội dung văn bản: ${amount} — ${what} (${from} → ${to})`,
  },

  // Pictures and documents (src/render): the timeline chart and the briefing note.
  chart: {
    title: "Dòng thời gian hợp tác",
    subtitle: (today: string, events: number) => `Lập ngày ${today} · ${events} sự kiện · mỗi ý có nguồn trích dẫn`,
    aloneRow: (p: string) => `Riêng ${p}`,
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
    more: (count: number) => `… và ${count} mục khác`,
    ordinal: (years: number) => `${years} năm`,
    roundMark: "mốc tròn",
    sourcesNote: "Nguồn: kho dữ liệu Hữu Nghị; số [n] là trích dẫn kèm theo.",
  },
  pictures: {
    chartAction: "📊 Biểu đồ",
    briefAction: "📄 Tải báo cáo",
    summaryAction: "Tóm tắt",
    chartFile: "Biểu đồ",
    chartSummary: (events: number, bars: number, undated: number) =>
      `Biểu đồ đính kèm: ${events} sự kiện trên trục thời gian, ${bars} văn bản, ${undated} sự kiện không rõ ngày.`,
    briefSummary: (facts: number, notes: number) =>
      `Báo cáo Word đính kèm: ${facts} mục, mỗi mục có chú thích nguồn và câu trích nguyên văn (${notes} chú thích), kèm biểu đồ dòng thời gian.`,
    notCovered: (province: string) => `Chưa có bài viết nào về ${province}: không có gì để đưa vào báo cáo.`,
    saved: (path: string) => `📎 Đã lưu tệp: ${path}`,
    note: {
      title: "Báo cáo tóm tắt hợp tác",
      prepared: "Ngày lập",
      chart: "Dòng thời gian",
      chartCaption: "Biểu đồ dòng thời gian: sự kiện trên trục thời gian, văn bản theo giai đoạn hiệu lực.",
      footnotes: "Mỗi ý có chú thích cuối trang ghi nguồn và câu trích nguyên văn.",
      overview: "Tổng quan",
      anniversaries: "Ngày kỷ niệm sắp tới",
      by: "bên cam kết",
    },
  },

  /** Reference-table confidence of an anniversary (shown only when not high). */
  confidenceLevel: { high: "cao", medium: "trung bình", low: "thấp" },
  /** "kỷ niệm 60 năm" reads with the number as is; English ordinals are built (60th). */
  ordinal: (n: number) => `${n}`,
  /** Units of amounts; a unit not listed is shown as written in the data. */
  unit: {
    project: { one: "dự án", many: "dự án" },
    course: { one: "khóa đào tạo", many: "khóa đào tạo" },
    scholarship: { one: "suất học bổng", many: "suất học bổng" },
    ventilator: { one: "máy thở", many: "máy thở" },
    mask: { one: "khẩu trang", many: "khẩu trang" },
    bottle: { one: "chai", many: "chai" },
    student: { one: "lưu học sinh", many: "lưu học sinh" },
    delegation: { one: "đoàn", many: "đoàn" },
  },
  money: { billion: "tỉ", million: "triệu", currency: "VNĐ", locale: "vi-VN" },
  /** "suy từ giai đoạn 2022 – 2024": an end day derived from a period given in years. */
  derivedFrom: (from: number, to: number) => `suy từ giai đoạn ${from} – ${to}`,

  digest: {
    title: "Bản tin Hữu Nghị",
    anniversaries: "Ngày kỷ niệm sắp tới",
    onThisDay: "Ngày này năm xưa",
    agreements: "Văn bản hợp tác sắp hết hạn hoặc đã hết hạn",
    nothing: "Hôm nay không có ngày kỷ niệm, sự kiện cùng ngày hay văn bản sắp hết hạn nào để báo.",
    anniversary: (day: string, years: number, name: string) => `${day} — kỷ niệm ${years} năm ${name}`,
    yearsAgo: (n: number) => `${n} năm trước`,
    inForceUntil: (day: string) => `hết hiệu lực ngày ${day}`,
    endsToday: "hôm nay",
    endsIn: (days: number) => `còn ${days} ngày`,
  },
  anniversariesCommand: {
    mainMilestones: "Mốc tròn tiếp theo của các ngày kỷ niệm chính",
    title: (days: number, from: string) => `Ngày kỷ niệm trong ${days} ngày tới (từ ${from})`,
    years: (n: number) => `${n} năm`,
    /** How an item starts: "60 năm Ngày thiết lập…" (no colon in Vietnamese), "60th anniversary: …". */
    lead: (years: string) => years,
    none: (days: number, next: string) => `Không có ngày kỷ niệm nào trong ${days} ngày tới. Gần nhất: ${next}.`,
  },
  agreementsCommand: {
    /** Figures given at the signing, shown beside the agreement and kept apart from its text. */
    atSigning: "Tặng riêng nhân dịp lễ ký (không thuộc nội dung văn bản)",
    title: "Văn bản hợp tác",
    signatories: "Đại diện ký",
    noneForProvince: (parties: string) =>
      `Dữ liệu chưa có văn bản hợp tác nào của tỉnh này. Các tỉnh có văn bản: ${parties}.`,
    noneMatch: (span: string) => `Không có văn bản nào phù hợp. Dữ liệu hiện có văn bản trong các năm ${span}.`,
  },

  askCommand: {
    missing: "Hãy nhập câu hỏi.",
    title: (question: string) => `Hỏi: ${question}`,
    signed: "ký",
    briefingOn: (name: string) => `tóm tắt về ${name}`,
    fullText: "tìm toàn văn",
    nothing:
      "Kho dữ liệu không có thông tin trả lời câu hỏi này. Thử một lệnh khác: /search, /province <tỉnh>, /timeline, /agreements; /help để xem tất cả.",
    mostRelevant: (n: number) =>
      n === 1 ? "Dữ kiện liên quan nhất:" : `${n} dữ kiện liên quan nhất (xếp theo mức liên quan):`,
  },
  timelineCommand: { title: "Dòng thời gian" },
  searchCommand: {
    noWords: "Hãy nhập từ khóa cần tìm.",
    title: (query: string) => `Kết quả tìm “${query}”`,
    count: (n: number) => `${n} kết quả`,
    approximate: (n: number) => `Không có kết quả khớp đúng dấu; ${n} kết quả gần đúng (bỏ dấu):`,
    /** The kind of record a hit is, shown in brackets: "[sự kiện] …". */
    hitKind: {
      event: "sự kiện",
      agreement: "văn bản",
      clause: "nội dung văn bản",
      commitment: "cam kết",
      figure: "số liệu",
      person: "nhân vật",
      province: "tỉnh",
      place: "địa danh",
      anniversary: "ngày kỷ niệm",
      sentence: "bài viết",
    },
  },
  sourceCommand: {
    file: "Tệp",
    outlet: "Nơi đăng",
    address: "Địa chỉ",
    provenance: "Xuất xứ",
    pageStructure: "Cấu trúc trang",
    factsCited: (n: number) => `Dữ kiện trích từ nguồn này (${n})`,
    line: (n: number) => `dòng ${n}`,
    lines: (from: number, to: number) => `dòng ${from}–${to}`,
    /** Kinds of segment of a source page. */
    segment: {
      title: "tiêu đề",
      article: "bài viết",
      box: "hộp tin",
      caption: "chú thích ảnh",
      furniture: "phần trang (không liên quan)",
      reference: "bảng tham chiếu",
    },
    notVietnamLaos: " — không thuộc Việt Nam – Lào, không dùng trong câu trả lời",
    date: "Ngày",
    sourcesOf: (id: string) => `Nguồn của ${id}`,
    unknown: (id: string, ids: string) => `Không có nguồn hay dữ kiện “${id}”. Mã nguồn: ${ids}.`,
  },
  helpCommand: {
    title: "Hữu Nghị — tra cứu hợp tác Việt Nam – Lào",
    intro:
      "Mọi thông tin đều kèm nguồn trích dẫn [1]. Tên tỉnh gõ có dấu hay không dấu đều được (son la, Luang Prabang…).",
    more: "Gõ /help <lệnh> để xem chi tiết và ví dụ.",
    optional: " (không bắt buộc)",
    examples: "Ví dụ",
    unknown: (name: string) => `Không có lệnh /${name}.`,
  },
  /** Argument errors (src/core/args.ts); `expected` is the argument's description in this language. */
  args: {
    bad: (value: string, expected: string) => `“${value}” không hợp lệ. Cần: ${expected}.`,
    tooLong: (length: number, max: number, start: string) =>
      `Tham số quá dài (${length} ký tự; tối đa ${max}): “${start}”.`,
    unexpected: (command: string, value: string) => `Lệnh /${command} không nhận tham số “${value}”.`,
    missing: (what: string, example: string) => `Thiếu ${what}. Ví dụ: ${example}`,
    help: "trợ giúp",
  },
  provinceArg: {
    country: (input: string, country: "VN" | "LA", names: string) =>
      `“${input}” là tên nước, không phải tỉnh. Các tỉnh ${country === "LA" ? "của Lào" : "của Việt Nam"} có trong dữ liệu: ${names}.`,
    ambiguous: (input: string, names: string) => `“${input}” có thể là nhiều tỉnh: ${names}. Vui lòng gõ rõ hơn.`,
    unknown: (input: string, hint: string) => `Không tìm thấy tỉnh “${input}” trong kho dữ liệu.${hint}`,
    didYouMean: (names: string) => ` Có phải bạn muốn tìm: ${names}?`,
    examples: " Gõ /help province để xem ví dụ.",
    covered: (names: string) => ` Các tỉnh có nội dung: ${names}.`,
  },
  // Errors and refusals (dispatch and the preconditions a command declares).
  errorTitle: "Không thực hiện được",
  internalError: "Xin lỗi, đã có lỗi khi xử lý yêu cầu. Lỗi đã được ghi lại; vui lòng thử lại sau.",
  adminOnly: "Lệnh này chỉ dành cho quản trị viên của bot.",
  noStore: "Bot này đang chạy không có nơi lưu trữ nên không nhận đăng ký hay lưu tùy chọn.",
  storeUnavailable:
    "Nơi lưu trữ của bot tạm thời không truy cập được, nên chưa thể đọc hay lưu đăng ký và tùy chọn. Vui lòng thử lại sau ít phút.",
  notChatAdmin: (chat: "group" | "channel", right: "chatAdmin" | "manageChannels") =>
    `Chỉ quản trị viên mới thay đổi được đăng ký bản tin của ${chat === "channel" ? "kênh" : "nhóm"} này (cần ${
      right === "manageChannels" ? "quyền Quản lý kênh (Manage Channels)" : "quyền quản trị viên của nhóm"
    }).`,
  unknownCommand: (name: string) => `Không có lệnh /${name}. Gõ /help để xem các lệnh.`,

  // Record kinds (/reload, /status).
  kind: {
    sources: "Bài nguồn",
    provinces: "Tỉnh",
    places: "Địa danh",
    people: "Nhân vật",
    events: "Sự kiện",
    agreements: "Văn bản hợp tác",
    figures: "Số liệu",
    anniversaries: "Ngày kỷ niệm",
  },
  /** Durations: "1 ngày 2 giờ 3 phút"; under a minute, seconds. */
  duration: { seconds: (n: number) => `${n} giây`, day: "ngày", hour: "giờ", minute: "phút" },

  // Languages, weekdays, cadences (subscriptions, /lang, /settings).
  langName: { vi: "tiếng Việt", en: "tiếng Anh" },
  /** ISO weekday 1 … 7. */
  weekday: ["", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"],
  daily: "hằng ngày",
  weeklyOn: (day: string) => `hằng tuần, vào ${day}`,
  subscriptionField: { time: "Giờ gửi", cadence: "Chu kỳ", lang: "Ngôn ngữ bản tin", next: "Lần gửi tới" },

  subscribe: {
    created: "Đã đăng ký nhận bản tin",
    updated: "Đã cập nhật đăng ký bản tin",
    next: "Xem trước bản tin hôm nay: /digest · Xem cài đặt: /settings · Huỷ: /unsubscribe",
    badZone: (word: string) =>
      `“${word}” không phải giờ (HH:MM), chu kỳ (daily/weekly), ngôn ngữ (vi/en) hay múi giờ (ví dụ Asia/Ho_Chi_Minh).`,
  },
  unsubscribe: {
    done: "Đã huỷ đăng ký bản tin",
    doneText: "Bot sẽ không gửi bản tin vào đây nữa. Đăng ký lại bất cứ lúc nào bằng /subscribe.",
    none: "Cuộc trò chuyện này chưa đăng ký bản tin",
    noneText: "Không có gì để huỷ. Đăng ký bằng /subscribe.",
  },
  settings: {
    title: "Cài đặt",
    chatDigest: "Bản tin của cuộc trò chuyện này",
    notSubscribed: "Chưa đăng ký. Đăng ký bằng /subscribe [HH:MM].",
    yourLang: "Ngôn ngữ của bạn",
    langIs: (name: string) => `${name} (đổi bằng /lang vi hoặc /lang en)`,
    langNotSet: "Chưa chọn: theo ngôn ngữ của ứng dụng. Chọn bằng /lang vi hoặc /lang en.",
  },
  langCommand: {
    title: "Ngôn ngữ",
    current: (name: string) => `Bạn đang dùng ${name}. Đổi bằng /lang vi hoặc /lang en.`,
    notSet: "Chưa chọn: bot theo ngôn ngữ của ứng dụng. Chọn bằng /lang vi hoặc /lang en.",
    /** Said in the language just chosen. */
    set: "Đã chọn tiếng Việt",
    setText: "Từ giờ bot trả lời bạn bằng tiếng Việt. (Ngôn ngữ của bản tin theo lịch đặt bằng /subscribe.)",
  },
  digestCommand: { quietDay: "Những ngày như thế này, bản tin theo lịch không gửi gì." },

  ingest: {
    notAPage: (name: string) => `“${name}” không phải trang báo: hãy gửi tệp .html (trang đã lưu) hoặc .txt.`,
    fileTooLarge: (mb: number, where?: string) =>
      where ? `Tệp quá lớn: ${where} chỉ cho bot tải tệp tới ${mb} MB.` : `Tệp quá lớn (tối đa ${mb} MB).`,
    noPage: "Gửi trang báo dưới dạng tệp (.html hoặc .txt) kèm lệnh /ingest, hoặc dán nội dung bài ngay sau /ingest.",
    draftSaved: (id: string) => `Đã lập bản nháp ${id}. Xem và duyệt: /review ${id}`,
    noDraft: (id: string) => `Không có bản nháp “${id}” trong hộp thư.`,
    badDraft: (detail: string) => `Bản nháp không đọc được: ${detail}`,
    duplicate: (file: string) => `Bài này đã có trong dữ liệu (${file}); không thêm lần nữa.`,
    unknownRecords: (detail: string) => `Không có trong bản nháp: ${detail}`,
    refusedTitle: "Chưa duyệt: dữ liệu sẽ có lỗi",
    refusedText: (count: number) => `Tìm thấy ${count} lỗi; dữ liệu không thay đổi. Sửa bản nháp rồi duyệt lại.`,
    approvedTitle: (count: number) => `Đã duyệt ${count} bản ghi`,
    approvedText: (file: string, left: number) =>
      `Nguồn ${file} đã vào dữ liệu.${left ? ` Còn ${left} bản ghi trong bản nháp.` : ""}`,
    rejected: (id: string) => `Đã từ chối bản nháp ${id}; bản nháp được lưu ở data/inbox/rejected/.`,
    badAction: "Cần: approve [mã bản ghi…] hoặc reject.",
  },
  // Why a page given to /ingest (an address or a file) cannot be read.
  pageFetch: {
    notAddress: (url: string) => `Đây không phải một địa chỉ trang: ${url}`,
    notHttp: (protocol: string) => `Chỉ lấy được trang có địa chỉ http hoặc https, không phải ${protocol}`,
    unreachable: (href: string, why: string) => `Không tải được ${href}: ${why}`,
    refused: (href: string, status: number, statusText: string) => `${href} trả lời ${status} ${statusText}`,
    notPage: (href: string, type: string) => `${href} là ${type}, không phải trang HTML hay văn bản`,
    tooLarge: (href: string, maxBytes: number) => `${href} lớn hơn ${maxBytes} byte`,
    badCharset: (href: string, charset: string) => `${href} không phải văn bản ${charset} hợp lệ`,
    fileNotUtf8: (name: string) => `${name} không phải văn bản UTF-8: hãy lưu trang dưới dạng .html hoặc .txt mã UTF-8`,
    fileNotText: (name: string) => `${name} không phải trang văn bản hay HTML`,
    unreadableFile: (path: string, why: string) => `Không đọc được ${path}: ${why}`,
  },

  // Why a drafted article needs a second look (the reasons under "Cần xem lại" in /review).
  draftNotes: {
    duplicatePage: (file: string, why: "same-text" | "same-address" | "same-sentences") =>
      `Bài này đã có trong kho dữ liệu (${file}, ${{ "same-text": "cùng nội dung", "same-address": "cùng địa chỉ", "same-sentences": "phần lớn các câu trùng" }[why]}): sẽ không thêm lần nữa.`,
    notVietnamLaos: "Bài chính không nhắc tới Lào hay tỉnh, địa danh nào của Lào.",
    pendingTranslation: (articleLang: "vi" | "en"): string =>
      articleLang === "vi"
        ? "Bài tiếng Việt: phần tiếng Anh được đánh dấu “[translation pending]”."
        : "Bài tiếng Anh: phần tiếng Việt được đánh dấu “[chưa dịch]”.",
    noProvince: "Sự kiện không nêu tỉnh nào đã biết.",
    yearNotStated: (printed: string) =>
      `“${printed}” được in không kèm năm và không có gì trong bài xác định được: ngày giữ là không rõ.`,
    yearConflict: (year: number, reason: string) => `${year}: ${reason}`,
    sameEvent: (id: string, title: string) =>
      `Cùng ngày và cùng các tỉnh với ${id} (“${title}”): có lẽ là cùng một sự kiện được đưa tin ở nơi khác.`,
    fewParties: (docType: string, level: "province" | "district" | "ministry" | "unknown") =>
      `${docType}: biết chưa đủ hai bên ký (cấp ${{ province: "tỉnh", district: "huyện", ministry: "bộ", unknown: "không rõ" }[level]}).`,
    sameAgreement: (id: string, title: string, withPeriod: boolean) =>
      `Cùng các bên${withPeriod ? " và cùng giai đoạn" : ""} với ${id} (“${title}”): có lẽ là cùng một văn bản.`,
    noDirection: (amount: string) => `${amount}: câu không nói ai trao cho ai; không lập số liệu.`,
    nameWithoutTitle: (name: string) => `${name}: được nhắc tên mà không có chức danh; không lập bản ghi.`,
    noEventForTitle: (name: string, title: string) => `${name} (${title}): không có sự kiện nào để gắn chức danh.`,
    newPerson: (name: string, close?: string) =>
      `${name} là người mới trong kho dữ liệu${close ? ` (không nối với ${close}: chỉ trùng một phần tên)` : ""}.`,
    unknownName: (name: string) => `${name}: không phải tỉnh hay địa danh có trong bảng tên gọi.`,
    reviewedNotSigning: (text: string) => `xem lại, không phải ký mới: ${text}`,
    termNotPeriod: (text: string) => `nhiệm kỳ, không phải giai đoạn của văn bản: ${text}`,
  },

  review: {
    uncertainty: {
      "inferred-year": "Năm suy ra",
      "year-not-stated": "Không nêu năm",
      "year-conflict": "Năm không thống nhất",
      "unresolved-name": "Tên chưa xác định",
      "unlinked-person": "Người mới",
      duplicate: "Trùng bài",
      "possible-duplicate": "Có thể trùng sự kiện",
      "no-direction": "Không rõ chiều",
      "not-drafted": "Không lập bản ghi",
      "pending-translation": "Chờ dịch",
      "not-vietnam-laos": "Không về Việt – Lào",
      note: "Ghi chú",
    },
    source: "Nguồn",
    language: "Ngôn ngữ",
    languageName: { vi: "Tiếng Việt", en: "English" },
    segments: "Phân đoạn",
    found: (n: number) => `Tìm thấy (${n})`,
    noRecords: "Không có bản ghi nào.",
    uncertain: "Cần xem lại",
    errors: "Lỗi (chưa thể duyệt)",
    draft: "Bản nháp",
    approveAll: "Duyệt tất cả",
    reject: "Từ chối",
    inboxTitle: (n: number) => `Hộp thư bản nháp (${n})`,
    records: "bản ghi",
    uncertainCount: "cần xem lại",
    errorCount: "lỗi",
    duplicateOf: "trùng",
    inboxEmpty: "Không có bản nháp nào chờ duyệt.",
  },
  reload: {
    unavailable: "Bot này không hỗ trợ nạp lại dữ liệu.",
    refusedTitle: "Không nạp lại: dữ liệu có lỗi",
    refusedText: (count: number, version: string) =>
      `Tìm thấy ${count} lỗi. Dữ liệu cũ (phiên bản ${version}) vẫn đang được dùng; không có gì bị nạp dở.`,
    moreErrors: (n: number) => `… và ${n} lỗi khác`,
    corpusVersion: "Phiên bản dữ liệu",
    records: "Số bản ghi",
    nothingChanged: "Không có thay đổi nào.",
    added: "Thêm",
    removed: "Bỏ",
    changed: "Sửa",
    done: (version: string) => `Đã nạp lại dữ liệu — ${version}`,
  },
  audit: {
    title: (n: number) => `Nhật ký quản trị — ${n} mục mới nhất`,
    empty: "Nhật ký còn trống.",
    result: { ok: "thành công", refused: "bị từ chối", failed: "thất bại" },
  },
  statusCommand: {
    unavailable: "Bot này không báo cáo tình trạng.",
    title: "Tình trạng bot Hữu Nghị",
    connected: "đã kết nối",
    disconnected: "mất kết nối",
    none: "không có",
    version: "Phiên bản",
    corpusVersion: "Phiên bản dữ liệu",
    uptime: "Thời gian chạy",
    platforms: "Nền tảng",
    subscriptions: "Kênh đăng ký bản tin",
    storeFailing: (detail: string) => `không đọc được: kho lưu trữ lỗi (${detail})`,
    nextDigest: "Bản tin kế tiếp",
    nextUnknown: (detail: string) => `không rõ: kho lưu trữ lỗi (${detail})`,
    noneScheduled: "chưa có lịch",
    records: "Số bản ghi",
  },
};

/** The shape every language's catalogue has: Vietnamese is the reference. */
export type Catalogue = typeof vi;
