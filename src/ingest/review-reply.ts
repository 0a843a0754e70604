// A draft shown compactly for review: what was found (with the quotes), what is uncertain (an inferred year and
// its reason, an unresolved name, a possible duplicate), and the errors that block approval. The same Reply feeds
// /review on the platforms and `npm run ingest` in a terminal.
import type { Lang } from "../core/i18n";
import type { Block, Line, Reply } from "../core/reply";
import type { Draft, UncertaintyKind } from "./draft";
import { describeDate } from "./draft";
import type { DraftSummary } from "./inbox";

const LABEL: Record<UncertaintyKind, { vi: string; en: string }> = {
  "inferred-year": { vi: "Năm suy ra", en: "Inferred year" },
  "year-not-stated": { vi: "Không nêu năm", en: "Year not stated" },
  "year-conflict": { vi: "Năm không thống nhất", en: "Conflicting year" },
  "unresolved-name": { vi: "Tên chưa xác định", en: "Unresolved name" },
  "unlinked-person": { vi: "Người mới", en: "New person" },
  duplicate: { vi: "Trùng bài", en: "Duplicate page" },
  "possible-duplicate": { vi: "Có thể trùng sự kiện", en: "Possible duplicate" },
  "no-direction": { vi: "Không rõ chiều", en: "No direction" },
  "not-drafted": { vi: "Không lập bản ghi", en: "Not drafted" },
  "pending-translation": { vi: "Chờ dịch", en: "Translation pending" },
  "not-vietnam-laos": { vi: "Không về Việt – Lào", en: "Not Vietnam–Laos" },
  note: { vi: "Ghi chú", en: "Note" },
};

const clip = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max - 20))}…`;
};

export function reviewReply(draft: Draft, lang: Lang): Reply {
  const vi = lang === "vi";
  const r = draft.records;
  const q = (quote: string | undefined) => (quote ? ` — “${clip(quote, 110)}”` : "");
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
      const reason = u.kind === "inferred-year" && record?.date.inferred ? record.date.inferred[lang] : u.text;
      return {
        text: `${LABEL[u.kind as UncertaintyKind]?.[lang] ?? u.kind}${u.record ? ` (${u.record})` : ""}: ${clip(reason, 260)}`,
      };
    });
  const blocks: Block[] = [
    {
      kind: "fields",
      fields: [
        { name: vi ? "Nguồn" : "Source", value: `${draft.origin} → ${draft.source.file}` },
        { name: vi ? "Ngôn ngữ" : "Language", value: draft.lang === "vi" ? "Tiếng Việt" : "English" },
        {
          name: vi ? "Phân đoạn" : "Segments",
          value: draft.source.segments
            .map((s) => `${s.lines[0]}–${s.lines[1]} ${s.kind}${s.vietnamLaos ? "" : " ✗"}`)
            .join(", "),
        },
      ],
    },
    { kind: "heading", text: vi ? `Tìm thấy (${found.length})` : `Found (${found.length})` },
    found.length
      ? { kind: "list", items: found }
      : { kind: "text", line: { text: vi ? "Không có bản ghi nào." : "No records." } },
  ];
  if (uncertain.length) {
    blocks.push({ kind: "heading", text: vi ? "Cần xem lại" : "Uncertain" }, { kind: "list", items: uncertain });
  }
  if (draft.report.errors.length) {
    blocks.push(
      { kind: "heading", text: vi ? "Lỗi (chưa thể duyệt)" : "Errors (cannot be approved yet)" },
      {
        kind: "list",
        items: draft.report.errors.slice(0, 15).map((e) => ({ text: `${e.file} ${e.path}: ${e.message}` })),
      },
    );
  }
  const reply: Reply = {
    title: `${vi ? "Bản nháp" : "Draft"} ${draft.id} — ${clip(draft.source.title, 90)}`,
    blocks,
    citations: [],
    private: true,
    lang,
  };
  if (!draft.report.duplicateOf && found.length) {
    reply.suggestions = [
      { command: `/review ${draft.id} approve`, label: vi ? "Duyệt tất cả" : "Approve all" },
      { command: `/review ${draft.id} reject`, label: vi ? "Từ chối" : "Reject" },
    ];
  } else {
    reply.suggestions = [{ command: `/review ${draft.id} reject`, label: vi ? "Từ chối" : "Reject" }];
  }
  return reply;
}

export function inboxReply(drafts: readonly DraftSummary[], lang: Lang): Reply {
  const vi = lang === "vi";
  return {
    title: vi ? `Hộp thư bản nháp (${drafts.length})` : `Draft inbox (${drafts.length})`,
    blocks: drafts.length
      ? [
          {
            kind: "list",
            items: drafts.map((d) => ({
              text: `${d.id} — ${clip(d.title, 80)} · ${d.records} ${vi ? "bản ghi" : "records"}${d.uncertain ? ` · ${d.uncertain} ${vi ? "cần xem lại" : "uncertain"}` : ""}${d.errors ? ` · ${d.errors} ${vi ? "lỗi" : "errors"}` : ""}${d.duplicateOf ? ` · ${vi ? "trùng" : "duplicate of"} ${d.duplicateOf}` : ""}`,
            })),
          },
        ]
      : [{ kind: "text", line: { text: vi ? "Không có bản nháp nào chờ duyệt." : "No drafts waiting for review." } }],
    citations: [],
    private: true,
    lang,
    suggestions: drafts.slice(0, 3).map((d) => ({ command: `/review ${d.id}`, label: clip(d.title, 40) })),
  };
}
