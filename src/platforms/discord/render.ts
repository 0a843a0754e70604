// Reply → Discord embeds, always within every embed limit (title 256, description 4,096,
// 25 fields of 1,024, 6,000 characters in all, 10 embeds). Pure: no client, no I/O.
import type { APIEmbed, APIEmbedField } from "discord.js";
import { type Lang, t, words } from "../../core/i18n";
import type { Block, Citation, Line, Reply } from "../../core/reply";
import { citeNumbers, type SourceGroup, sourceGroups, sourceParts } from "../../core/source-list";
import { clip, LIMITS } from "./limits";
import { escapeMarkdown, safeUrl } from "./markdown";

const COLOR = { normal: 0x1e5aa8, error: 0xc0392b } as const;

function line(l: Line): string {
  const text = escapeMarkdown(l.text);
  const cites = l.cites?.length ? ` ${l.cites.map((c) => `[${c}]`).join("")}` : "";
  return `${l.strong ? `**${text}**` : text}${cites}`;
}

function blockLines(b: Block, first: boolean): string[] {
  switch (b.kind) {
    case "heading":
      return [...(first ? [] : [""]), `**${escapeMarkdown(b.text)}**`];
    case "text":
      return [line(b.line)];
    case "list":
      return b.items.map((item) => `• ${line(item)}`);
    case "fields":
      return b.fields.map((f) => `**${escapeMarkdown(f.name)}:** ${escapeMarkdown(f.value)}`);
  }
}

export function bodyLines(reply: Reply, lang: Lang): string[] {
  const out: string[] = [];
  reply.blocks.forEach((b, i) => {
    out.push(...blockLines(b, i === 0));
  });
  if (reply.suggestions?.length) {
    out.push("", `**${escapeMarkdown(t("didYouMean", lang))}:**`);
    for (const s of reply.suggestions) out.push(`→ ${escapeMarkdown(s.command)} (${escapeMarkdown(s.label)})`);
  }
  return out;
}

/** A citation's own source line: what listing it costs at most (pages.ts sizes parts with it). */
export function citationLine(c: Citation, lang: Lang = "vi"): string {
  return sourceMarkdown(
    sourceGroups([c])[0] ?? { source: c.source, title: c.title, reference: false, numbers: [c.n] },
    lang,
  );
}

/** "**[1–3, 5]** Outlet · short title · date": each source once; the quotes are behind the Quotes button. */
function sourceMarkdown(group: SourceGroup, lang: Lang): string {
  const { outlet, title, date } = sourceParts(group, lang);
  const url = safeUrl(group.url);
  const named = url ? `[${escapeMarkdown(title)}](${url})` : escapeMarkdown(title);
  return `**${citeNumbers(group.numbers)}** ${[escapeMarkdown(outlet), named, escapeMarkdown(date)].filter((x) => x).join(" · ")}`;
}

/** Keeps whole lines while they fit in `budget`; a single over-long line is clipped. */
function takeLines(lines: string[], budget: number, marker: string): string {
  const all = lines.join("\n");
  if (all.length <= budget) return all;
  const room = Math.max(0, budget - marker.length - 1);
  const kept: string[] = [];
  let used = 0;
  for (const l of lines) {
    const cost = l.length + (kept.length > 0 ? 1 : 0);
    if (used + cost > room) {
      if (kept.length === 0) kept.push(clip(l, room));
      break;
    }
    kept.push(l);
    used += cost;
  }
  return clip(`${kept.join("\n")}\n${marker}`, budget);
}

/** Splits text into pieces of at most `max`, at line breaks where possible. */
function chunks(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf("\n", max);
    if (cut <= 0) {
      cut = max;
      const code = rest.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    }
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^\n/, "");
  }
  if (rest.length > 0) out.push(rest);
  return out;
}

