import { Citer } from "../src/core/cite";
import type { ArgValues, Command, CommandContext, CommandReply } from "../src/core/command";
import { describeStatus } from "../src/core/describe";
import { formatAmount, formatFactDate } from "../src/core/format";
import { type Lang, pick, t, words } from "../src/core/i18n";
import type { Agreement, Figure } from "../src/core/model";
import { requireProvince } from "../src/core/province-arg";
import { RecordMemo } from "../src/core/record-memo";
import type { Block } from "../src/core/reply";
import { type AgreementStatus, agreementStatus, inForceDuring, yearOf } from "../src/core/status";

/**
 * What an agreement's blocks say that is the same in every answer (names, dates, clauses, amounts), per language,
 * written once per agreement record (see RecordMemo). The status (relative to today), labels and citation numbers
 * are per answer.
 */
interface AgreementText {
  heading: string;
  docType: string;
  parties: string;
  signed: string;
  period: string;
  signatories: string;
  inferredHow?: string;
  clauses: string[];
  commitments: string[];
  /** The status as said, by state (an agreement's dates fix each state's wording). */
  status: Partial<Record<AgreementStatus["state"], string>>;
}

const agreementTexts = new RecordMemo<Agreement, AgreementText>((corpus, a, lang) => {
  const text: AgreementText = {
    heading: pick(a.title, lang),
    docType: pick(a.docType, lang),
    parties: a.parties.map((id) => corpus.provinceName(id, lang)).join(" – "),
    signed: formatFactDate(a.signed, lang),
    period: a.period ? `${a.period.from} – ${a.period.to}` : t("notStated", lang),
    signatories: a.signatories.map((id) => corpus.person(id)?.name ?? id).join(", ") || t("notStated", lang),
    clauses: a.clauses.map((c) => pick(c.text, lang)),
    // Amounts in parentheses, so they are never mistaken for citation numbers [n].
    commitments: a.commitments.map((c) => {
      const amounts = c.amounts.length ? ` (${c.amounts.map((x) => formatAmount(x, lang)).join("; ")})` : "";
      return `${pick(c.what, lang)}${amounts}`;
    }),
    status: {},
  };
  if (a.signed.inferred) text.inferredHow = pick(a.signed.inferred, lang);
  return text;
});

/** A figure given at a signing, as its line says it. */
const signingLines = new RecordMemo<Figure, string>(
  (corpus, f, lang) =>
    `${formatAmount(f.amount, lang)} — ${pick(f.what, lang)} (${corpus.provinceName(f.from, lang)} → ${corpus.provinceName(f.to, lang)})`,
);

function statusText(text: AgreementText, a: Agreement, status: AgreementStatus, lang: Lang): string {
  let said = text.status[status.state];
  if (said === undefined) {
    said = `${describeStatus(status, lang)}${status.state === "expired" && !a.renewedBy ? `; ${t("noRenewal", lang)}` : ""}`;
    text.status[status.state] = said;
  }
  return said;
}

function agreementBlocks(ctx: CommandContext, a: Agreement, citer: Citer, label?: string): Block[] {
  const { corpus, lang } = ctx;
  const text = agreementTexts.get(corpus, a, lang);
  const fields = [
    { name: t("parties", lang), value: text.parties },
    { name: t("signed", lang), value: text.signed },
    { name: t("period", lang), value: text.period },
    { name: t("status", lang), value: statusText(text, a, agreementStatus(a, ctx.today), lang) },
    { name: words(lang).agreementsCommand.signatories, value: text.signatories },
  ];
  if (text.inferredHow !== undefined) fields.push({ name: t("inferredHow", lang), value: text.inferredHow });
  const blocks: Block[] = [
    { kind: "heading", text: label ? `${text.heading} — ${label}` : text.heading },
    { kind: "text", line: { text: text.docType, cites: citer.cite(a.id, a.sources) } },
    { kind: "fields", fields },
  ];
  if (a.clauses.length) {
    blocks.push({ kind: "text", line: { text: `${t("clauses", lang)}:`, strong: true } });
    blocks.push({
      kind: "list",
      items: a.clauses.map((c, i) => ({ text: text.clauses[i] ?? "", cites: citer.cite(a.id, c.sources) })),
    });
  }
  if (a.commitments.length) {
    blocks.push({ kind: "text", line: { text: `${t("commitments", lang)}:`, strong: true } });
    blocks.push({
      kind: "list",
      items: a.commitments.map((c, i) => ({ text: text.commitments[i] ?? "", cites: citer.cite(a.id, c.sources) })),
    });
  }
  // Figures given at the signing ("nhân dịp này"): beside the agreement, never among its commitments.
  const atSigning = a.event === undefined ? [] : (corpus.index.figuresByEvent.get(a.event) ?? []);
  if (atSigning.length) {
    blocks.push({ kind: "text", line: { text: `${words(lang).agreementsCommand.atSigning}:`, strong: true } });
    blocks.push({
      kind: "list",
      items: atSigning.map((f) => ({ text: signingLines.get(corpus, f, lang), cites: citer.cite(f.id, f.sources) })),
    });
  }
  return blocks;
}

