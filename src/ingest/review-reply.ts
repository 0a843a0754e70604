// A draft shown compactly for review: what was found (with the quotes), what is uncertain (an inferred year and
// its reason, an unresolved name, a possible duplicate), and the errors that block approval. The same Reply feeds
// /review on the platforms and `npm run ingest` in a terminal.
import { clipLine } from "../core/clip";
import { type Lang, words } from "../core/i18n";
import type { Block, Line, Reply } from "../core/reply";
import type { Draft, UncertaintyKind } from "./draft";
import { describeDate } from "./draft";
import type { DraftSummary } from "./inbox";

export function reviewReply(draft: Draft, lang: Lang): Reply {
  const vi = lang === "vi";
  const w = words(lang).review;
  const r = draft.records;
  const q = (quote: string | undefined) => (quote ? ` — “${clipLine(quote, 110)}”` : "");
  const found: Line[] = [
    ...r.events.map((e) => ({ text: `${e.id} · ${e.kind} · ${describeDate(e.date)}${q(e.sources[0]?.quote)}` })),
    ...r.agreements.map((a) => ({
      text: `${a.id} · ${a.docType[lang]}${a.period ? ` ${a.period.from}–${a.period.to}` : ""} · ${a.parties.join(", ")}${q(a.sources[0]?.quote)}`,
    })),
    ...r.figures.map((f) => ({
      text: `${f.id} · ${f.amount.value.toLocaleString(vi ? "vi-VN" : "en-US")} ${f.amount.unit} · ${f.from} → ${f.to}${q(f.sources[0]?.quote)}`,
    })),
    ...r.people.map((p) => ({ text: `${p.id} · ${p.name} — ${p.roles[0]?.title[lang] ?? ""}` })),
  ];
  const uncertain: Line[] = draft.report.uncertain
    .filter((u) => u.kind !== "pending-translation" || !vi)
    .map((u) => {
      const record = u.record ? [...r.events, ...r.figures].find((x) => x.id === u.record) : undefined;
      const reason = u.kind === "inferred-year" && record?.date.inferred ? record.date.inferred[lang] : u.text[lang];
      return {
        text: `${w.uncertainty[u.kind as UncertaintyKind] ?? u.kind}${u.record ? ` (${u.record})` : ""}: ${clipLine(reason, 260)}`,
      };
    });
  const blocks: Block[] = [
    {
      kind: "fields",
      fields: [
        { name: w.source, value: `${draft.origin} → ${draft.source.file}` },
        { name: w.language, value: w.languageName[draft.lang] },
        {
          name: w.segments,
          value: draft.source.segments
            .map((s) => `${s.lines[0]}–${s.lines[1]} ${s.kind}${s.vietnamLaos ? "" : " ✗"}`)
            .join(", "),
        },
      ],
    },
    { kind: "heading", text: w.found(found.length) },
    found.length ? { kind: "list", items: found } : { kind: "text", line: { text: w.noRecords } },
  ];
  if (uncertain.length) {
    blocks.push({ kind: "heading", text: w.uncertain }, { kind: "list", items: uncertain });
  }
  if (draft.report.errors.length) {
    blocks.push(
      { kind: "heading", text: w.errors },
      {
        kind: "list",
        items: draft.report.errors.slice(0, 15).map((e) => ({ text: `${e.file} ${e.path}: ${e.message}` })),
      },
    );
  }
  const reply: Reply = {
    title: `${w.draft} ${draft.id} — ${clipLine(draft.source.title, 90)}`,
    blocks,
    citations: [],
    private: true,
    lang,
  };
  if (!draft.report.duplicateOf && found.length) {
    reply.suggestions = [
      { command: `/review ${draft.id} approve`, label: w.approveAll },
      { command: `/review ${draft.id} reject`, label: w.reject },
    ];
  } else {
    reply.suggestions = [{ command: `/review ${draft.id} reject`, label: w.reject }];
  }
  return reply;
}

export function inboxReply(drafts: readonly DraftSummary[], lang: Lang): Reply {
  const w = words(lang).review;
  return {
    title: w.inboxTitle(drafts.length),
    blocks: drafts.length
      ? [
          {
            kind: "list",
            items: drafts.map((d) => ({
              text: `${d.id} — ${clipLine(d.title, 80)} · ${d.records} ${w.records}${d.uncertain ? ` · ${d.uncertain} ${w.uncertainCount}` : ""}${d.errors ? ` · ${d.errors} ${w.errorCount}` : ""}${d.duplicateOf ? ` · ${w.duplicateOf} ${d.duplicateOf}` : ""}`,
            })),
          },
        ]
      : [{ kind: "text", line: { text: w.inboxEmpty } }],
    citations: [],
    private: true,
    lang,
    suggestions: drafts.slice(0, 3).map((d) => ({ command: `/review ${d.id}`, label: clipLine(d.title, 40) })),
  };
}