/** Packs citation lines into fields of at most 1,024 characters each, within `budget` in all. */
function citationFields(lines: readonly string[], budget: number, lang: Lang): APIEmbedField[] {
  const fields: APIEmbedField[] = [];
  let value = "";
  let used = 0;
  const nameFor = (): string => (fields.length === 0 ? t("sources", lang) : words(lang).discord.sourcesMore);
  const flush = (): void => {
    if (!value) return;
    const name = nameFor();
    fields.push({ name, value });
    used += name.length + value.length;
    value = "";
  };
  /** What the open field would cost with `text` appended. */
  const costWith = (text: string): number =>
    value ? nameFor().length + value.length + 1 + text.length : nameFor().length + text.length;
  for (const [i, line] of lines.entries()) {
    const text = clip(line, LIMITS.fieldValue);
    if (value && value.length + 1 + text.length > LIMITS.fieldValue) flush();
    const full = !value && fields.length >= LIMITS.fieldsPerEmbed;
    // Leave room for the "+N more" line while more citations follow.
    const reserve = i < lines.length - 1 ? words(lang).discord.sourcesMore.length + 48 : 0;
    if (full || used + costWith(text) + reserve > budget) {
      const more = `… +${lines.length - i} ${words(lang).discord.moreSources}`;
      if (value && value.length + 1 + more.length > LIMITS.fieldValue) flush();
      if ((value || fields.length < LIMITS.fieldsPerEmbed) && used + costWith(more) <= budget) {
        value = value ? `${value}\n${more}` : more;
      }
      break;
    }
    value = value ? `${value}\n${text}` : text;
  }
  flush();
  return fields;
}

function fieldsCost(fields: APIEmbedField[]): number {
  return fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
}

/** The reply as embeds; the labels it adds ("Nguồn" / "Sources") follow the reply's language. */
export function renderEmbeds(reply: Reply): APIEmbed[] {
  const { lang } = reply;
  const title = clip(escapeMarkdown(reply.title), LIMITS.embedTitle);
  const footerParts = [words(lang).discord.brand];
  if (reply.paging && reply.paging.pageCount > 1) {
    footerParts.unshift(`${t("page", lang)} ${reply.paging.page}/${reply.paging.pageCount}`);
  }
  const footer = clip(footerParts.join(" · "), LIMITS.footerText);
  const available = LIMITS.embedsTotal - title.length - footer.length;

  const lines = bodyLines(reply, lang);
  const bodyNeeded = lines.join("\n").length;
  const citeLines = sourceGroups(reply.citations).map((g) => sourceMarkdown(g, lang));
  // Generous estimate of what the citations need, including field names.
  const citeNeeded = citeLines.reduce((n, l) => n + Math.min(l.length, LIMITS.fieldValue) + 1, 0) + 120;

  // Both fit, or the body yields to the citations (they are the point of a cited briefing), but the
  // body keeps at least 60 % of the room.
  let bodyBudget = bodyNeeded;
  if (bodyNeeded + citeNeeded > available) {
    bodyBudget = Math.min(bodyNeeded, Math.max(available - citeNeeded, Math.floor(available * 0.6)));
  }
  const body = takeLines(lines, bodyBudget, words(lang).discord.shortened);
  const fields = citationFields(citeLines, available - body.length, lang);

  const embeds: APIEmbed[] = chunks(body, LIMITS.embedDescription).map((description) => ({ description }));
  if (embeds.length === 0) embeds.push({});
  const first = embeds[0] as APIEmbed;
  first.title = title;
  for (let i = 0; i < fields.length; i += LIMITS.fieldsPerEmbed) {
    const slice = fields.slice(i, i + LIMITS.fieldsPerEmbed);
    const last = embeds[embeds.length - 1] as APIEmbed;
    if (i === 0 && !last.fields) last.fields = slice;
    else embeds.push({ fields: slice });
  }
  const color = reply.error ? COLOR.error : COLOR.normal;
  for (const e of embeds) e.color = color;
  (embeds[embeds.length - 1] as APIEmbed).footer = { text: footer };
  // Cannot happen with a 6,000 total (at most 2 descriptions and 6 full fields), kept as a guard.
  return embeds.slice(0, LIMITS.embedsPerMessage);
}

/** Characters Discord counts toward the 6,000 total of a message's embeds. */
export function embedsLength(embeds: APIEmbed[]): number {
  return embeds.reduce(
    (n, e) =>
      n +
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      (e.author?.name.length ?? 0) +
      fieldsCost(e.fields ?? []),
    0,
  );
}
