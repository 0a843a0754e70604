// A Reply is data: each platform renders it with its own escaping and limits.
// Text in a Reply is plain (never pre-escaped markup); renderers escape it. A Reply knows its language, so the
// labels a renderer adds ("Nguồn" / "Sources", "Trang" / "Page") follow it.
import { type Lang, t } from "./i18n";
import { sourceGroups, sourceLine } from "./source-list";

/** An inline run of text; `cites` are citation numbers ([1], [2]) shown after it. */
export interface Line {
  text: string;
  cites?: number[];
  /** Rendered emphasised (bold) where the platform can. */
  strong?: boolean;
}

export type Block =
  | { kind: "heading"; text: string }
  | { kind: "text"; line: Line }
  | { kind: "list"; items: Line[] }
  | { kind: "fields"; fields: { name: string; value: string }[] };

export interface Citation {
  /** The number shown in the text: [1], [2]… */
  n: number;
  /** Source file name in data/sources/. */
  source: string;
  /** Article title of the source. */
  title: string;
  quote: string;
  url?: string;
  /** The fact id behind it, for `/source <id>`. */
  factId: string;
  /** Where the source was published, as the page names it. */
  outlet?: string;
  /** Publication day (YYYY-MM-DD) when the page gives one. */
  published?: string;
  /** A reference table (anniversaries, aliases) rather than a news article. */
  reference?: boolean;
}

export interface Paging {
  /** 1-based page shown. */
  page: number;
  pageCount: number;
}

/** A file sent with a reply: a chart (shown as a picture) or a briefing note (a document to download). */
export interface Attachment {
  kind: "photo" | "document";
  /** Readable name, diacritics kept: "Hữu Nghị – Sơn La – 29-11-2026.docx". */
  fileName: string;
  /** The same name in plain ASCII, for clients and file systems that mangle the other. */
  asciiFileName: string;
  mime: string;
  bytes: Uint8Array;
  /** Plain text shown with the file (Telegram caption, alt text), at most 1,024 characters. */
  caption: string;
}

/** A follow-up command offered as a button under an answer ("Biểu đồ / Chart", "Tải báo cáo / Download"). */
export interface Action {
  command: string;
  label: string;
}

export interface Reply {
  /** The language the reply is written in. */
  lang: Lang;
  title: string;
  blocks: Block[];
  citations: Citation[];
  paging?: Paging;
  /** Set for expected user errors (unknown name, bad year…): a code tests and adapters can match. */
  error?: { code: string };
  /** Suggested follow-up commands, e.g. "did you mean" (command text, label). */
  suggestions?: { command: string; label: string }[];
  /** For replies that must be seen only by the caller where the platform allows it. */
  private?: boolean;
  /** Prefer one message: a platform may shorten quotes (each citation keeps its /source) rather than split. */
  compact?: boolean;
  /** A file to send with the answer; its text (blocks, citations) goes with it as caption or follow-up. */
  attachment?: Attachment;
  /** Follow-up commands shown as buttons where the platform has them, listed as commands elsewhere. */
  actions?: Action[];
  /** This reply lists the verbatim quotes of another answer (the "Trích dẫn / Quotes" view). */
  quotesOf?: string;
}

/** Plain-text rendering used by the console and `npm run ask`; `labels` overrides the reply's own. */
export function renderPlain(
  reply: Reply,
  labels: { sources: string; page: string } = { sources: t("sources", reply.lang), page: t("page", reply.lang) },
): string {
  const out: string[] = [reply.title, ""];
  const line = (l: Line): string => `${l.text}${l.cites?.length ? ` ${l.cites.map((c) => `[${c}]`).join("")}` : ""}`;
  for (const b of reply.blocks) {
    switch (b.kind) {
      case "heading":
        out.push("", `## ${b.text}`);
        break;
      case "text":
        out.push(line(b.line));
        break;
      case "list":
        for (const item of b.items) out.push(`  • ${line(item)}`);
        break;
      case "fields":
        for (const f of b.fields) out.push(`${f.name}: ${f.value}`);
        break;
    }
  }
  if (reply.suggestions?.length) {
    out.push("");
    for (const s of reply.suggestions) out.push(`  → ${s.command}  (${s.label})`);
  }
  if (reply.actions?.length) {
    out.push("");
    for (const a of reply.actions) out.push(`  → ${a.command}  (${a.label})`);
  }
  if (reply.paging && reply.paging.pageCount > 1) {
    out.push("", `${labels.page} ${reply.paging.page}/${reply.paging.pageCount}`);
  }
  // Each source once, with the citation numbers that come from it; the quotes are one --quotes away.
  if (reply.citations.length > 0) {
    out.push("", `${labels.sources}:`);
    for (const group of sourceGroups(reply.citations)) out.push(`  ${sourceLine(group, reply.lang)}`);
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n");
}
