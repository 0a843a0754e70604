import { Citer } from "../src/core/cite";
import type { Command, CommandReply } from "../src/core/command";
import type { Corpus } from "../src/core/corpus";
import { UserError } from "../src/core/errors";
import { formatAmount, formatFactDate, formatIsoDay } from "../src/core/format";
import { both, type Lang, pick, t, words } from "../src/core/i18n";
import { isMarked } from "../src/core/marked-words";
import type { CitationRef } from "../src/core/model";
import { fold } from "../src/core/normalize";
import { paginate } from "../src/core/paginate";
import type { Line } from "../src/core/reply";
import type { SearchDoc, SearchHits } from "../src/core/search-index";

const SNIPPET = 160;

/** A window of the text around the first matched term, so the hit is visible. */
export function snippet(text: string, terms: readonly string[]): string {
  const folded = fold(text);
  // fold() keeps one character per character for Vietnamese text, so positions line up closely enough.
  const at =
    terms
      .map((term) => folded.indexOf(term))
      .filter((i) => i >= 0)
      .sort((a, b) => a - b)[0] ?? 0;
  const start = Math.max(0, at - Math.floor(SNIPPET / 3));
  const end = start + SNIPPET;
  let cut = text.slice(start, end);
  // Whole words only: drop a word cut at either end.
  if (start > 0 && /\S/.test(text[start - 1] ?? "")) cut = cut.replace(/^\S*\s*/u, "");
  if (end < text.length && /\S/.test(text[end] ?? "")) cut = cut.replace(/\s*\S*$/u, "");
  return `${start > 0 ? "…" : ""}${cut.trim()}${end < text.length ? "…" : ""}`;
}

/** What a hit says and where it comes from, in the reader's language. */
function describeHit(corpus: Corpus, doc: SearchDoc, lang: Lang): { label: string; body: string; refs: CitationRef[] } {
  const record = corpus.byId.get(doc.ref)?.record as { sources?: CitationRef[] } | undefined;
  switch (doc.kind) {
    case "event": {
      const e = corpus.event(doc.ref);
      return { label: e ? pick(e.title, lang) : doc.ref, body: e ? pick(e.summary, lang) : "", refs: e?.sources ?? [] };
    }
    case "agreement": {
      const a = corpus.agreement(doc.ref);
      return { label: a ? pick(a.title, lang) : doc.ref, body: a ? pick(a.docType, lang) : "", refs: a?.sources ?? [] };
    }
    case "person": {
      const p = corpus.person(doc.ref);
      return {
        label: p?.name ?? doc.ref,
        body: p ? p.roles.map((r) => pick(r.title, lang)).join("; ") : "",
        refs: p?.roles.flatMap((r) => r.sources) ?? [],
      };
    }
    case "clause":
    case "commitment": {
      // The doc id ends with the clause's or commitment's position in its agreement.
      const a = corpus.agreement(doc.ref);
      const i = Number(doc.id.split(":").at(-1));
      const part = doc.kind === "clause" ? a?.clauses[i] : undefined;
      const pledge = doc.kind === "commitment" ? a?.commitments[i] : undefined;
      const text = part ? pick(part.text, lang) : pledge ? pick(pledge.what, lang) : "";
      return { label: a ? pick(a.title, lang) : doc.ref, body: text, refs: part?.sources ?? pledge?.sources ?? [] };
    }
    case "figure": {
      const f = corpus.figure(doc.ref);
      return {
        label: f ? pick(f.what, lang) : doc.ref,
        body: f ? formatAmount(f.amount, lang) : "",
        refs: f?.sources ?? [],
      };
    }
    case "sentence":
      return {
        label: corpus.sourceTitle(doc.source ?? ""),
        body: doc.body,
        refs: [{ source: doc.source ?? "", quote: doc.body }],
      };
    default: {
      const named = corpus.byId.get(doc.ref)?.record as
        | { name?: { vi: string; en: string } | string; what?: { vi: string; en: string } }
        | undefined;
      const name = named?.name ?? named?.what;
      return {
        label: typeof name === "string" ? name : name ? pick(name, lang) : doc.ref,
        body: doc.body,
        refs: record?.sources ?? [],
      };
    }
  }
}

