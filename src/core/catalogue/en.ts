// Every word the bot says, in English. Typed by the Vietnamese catalogue: a missing key is a type error.
import type { Catalogue } from "./vi";

/** "2024-12-31" → "31/12/2024". */
const day = (iso: string) => iso.split("-").reverse().join("/");

export const en: Catalogue = {
  sources: "Sources",
  page: "Page",
  didYouMean: "Did you mean",

  sourceList: {
    reference: "Reference table",
    referenceTitle: (file: string) =>
      file.includes("aliases")
        ? "names of provinces and districts"
        : file.includes("anniversar")
          ? "national anniversaries"
          : file,
    noOutlet: "page names no outlet",
    undated: "undated",
  },
  quotes: {
    button: "📑 Quotes",
    back: "↩ Answer",
    title: (title: string) => `Quotes — ${title}`,
    intro: "The verbatim sentence behind each [n] in its source; /source <id> shows where in the article.",
    none: "This answer cites no source.",
    aliasTable: "Alias table",
    anniversaryTable: "Anniversary table",
    canonicalVi: (name: string) => `the standard Vietnamese name is ${name}`,
    capital: (name: string) => `the capital is ${name}`,
    listed: (text: string) => `lists “${text}”`,
  },

  timeline: {
    pages: (count, pages, spans) => `${count} events on ${pages} pages: ${spans}.`,
    pageSpan: (page, span) => `page ${page} — ${span}`,
  },

  telegram: {
    sentPrivately: "I sent you the answer privately.",
    privateOnly: (bot) => `This answer is private. Open a chat with @${bot}, press Start, then run the command again.`,
    inlineNoResults: "No results — open the help",
    inlineMore: (command) => `… (continued — send ${command} to the bot)`,
    buttonExpired: "This button has expired (the bot restarted or the result is old). Please run the command again.",
  },
  discord: {
    previous: "Previous",
    next: "Next",
    sourcesMore: "Sources (continued)",
    shortened: "… (shortened to fit Discord's limits)",
    moreSources: "more sources not shown",
    pageExpired: "This list has expired. Please run the command again to see more.",
    sentPrivately: "The answer was sent to you privately (only you can see it).",
    missingPermissions: (permissions: string) =>
      `The bot cannot post digests in this channel: it lacks ${permissions}. Ask a server admin to grant the bot those permissions here, then run /subscribe again.`,
    unknownButton: "This button no longer works.",
    brand: "Hữu Nghị · Vietnam–Laos cooperation",
  },
  console: {
    welcome: "Hữu Nghị — type /help for the commands, /quit to leave.",
    unknownLine: "Type /help to see the commands.",
    nothingToPage: "Nothing to page through.",
    pageExpired: "This list is too old. Please type the command again to see more.",
    internalError: "Internal error; see the log.",
    pagingHint: "(/next: next page · /prev: previous page)",
    lastPage: (page: number, count: number) => `This is the last page (${page}/${count}).`,
    firstPage: (count: number) => `This is the first page (1/${count}).`,
  },

  country: "Country",
  VN: "Vietnam",
  LA: "Laos",
  aliases: "Also written",
  capital: "Capital",
  partners: "Partner provinces (shared agreements or activities)",
  agreements: "Agreements",
  events: "Events (newest first)",
  commitments: "Commitments",
  figures: "Figures",
  people: "People met",
  places: "Places",
  clauses: "Main clauses",
  parties: "Parties",
  signed: "Signed",
  period: "Period",
  status: "Status",
  inForce: "in force",
  expiredOn: "expired on",
  notYetInForce: "not yet in force",
  noPeriod: "no period stated",
  signedThatYear: "signed that year",
  inForceThatYear: "in force that year",
  noRenewal: "no renewal recorded",
  unknownDate: "date not stated",
  notStated: "not stated",
  inferred: "year inferred",
  inferredHow: "How the year was inferred",
  notCovered: "No article in the corpus covers this province yet.",
  nothingFound: "Nothing found.",
  years: "years",
  roundMilestone: "round milestone",
  nextRound: "Next round milestone",
  in: "in",
  days: "days",
  today: "today",
  confidence: "Confidence",

  briefing: {
    via: (place, province, note) => `${place} is in ${province} province.${note ? ` ${note}` : ""}`,
    opening: (province, country) => `${province} province, ${country}.`,
    agreementWith: (document, partners) => `${document}, with ${partners}`,
    status: (s) =>
      s.state === "in-force"
        ? `in force until ${day(s.endsOn)} (end of the period)`
        : s.state === "expired"
          ? `expired ${day(s.endedOn)} (end of the period)`
          : s.state === "not-yet"
            ? `in force from ${day(s.startsOn)}`
            : "no period stated",
    inferredNote: "* Year inferred (the article prints none); how: /source <id>.",
    commitment: (what, by, to) => `↳ Commitment: ${what} (${by} → ${to})`,
    atSigning: (amount, what, from, to) =>
      `↳ Given at the signing, separate from the agreement's text: ${amount} — ${what} (${from} → ${to})`,
  },

  chart: {
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
  },
  pictures: {
    chartAction: "📊 Chart",
    briefAction: "📄 Download",
    summaryAction: "Summary",
    chartFile: "Chart",
    chartSummary: (events: number, bars: number, undated: number) =>
      `Chart attached: ${events} events on the time axis, ${bars} agreements, ${undated} events with no date.`,
    briefSummary: (facts: number, notes: number) =>
      `Word briefing note attached: ${facts} items, each footnoted with its source and the verbatim quote (${notes} footnotes), with the timeline chart.`,
    notCovered: (province: string) => `No article covers ${province} yet: there is nothing to brief on.`,
    saved: (path: string) => `📎 File saved: ${path}`,
    note: {
      title: "Cooperation briefing note",
      prepared: "Prepared",
      chart: "Timeline",
      chartCaption: "Timeline chart: events on a time axis, agreements over their period.",
      footnotes: "Each fact has a footnote giving its source and the verbatim quote.",
      overview: "Overview",
      anniversaries: "Upcoming anniversaries",
      by: "committed by",
    },
  },

  confidenceLevel: { high: "high", medium: "medium", low: "low" },
  ordinal: (n) => {
    const tens = n % 100;
    if (tens >= 11 && tens <= 13) return `${n}th`;
    return `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
  },
  unit: {
    project: { one: "project", many: "projects" },
    course: { one: "training course", many: "training courses" },
    scholarship: { one: "scholarship", many: "scholarships" },
    ventilator: { one: "ventilator", many: "ventilators" },
    mask: { one: "mask", many: "masks" },
    bottle: { one: "bottle", many: "bottles" },
    student: { one: "student", many: "students" },
    delegation: { one: "delegation", many: "delegations" },
  },
  money: { billion: "billion", million: "million", currency: "VND", locale: "en-US" },
  derivedFrom: (from, to) => `derived from the ${from}–${to} period`,

  digest: {
    title: "Hữu Nghị briefing",
    anniversaries: "Coming anniversaries",
    onThisDay: "On this day",
    agreements: "Agreements ending or ended",
    nothing: "Nothing to report today: no anniversary, same-day event or agreement deadline.",
    anniversary: (day, years, name) => `${day} — ${en.ordinal(years)} anniversary: ${name}`,
    yearsAgo: (n) => `${n} ${n === 1 ? "year" : "years"} ago`,
    inForceUntil: (day) => `in force until ${day}`,
    endsToday: "ends today",
    endsIn: (days) => `ends in ${days} days`,
  },
  anniversariesCommand: {
    mainMilestones: "Next round milestones of the main anniversaries",
    title: (days, from) => `Anniversaries in the next ${days} days (from ${from})`,
    years: (n) => `${en.ordinal(n)} anniversary`,
    lead: (years) => `${years}:`,
    none: (days, next) => `No anniversary in the next ${days} days. The next one: ${next}.`,
  },
  agreementsCommand: {
    /** Figures given at the signing, shown beside the agreement and kept apart from its text. */
    atSigning: "Given at the signing (separate from the agreement's text)",
    title: "Agreements",
    signatories: "Signed for the parties by",
    noneForProvince: (parties) =>
      `The corpus has no agreement for this province. Provinces with agreements: ${parties}.`,
    noneMatch: (span) => `No agreement matches. The corpus has agreements covering ${span}.`,
  },

  askCommand: {
    missing: "Please type a question.",
    title: (question) => `Question: ${question}`,
    signed: "signed",
    briefingOn: (name) => `briefing on ${name}`,
    fullText: "full-text search",
    nothing:
      "The corpus has nothing that answers this question. Try another command: /search, /province <name>, /timeline, /agreements; /help lists them all.",
    mostRelevant: (n) => (n === 1 ? "The most relevant fact:" : `The ${n} most relevant facts (best first):`),
  },
  timelineCommand: { title: "Timeline" },
  searchCommand: {
    noWords: "Please type something to search for.",
    title: (query) => `Results for “${query}”`,
    count: (n) => `${n} ${n === 1 ? "result" : "results"}`,
    approximate: (n) =>
      `No result matches the diacritics as typed; ${n} approximate ${n === 1 ? "result" : "results"} (diacritics ignored):`,
    hitKind: {
      event: "event",
      agreement: "agreement",
      clause: "clause",
      commitment: "commitment",
      figure: "figure",
      person: "person",
      province: "province",
      place: "place",
      anniversary: "anniversary",
      sentence: "article",
    },
  },
  sourceCommand: {
    file: "File",
    outlet: "Outlet",
    address: "Address",
    provenance: "Provenance",
    pageStructure: "Page structure",
    factsCited: (n) => `Facts cited from this source (${n})`,
    line: (n) => `line ${n}`,
    lines: (from, to) => `lines ${from}–${to}`,
    segment: {
      title: "title",
      article: "article",
      box: "side box",
      caption: "photo caption",
      furniture: "page furniture (unrelated)",
      reference: "reference table",
    },
    notVietnamLaos: " — not Vietnam–Laos, never used in answers",
    date: "Date",
    sourcesOf: (id) => `Sources of ${id}`,
    unknown: (id, ids) => `No source or fact “${id}”. Source ids: ${ids}.`,
  },
  helpCommand: {
    title: "Hữu Nghị — Vietnam–Laos cooperation briefings",
    intro: "Every fact comes with a cited source [1]. Type names with or without diacritics (son la, Luang Prabang…).",
    more: "Type /help <command> for details and examples.",
    optional: " (optional)",
    examples: "Examples",
    unknown: (name) => `There is no /${name} command.`,
  },
  args: {
    bad: (value, expected) => `“${value}” is not valid here. Expected: ${expected}.`,
    tooLong: (length, max, start) => `That argument is too long (${length} characters; at most ${max}): “${start}”.`,
    unexpected: (command, value) => `/${command} takes no argument “${value}”.`,
    missing: (what, example) => `Missing ${what}. Example: ${example}`,
    help: "help",
  },
  provinceArg: {
    country: (input, _country, names) =>
      `“${input}” is a country, not a province. Its provinces in the corpus: ${names}.`,
    ambiguous: (input, names) => `“${input}” could be several provinces: ${names}. Please be more specific.`,
    unknown: (input, hint) => `No province “${input}” in the corpus.${hint}`,
    didYouMean: (names) => ` Did you mean: ${names}?`,
    examples: " Type /help province for examples.",
    covered: (names) => ` Provinces with content: ${names}.`,
  },
  errorTitle: "Could not do that",
  internalError: "Sorry, something went wrong handling that. It has been logged; please try again later.",
  adminOnly: "This command is for the bot's administrators only.",
  noStore: "This bot runs without a state store, so it cannot keep subscriptions or preferences.",
  storeUnavailable:
    "The bot's state store is unavailable right now, so subscriptions and preferences cannot be read or saved. Please try again in a few minutes.",
  notChatAdmin: (chat, right) =>
    `Only administrators can change this ${chat === "channel" ? "channel" : "group"}'s digest subscription (it needs ${
      right === "manageChannels" ? "the Manage Channels permission" : "administrator rights in this chat"
    }).`,
  unknownCommand: (name) => `There is no /${name} command. Type /help to see them all.`,

  kind: {
    sources: "Sources",
    provinces: "Provinces",
    places: "Places",
    people: "People",
    events: "Events",
    agreements: "Agreements",
    figures: "Figures",
    anniversaries: "Anniversaries",
  },
  duration: { seconds: (n) => `${n} s`, day: "d", hour: "h", minute: "min" },

  langName: { vi: "Vietnamese", en: "English" },
  weekday: ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
  daily: "daily",
  weeklyOn: (day) => `weekly, on ${day}`,
  subscriptionField: { time: "Time", cadence: "Cadence", lang: "Digest language", next: "Next digest" },

  subscribe: {
    created: "Subscribed to the digest",
    updated: "Digest subscription updated",
    next: "Preview today's digest: /digest · Settings: /settings · Stop: /unsubscribe",
    badZone: (word) =>
      `“${word}” is not a time (HH:MM), cadence (daily/weekly), language (vi/en) or time zone (e.g. Asia/Ho_Chi_Minh).`,
  },
  unsubscribe: {
    done: "Unsubscribed from the digest",
    doneText: "The bot will not post the digest here any more. Subscribe again at any time with /subscribe.",
    none: "This chat is not subscribed",
    noneText: "Nothing to stop. Subscribe with /subscribe.",
  },
  settings: {
    title: "Settings",
    chatDigest: "This chat's digest",
    notSubscribed: "Not subscribed. Subscribe with /subscribe [HH:MM].",
    yourLang: "Your language",
    langIs: (name) => `${name} (change with /lang vi or /lang en)`,
    langNotSet: "Not set: your app's language is used. Set it with /lang vi or /lang en.",
  },
  langCommand: {
    title: "Language",
    current: (name) => `You are using ${name}. Change it with /lang vi or /lang en.`,
    notSet: "Not set: the bot follows your app's language. Set it with /lang vi or /lang en.",
    set: "Language set to English",
    setText:
      "The bot will answer you in English from now on. (The scheduled digest's language is set with /subscribe.)",
  },
  digestCommand: { quietDay: "On days like this the scheduled digest posts nothing." },

  ingest: {
    notAPage: (name) => `“${name}” is not a news page: send a saved page as .html, or a .txt file.`,
    fileTooLarge: (mb, where) =>
      where
        ? `The file is too large: ${where} lets bots download files of up to ${mb} MB.`
        : `The file is too large (at most ${mb} MB).`,
    noPage: "Send the news page as a file (.html or .txt) with /ingest, or paste the article right after /ingest.",
    draftSaved: (id) => `Draft ${id} saved. Review and approve it: /review ${id}`,
    noDraft: (id) => `There is no draft “${id}” in the inbox.`,
    badDraft: (detail) => `The draft cannot be read: ${detail}`,
    duplicate: (file) => `This page is already in the corpus (${file}); it is not added twice.`,
    unknownRecords: (detail) => `Not in the draft: ${detail}`,
    refusedTitle: "Not approved: the data would have errors",
    refusedText: (count) => `Found ${count} error(s); nothing in the data changed. Fix the draft and approve again.`,
    approvedTitle: (count) => `Approved ${count} record(s)`,
    approvedText: (file, left) =>
      `Source ${file} is in the data now.${left ? ` ${left} record(s) stay in the draft.` : ""}`,
    rejected: (id) => `Draft ${id} rejected; it is kept in data/inbox/rejected/.`,
    badAction: "Expected: approve [record ids…] or reject.",
  },
  pageFetch: {
    notAddress: (url) => `not an address: ${url}`,
    notHttp: (protocol) => `only http and https addresses can be fetched, not ${protocol}`,
    unreachable: (href, why) => `could not fetch ${href}: ${why}`,
    refused: (href, status, statusText) => `${href} answered ${status} ${statusText}`,
    notPage: (href, type) => `${href} is ${type}, not an HTML or text page`,
    tooLarge: (href, maxBytes) => `${href} is larger than ${maxBytes} bytes`,
    badCharset: (href, charset) => `${href} is not valid ${charset} text`,
    fileNotUtf8: (name) => `${name} is not UTF-8 text: save the page as .html or .txt in UTF-8`,
    fileNotText: (name) => `${name} is not a text or HTML page`,
    unreadableFile: (path, why) => `cannot read ${path}: ${why}`,
  },

  draftNotes: {
    duplicatePage: (file, why) =>
      `The page is already in the corpus as ${file} (${{ "same-text": "same text", "same-address": "same address", "same-sentences": "most sentences the same" }[why]}): it will not be added twice.`,
    notVietnamLaos: "The main story names neither Laos nor a Lao province or place.",
    pendingTranslation: (articleLang) =>
      articleLang === "vi"
        ? "Vietnamese article: English texts are marked “[translation pending]”."
        : "English article: Vietnamese texts are marked “[chưa dịch]”.",
    noProvince: "An event names no known province.",
    yearNotStated: (printed) =>
      `“${printed}” is printed without a year and nothing in its story fixes it: date kept as not stated.`,
    yearConflict: (year, reason) => `${year}: ${reason}`,
    sameEvent: (id, title) =>
      `Same date and provinces as ${id} (“${title}”): probably the same event reported elsewhere.`,
    fewParties: (docType, level) => `${docType}: fewer than two parties known (${level} level).`,
    sameAgreement: (id, title, withPeriod) =>
      `Same parties${withPeriod ? " and period" : ""} as ${id} (“${title}”): probably the same agreement.`,
    noDirection: (amount) => `${amount}: the sentence does not say who gives to whom; not drafted as a figure.`,
    nameWithoutTitle: (name) => `${name}: named without a title; not drafted.`,
    noEventForTitle: (name, title) => `${name} (${title}): no event to attach the title to.`,
    newPerson: (name, close) =>
      `${name} is new to the corpus${close ? ` (not linked: ${close} shares only a part of the name)` : ""}.`,
    unknownName: (name) => `${name}: not a province or place the gazetteer knows.`,
    reviewedNotSigning: (text) => `reviewed, not a new signing: ${text}`,
    termNotPeriod: (text) => `term of office, not an agreement period: ${text}`,
  },

  review: {
    uncertainty: {
      "inferred-year": "Inferred year",
      "year-not-stated": "Year not stated",
      "year-conflict": "Conflicting year",
      "unresolved-name": "Unresolved name",
      "unlinked-person": "New person",
      duplicate: "Duplicate page",
      "possible-duplicate": "Possible duplicate",
      "no-direction": "No direction",
      "not-drafted": "Not drafted",
      "pending-translation": "Translation pending",
      "not-vietnam-laos": "Not Vietnam–Laos",
      note: "Note",
    },
    source: "Source",
    language: "Language",
    languageName: { vi: "Tiếng Việt", en: "English" },
    segments: "Segments",
    found: (n) => `Found (${n})`,
    noRecords: "No records.",
    uncertain: "Uncertain",
    errors: "Errors (cannot be approved yet)",
    draft: "Draft",
    approveAll: "Approve all",
    reject: "Reject",
    inboxTitle: (n) => `Draft inbox (${n})`,
    records: "records",
    uncertainCount: "uncertain",
    errorCount: "errors",
    duplicateOf: "duplicate of",
    inboxEmpty: "No drafts waiting for review.",
  },
  reload: {
    unavailable: "This bot cannot reload its data.",
    refusedTitle: "Reload refused: the data has errors",
    refusedText: (count, version) =>
      `Found ${count} error(s). The old data (version ${version}) is still in use; nothing was half-loaded.`,
    moreErrors: (n) => `… and ${n} more`,
    corpusVersion: "Corpus version",
    records: "Records",
    nothingChanged: "Nothing changed.",
    added: "Added",
    removed: "Removed",
    changed: "Changed",
    done: (version) => `Data reloaded — ${version}`,
  },
  audit: {
    title: (n) => `Audit log — latest ${n}`,
    empty: "The audit log is empty.",
    result: { ok: "ok", refused: "refused", failed: "failed" },
  },
  statusCommand: {
    unavailable: "This bot does not report its status.",
    title: "Hữu Nghị bot status",
    connected: "connected",
    disconnected: "disconnected",
    none: "none",
    version: "Version",
    corpusVersion: "Corpus version",
    uptime: "Uptime",
    platforms: "Platforms",
    subscriptions: "Digest subscriptions",
    storeFailing: (detail) => `unknown: the store is failing (${detail})`,
    nextDigest: "Next digest",
    nextUnknown: (detail) => `unknown: the store is failing (${detail})`,
    noneScheduled: "none scheduled",
    records: "Records",
  },
};