export const agreements: Command = {
  name: "agreements",
  localName: { vi: "văn-bản" },
  description: { vi: "Văn bản hợp tác theo năm hoặc theo tỉnh", en: "Agreements by year or by province" },
  help: {
    vi: "Với một năm: các văn bản ký trong năm đó và các văn bản có hiệu lực trong năm đó (ghi rõ loại nào). Với một tỉnh: các văn bản tỉnh đó là một bên. Không có tham số: tất cả. Tình trạng (còn hiệu lực / hết hạn ngày … / chưa có hiệu lực) tính theo ngày hôm nay.",
    en: "With a year: agreements signed that year and those in force that year, labelled which. With a province: the agreements it is a party to. Without arguments: all of them. Status (in force / expired on … / not yet in force) is relative to today.",
  },
  args: [
    {
      name: "year",
      localName: { vi: "năm" },
      kind: "year",
      required: false,
      min: 1900,
      max: 2100,
      description: { vi: "Năm (ví dụ 2022)", en: "Year (e.g. 2022)" },
    },
    {
      name: "province",
      localName: { vi: "tỉnh" },
      kind: "province",
      required: false,
      description: { vi: "Tên tỉnh", en: "Province name" },
    },
  ],
  examples: ["/agreements 2022", "/agreements Xiêng Khoảng", "/agreements"],
  run(ctx, args: ArgValues): CommandReply {
    const { corpus, lang } = ctx;
    const citer = new Citer(corpus);
    const year = typeof args.year === "number" ? args.year : undefined;
    let title = words(lang).agreementsCommand.title;
    // Start from the narrowest index (the year's, else the province's), then filter that short list in one pass.
    let base = year !== undefined ? corpus.agreementsIn(year) : corpus.data.agreements;
    let own: Set<Agreement> | undefined;
    if (typeof args.province === "string") {
      const { province } = requireProvince(corpus, args.province, "agreements", lang);
      if (year === undefined) base = corpus.agreementsOf(province.id);
      else own = new Set(corpus.agreementsOf(province.id));
      title = `${title} — ${pick(province.name, lang)}`;
    }
    if (year !== undefined) title = `${title} — ${year}`;
    const signedLabel = t("signedThatYear", lang);
    const inForceLabel = t("inForceThatYear", lang);
    const blocks: Block[] = [];
    for (const a of base) {
      if (own && !own.has(a)) continue;
      let label: string | undefined;
      if (year !== undefined) {
        const signed = yearOf(a.signed) === year;
        const inForce = inForceDuring(a, year);
        if (!signed && !inForce) continue;
        label = signed && inForce ? `${signedLabel}, ${inForceLabel}` : signed ? signedLabel : inForceLabel;
      }
      for (const block of agreementBlocks(ctx, a, citer, label)) blocks.push(block);
    }
    if (blocks.length === 0) {
      // Say what there is for the filter used: the years covered, or the provinces that have agreements.
      const years = corpus.index.agreementYears;
      const span = years ? `${years.min}–${years.max}` : "";
      const parties = corpus.index.agreementParties.map((id) => corpus.provinceName(id, lang)).join(", ");
      const byProvince = typeof args.province === "string" && typeof args.year !== "number";
      const w = words(lang).agreementsCommand;
      const text = byProvince ? w.noneForProvince(parties) : w.noneMatch(span);
      return { title, blocks: [{ kind: "text", line: { text } }], citations: [], error: { code: "no-agreements" } };
    }
    return { title, blocks, citations: citer.list };
  },
};