export const search: Command = {
  name: "search",
  localName: { vi: "tìm-kiếm" },
  description: { vi: "Tìm kiếm trong dữ kiện và bài viết", en: "Search facts and articles" },
  help: {
    vi: "Tìm toàn văn trong các dữ kiện và phần bài viết về Việt Nam – Lào (không dấu cũng được), xếp theo mức liên quan, kèm đoạn trích và nguồn. Các mục không liên quan trên trang (tin Việt – Nga, Việt – Trung…) không bao giờ xuất hiện.",
    en: "Full-text search over the facts and the Vietnam–Laos parts of the articles (diacritics optional), ranked, with snippets and sources. Unrelated page items (Vietnam–Russia, Vietnam–China news…) never appear.",
  },
  args: [
    {
      name: "words",
      localName: { vi: "từ-khóa" },
      kind: "text",
      required: true,
      description: { vi: "Từ khóa", en: "Search words" },
    },
  ],
  examples: ["/search học bổng", "/search khau trang", "/search Covid"],
  run(ctx, args): CommandReply {
    const { corpus, lang } = ctx;
    const query = String(args.words ?? "").trim();
    const terms = fold(query)
      .split(" ")
      .filter((w) => w.length > 0);
    if (terms.length === 0) {
      throw new UserError(
        "missing-argument",
        both((w) => w.searchCommand.noWords),
      );
    }
    const found = corpus.search.search(query);
    // Folding makes "Triều Tiên" match "triệu … tiền": when the query has diacritics, hits that contain the
    // words exactly as typed come first, and the reader is told when none do.
    const marked = query
      .normalize("NFC")
      .toLowerCase()
      .split(/\s+/)
      .map((w) => w.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, ""))
      .filter((w) => w.length > 0 && isMarked(w));
    // Without diacritics every hit is exact. With them, hits found only through folding ("triều tiên" finding
    // "triệu … tiền") are shown only when no hit matches the words as typed (read from the index's words as
    // written, not from each hit's text).
    const exactHits = marked.length > 0 ? found.filter(corpus.search.holdingAsTyped(marked)) : undefined;
    const hits: SearchHits = exactHits && exactHits.length > 0 ? exactHits : found;
    const approximate = exactHits !== undefined && found.length > 0 && exactHits.length === 0;
    const w = words(lang).searchCommand;
    const title = w.title(query);
    if (hits.length === 0) {
      return {
        title,
        blocks: [{ kind: "text", line: { text: t("nothingFound", lang) } }],
        citations: [],
        error: { code: "no-results" },
      };
    }
    const { items, paging } = paginate(hits, ctx.page);
    const citer = new Citer(corpus);
    const lines: Line[] = items.map((hit) => {
      const { label, body, refs } = describeHit(corpus, hit, lang);
      const kinds: Readonly<Record<string, string>> = w.hitKind;
      const kindLabel = kinds[hit.kind] ?? hit.kind;
      // Each hit says what kind of fact it is and when (dd/MM/yyyy as precise as the source, or "not stated").
      return {
        text: `[${kindLabel} · ${dateOfHit(corpus, hit, lang)}] ${label}: ${snippet(body, terms)}`,
        cites: citer.cite(hit.ref, refs.slice(0, 1)),
      };
    });
    const reply: CommandReply = {
      title,
      blocks: [
        {
          kind: "text",
          line: {
            text: approximate ? w.approximate(hits.length) : w.count(hits.length),
          },
        },
        { kind: "list", items: lines },
      ],
      citations: citer.list,
    };
    if (paging) reply.paging = paging;
    return reply;
  },
};

/** The date a hit's fact carries: an event's or figure's date, an agreement's signing, an anniversary's day. */
function dateOfHit(corpus: Corpus, hit: SearchDoc, lang: Lang): string {
  const unknown = t("unknownDate", lang);
  switch (hit.kind) {
    case "event": {
      const e = corpus.event(hit.ref);
      return e ? formatFactDate(e.date, lang) : unknown;
    }
    case "figure": {
      const f = corpus.figure(hit.ref);
      return f ? formatFactDate(f.date, lang) : unknown;
    }
    case "agreement":
    case "clause":
    case "commitment": {
      const a = corpus.agreement(hit.ref);
      return a ? formatFactDate(a.signed, lang) : unknown;
    }
    case "anniversary": {
      const a = corpus.anniversary(hit.ref);
      return a ? formatIsoDay(a.date) : unknown;
    }
    default:
      return unknown;
  }
}
