// The "Trích dẫn / Quotes" view of an answer: the verbatim sentence behind each [n], with its source and the
// /source command that shows where in the article it is. Reference tables are quoted as sentences.
import { type Lang, words } from "./i18n";
import type { Citation, Reply } from "./reply";
import { shortTitle } from "./source-list";

/**
 * A citation's quote as a reader reads it. Article quotes are verbatim; a row of a reference table (a JSON
 * field, a Markdown table row) becomes a sentence: "Bảng tên gọi: tên tiếng Việt chuẩn là Sơn La".
 */
export function readableQuote(c: Pick<Citation, "source" | "quote" | "reference">, lang: Lang): string {
  if (!c.reference) return `“${c.quote}”`;
  const w = words(lang).quotes;
  if (c.source.includes("anniversar")) {
    // "5 Sep 1962 | Ngày thiết lập quan hệ ngoại giao Việt Nam – Lào (5/9/1962)": the Vietnamese side.
    const row = c.quote.split("|").map((part) => part.trim());
    return `${w.anniversaryTable}: ${row.at(-1) ?? c.quote}`;
  }
  const field = /^"([a-z_]+)":\s*"((?:[^"\\]|\\.)*)"$/.exec(c.quote.trim());
  if (field) {
    const [, key, raw = ""] = field;
    const value = raw.replace(/\\(.)/g, "$1");
    const said = key === "canonical_vi" ? w.canonicalVi(value) : key === "capital" ? w.capital(value) : w.listed(value);
    return `${w.aliasTable}: ${said}`;
  }
  return `${w.aliasTable}: ${w.listed(c.quote.replace(/^"|"$/g, "").replace(/\\(.)/g, "$1"))}`;
}

/** The quotes of an answer as a reply of its own (no further citations: it is the proof). */
export function quotesReply(answer: Reply): Reply {
  const w = words(answer.lang).quotes;
  const reply: Reply = {
    lang: answer.lang,
    title: w.title(answer.title),
    blocks:
      answer.citations.length === 0
        ? [{ kind: "text", line: { text: w.none } }]
        : [
            { kind: "text", line: { text: w.intro } },
            {
              kind: "list",
              items: answer.citations.map((c) => ({
                // A reference table names itself in the sentence ("Bảng tên gọi: …").
                text: `[${c.n}] ${readableQuote(c, answer.lang)}${c.reference ? "" : ` — ${shortTitle(c.title, 50)}`} · /source ${c.factId}`,
              })),
            },
          ],
    citations: [],
    quotesOf: answer.title,
  };
  if (answer.paging) reply.paging = answer.paging;
  return reply;
}
