import type { Command, CommandReply } from "../src/core/command";
import { type Corpus, citationsIn } from "../src/core/corpus";
import { echo, UserError } from "../src/core/errors";
import { formatFactDate } from "../src/core/format";
import { both, type Lang, pick, words } from "../src/core/i18n";
import type { FactDate, SourceDoc } from "../src/core/model";
import { normalizeSpace } from "../src/core/normalize";
import type { Block } from "../src/core/reply";
import { suggestNames } from "../src/core/suggest";

/** "001", "001_809524e14a84028a", "001_809524e14a84028a.txt" and "anniversaries" all name a source file. */
function findSource(corpus: Corpus, id: string): SourceDoc | undefined {
  const wanted = id.toLowerCase();
  return corpus.data.sources.find((s) => {
    const f = s.file.toLowerCase();
    return (
      f === wanted ||
      f.replace(/\.[a-z]+$/, "") === wanted ||
      f.startsWith(`${wanted}_`) ||
      f === `reference-${wanted}.md` ||
      f === `reference-${wanted}.json`
    );
  });
}

function lineRange([from, to]: readonly [number, number], lang: Lang): string {
  const w = words(lang).sourceCommand;
  return from === to ? w.line(from) : w.lines(from, to);
}

/** Source ids an unknown id's answer lists: all of a small corpus's, the first few of a large one's. */
const SOURCE_IDS_LISTED = 12;

/** 1-based line of the source on which a quote starts. */
function lineOf(corpus: Corpus, file: string, quote: string): number | undefined {
  const lines = (corpus.texts.get(file) ?? "").split("\n");
  const q = normalizeSpace(quote).slice(0, 40);
  const i = lines.findIndex((l) => normalizeSpace(l).includes(q));
  return i >= 0 ? i + 1 : undefined;
}

function sourceReply(corpus: Corpus, doc: SourceDoc, lang: Lang): CommandReply {
  const w = words(lang).sourceCommand;
  const fields = [{ name: w.file, value: doc.file }];
  if (doc.outlet) fields.push({ name: w.outlet, value: doc.outlet });
  if (doc.url) fields.push({ name: w.address, value: doc.url });
  if (doc.provenance) fields.push({ name: w.provenance, value: pick(doc.provenance, lang) });
  const segmentKinds: Readonly<Record<string, string>> = w.segment;
  const segments = doc.segments.map((s) => ({
    text: `${lineRange(s.lines, lang)}: ${segmentKinds[s.kind] ?? s.kind}${s.note ? ` (${pick(s.note, lang)})` : ""}${s.vietnamLaos ? "" : w.notVietnamLaos}`,
  }));
  const facts = corpus.recordsCiting(doc.file);
  const blocks: Block[] = [
    { kind: "fields", fields },
    { kind: "heading", text: w.pageStructure },
    { kind: "list", items: segments },
    { kind: "heading", text: w.factsCited(facts.length) },
    { kind: "text", line: { text: facts.join(", ") || "—" } },
  ];
  return { title: doc.title, blocks, citations: [] };
}

export const source: Command = {
  name: "source",
  localName: { vi: "nguồn" },
  description: { vi: "Xem nguồn và câu trích dẫn", en: "Show a source and its quoted sentences" },
  help: {
    vi: "Với mã dữ kiện (ví dụ ev-2022-08-16-xieng-khouang-son-la-signing, có trong /search và /timeline): các câu trích nguyên văn, kèm bài và dòng. Với mã nguồn (000…004, anniversaries, aliases): thông tin bài, phần nào là bài viết, phần nào là phần trang không liên quan.",
    en: "With a fact id (e.g. ev-2022-08-16-xieng-khouang-son-la-signing): the verbatim quotes, with article and line. With a source id (000…004, anniversaries, aliases): the article's details and which parts are article and which unrelated page furniture.",
  },
  args: [
    {
      name: "id",
      localName: { vi: "mã" },
      kind: "text",
      required: true,
      description: { vi: "Mã dữ kiện hoặc mã nguồn", en: "Fact id or source id" },
    },
  ],
  examples: ["/source 001", "/source agr-xieng-khouang-son-la-2022-2024", "/source anniversaries"],
  run(ctx, args): CommandReply {
    const { corpus, lang } = ctx;
    const id = String(args.id ?? "")
      .trim()
      .replace(/^\[|\]$/g, "");
    const doc = findSource(corpus, id);
    if (doc) return sourceReply(corpus, doc, lang);
    const found = corpus.byId.get(id.toLowerCase());
    if (!found) {
      const sources = corpus.data.sources;
      const listed = sources.slice(0, SOURCE_IDS_LISTED).map((s) => s.file.split(/[_.]/)[0]);
      if (sources.length > SOURCE_IDS_LISTED) listed.push("…");
      throw new UserError(
        "unknown-source",
        both((w) => w.sourceCommand.unknown(echo(id), listed.join(", "))),
        suggestNames(id, [...corpus.byId.keys()], 3).map((x) => ({ command: `/source ${x}`, label: x })),
      );
    }
    const refs = citationsIn(found.record);
    const date = (found.record as { date?: FactDate }).date;
    const blocks: Block[] = [];
    if (date && typeof date === "object") {
      blocks.push({
        kind: "fields",
        fields: [{ name: words(lang).sourceCommand.date, value: formatFactDate(date, lang) }],
      });
      if (date.inferred) blocks.push({ kind: "text", line: { text: pick(date.inferred, lang) } });
    }
    blocks.push({
      kind: "list",
      items: refs.map((r, i) => {
        const line = lineOf(corpus, r.source, r.quote);
        const where = `${corpus.sourceTitle(r.source)} (${r.source}${line ? `, ${words(lang).sourceCommand.line(line)}` : ""})`;
        return { text: `[${i + 1}] “${r.quote}” — ${where}${r.url ? ` ${r.url}` : ""}` };
      }),
    });
    return { title: words(lang).sourceCommand.sourcesOf(id), blocks, citations: [] };
  },
};
