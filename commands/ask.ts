import { Citer } from "../src/core/cite";
import type { Command, CommandContext, CommandReply } from "../src/core/command";
import { describeStatus } from "../src/core/describe";
import { echo, UserError } from "../src/core/errors";
import { formatAmount, formatFactDate, formatIsoDay } from "../src/core/format";
import { both, type Lang, pick, words } from "../src/core/i18n";
import type { Anniversary, CitationRef } from "../src/core/model";
import { answerQuestion, type Fact, overlap } from "../src/core/question";
import type { Line } from "../src/core/reply";
import { agreementStatus } from "../src/core/status";

/** Sentences of a summary, to show the one that answers the question rather than the whole summary. */
function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.;!?])\s+(?=\p{Lu})/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function best<T>(items: readonly T[], score: (item: T) => number): T | undefined {
  let top: T | undefined;
  let topScore = -1;
  for (const item of items) {
    const s = score(item);
    if (s > topScore) {
      top = item;
      topScore = s;
    }
  }
  return top;
}

/** One line per fact: what it says in the reader's language, cited by the quotes that best match the question. */
function factLine(ctx: CommandContext, fact: Fact, terms: ReadonlyMap<string, number>, citer: Citer): Line {
  const { corpus, lang } = ctx;
  const name = (id: string | undefined) => (id ? corpus.provinceName(id, lang) : "");
  // The quote that matches the question best (and, for events, one more if it matches too).
  const matching = new Map(fact.sources.map((q) => [q, overlap(q.quote, terms)] as const));
  const score = (q: CitationRef) => matching.get(q) ?? 0;
  const ranked = [...fact.sources].sort((a, b) => score(b) - score(a));
  const quotes: CitationRef[] = ranked
    .slice(0, fact.kind === "event" ? 2 : 1)
    .filter((q, i) => i === 0 || score(q) > 0);
  const cites = citer.cite(fact.ref, quotes);
  switch (fact.kind) {
    case "event": {
      const e = corpus.event(fact.ref);
      if (!e) break;
      const sentence = best(sentencesOf(pick(e.summary, lang)), (s) => overlap(s, terms)) ?? "";
      return { text: `${formatFactDate(e.date, lang)} — ${pick(e.title, lang)}: ${sentence}`, cites };
    }
    case "figure": {
      const f = corpus.figure(fact.ref);
      if (!f) break;
      return {
        text: `${name(f.from)} → ${name(f.to)}: ${formatAmount(f.amount, lang)} — ${pick(f.what, lang)}; ${formatFactDate(f.date, lang)}`,
        cites,
      };
    }
    case "agreement": {
      const a = corpus.agreement(fact.ref);
      if (!a) break;
      const signed = words(lang).askCommand.signed;
      return {
        text: `${pick(a.title, lang)} — ${signed} ${formatFactDate(a.signed, lang)}; ${describeStatus(agreementStatus(a, ctx.today), lang)}`,
        cites,
      };
    }
    case "clause":
    case "commitment": {
      const a = corpus.agreement(fact.ref);
      const part = fact.part ?? 0;
      if (!a) break;
      const what =
        fact.kind === "clause"
          ? pick(a.clauses[part]?.text ?? { vi: "", en: "" }, lang)
          : `${pick(a.commitments[part]?.what ?? { vi: "", en: "" }, lang)} (${name(fact.from)} → ${name(fact.to)})`;
      return { text: `${pick(a.title, lang)}: ${what}`, cites };
    }
    case "person": {
      const p = corpus.person(fact.ref);
      if (!p) break;
      const titles = p.roles.map((r) => {
        const at = corpus.event(r.at);
        return `${pick(r.title, lang)}${at ? ` (${formatFactDate({ ...at.date, inferred: undefined }, lang)})` : ""}`;
      });
      return { text: `${p.name} — ${[...new Set(titles)].join("; ")}`, cites };
    }
    case "anniversary": {
      const found = corpus.byId.get(fact.ref);
      const a = found?.kind === "anniversaries" ? (found.record as Anniversary) : undefined;
      if (!a) break;
      return { text: `${pick(a.name, lang)}: ${formatIsoDay(a.date)}`, cites };
    }
  }
  return { text: fact.ref, cites };
}

function suggestionsFor(ctx: CommandContext, provinces: readonly string[], question: string, lang: Lang) {
  const out = provinces.slice(0, 2).map((id) => {
    const p = ctx.corpus.province(id);
    const n = p ? pick(p.name, lang) : id;
    return { command: `/province ${n}`, label: words(lang).askCommand.briefingOn(n) };
  });
  out.push({
    command: `/search ${echo(question, 40)}`,
    label: words(lang).askCommand.fullText,
  });
  return out;
}

export const ask: Command = {
  name: "ask",
  localName: { vi: "hỏi" },
  description: {
    vi: "Đặt câu hỏi bằng lời thường, nhận vài dữ kiện có nguồn",
    en: "Ask in plain words; get the few cited facts that answer it",
  },
  help: {
    vi: "Một câu hỏi bằng tiếng Việt (có dấu hay không dấu) hoặc tiếng Anh, ví dụ “Sơn La tặng Xiêng Khoảng bao nhiêu tiền?”. Bot trả lời bằng vài dữ kiện liên quan nhất, xếp theo mức liên quan, mỗi dữ kiện kèm nguồn; nếu kho dữ liệu không có gì, bot nói rõ và gợi ý lệnh khác. Trong tin nhắn riêng (Telegram) và trong console, gõ câu hỏi không cần dấu gạch chéo.",
    en: "A question in Vietnamese (with or without diacritics) or English, e.g. “what did Son La give Luang Prabang during covid”. The bot answers with the few most relevant facts, ranked, each with its source; when the corpus has nothing on it, it says so and suggests other commands. In private chats (Telegram) and the console, type the question without a slash.",
  },
  args: [
    {
      name: "question",
      localName: { vi: "câu-hỏi" },
      kind: "text",
      required: true,
      description: { vi: "Câu hỏi", en: "Your question" },
    },
  ],
  examples: [
    "/ask Sơn La tặng Xiêng Khoảng bao nhiêu tiền?",
    "/ask what did Son La give Luang Prabang during covid",
    "/ask hoc bong",
  ],
  run(ctx, args): CommandReply {
    const { corpus, lang } = ctx;
    const question = String(args.question ?? "").trim();
    if (!question) {
      throw new UserError(
        "missing-argument",
        both((w) => w.askCommand.missing),
      );
    }
    const answer = answerQuestion(corpus, question);
    const w = words(lang).askCommand;
    const title = w.title(echo(question, 120));
    const suggestions = suggestionsFor(ctx, answer.provinces, question, lang);
    if (answer.facts.length === 0) {
      return {
        title,
        blocks: [
          {
            kind: "text",
            line: {
              text: w.nothing,
            },
          },
        ],
        citations: [],
        suggestions,
        error: { code: "no-results" },
      };
    }
    const citer = new Citer(corpus);
    const items = answer.facts.map(({ fact }) => factLine(ctx, fact, answer.terms, citer));
    return {
      title,
      blocks: [
        {
          kind: "text",
          line: {
            text: w.mostRelevant(items.length),
          },
        },
        { kind: "list", items },
      ],
      citations: citer.list,
      suggestions,
    };
  },
};
