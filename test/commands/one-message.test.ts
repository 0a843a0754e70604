// The big answers over the real corpus fit one message on each platform, with every citation listed:
// /province for every covered province, /agreements for every year with agreements, and the first page of
// /timeline, in both languages. Telegram: one part, at most 4,096 characters after entities, well-formed HTML.
// Discord: one message of embeds within every limit, nothing shortened. Every [n] in the text resolves to a
// listed source, and the source lines stay whole.
import { beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/app";
import type { Lang } from "../../src/core/i18n";
import type { Reply } from "../../src/core/reply";
import { expandCiteNumbers } from "../../src/core/source-list";
import { LIMITS } from "../../src/platforms/discord/limits";
import { embedsLength, renderEmbeds } from "../../src/platforms/discord/render";
import { MESSAGE_LIMIT, renderReply } from "../../src/platforms/telegram/render";
import { ask, testCore } from "../support/core";
import { parseTelegramHtml } from "../support/telegram-server";

let core: Core;
const lines: string[][] = [];
beforeAll(async () => {
  core = await testCore("2026-11-24");
  const corpus = core.holder.get();
  const years = new Set<number>();
  for (const a of corpus.data.agreements) {
    if (a.signed.value) years.add(Number(a.signed.value.slice(0, 4)));
    if (a.period) for (let y = a.period.from; y <= a.period.to; y++) years.add(y);
  }
  for (const p of corpus.data.provinces.filter((x) => x.covered)) lines.push([`/province ${p.name.vi}`]);
  for (const y of [...years].sort()) lines.push([`/agreements ${y}`]);
  lines.push(["/timeline"]);
});

/** Numbers cited in the body ("[3]") and listed under the sources ("[1–3, 5]"). */
function cited(text: string): number[] {
  return [...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
}
function listed(sourceText: string): Set<number> {
  return new Set([...sourceText.matchAll(/\[[\d,–\s]+\]/g)].flatMap((m) => expandCiteNumbers(m[0])));
}

async function check(line: string, lang: Lang): Promise<Reply> {
  const reply = await ask(core, line, lang);
  expect(reply.error, line).toBeUndefined();
  const all = new Set(reply.citations.map((c) => c.n));

  // Telegram: one message, within the limit after entities, every cited number listed.
  const parts = renderReply(reply);
  expect(parts, `${line} ${lang} on Telegram`).toHaveLength(1);
  const html = parts[0] ?? "";
  expect(html.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
  const text = parseTelegramHtml(html);
  expect(text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
  const [body = "", sources = ""] = text.split(/\n\n(?:Nguồn|Sources)\n/);
  const tgListed = listed(sources);
  for (const n of cited(body)) expect(tgListed.has(n), `${line} ${lang}: [${n}] listed on Telegram`).toBe(true);
  expect([...tgListed].sort((a, b) => a - b)).toEqual([...all].sort((a, b) => a - b));

  // Discord: one message within every embed limit, nothing shortened, every cited number listed.
  const embeds = renderEmbeds(reply);
  expect(embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
  expect(embedsLength(embeds)).toBeLessThanOrEqual(LIMITS.embedsTotal);
  for (const e of embeds) {
    expect((e.description ?? "").length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fieldsPerEmbed);
    for (const f of e.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
  }
  const description = embeds.map((e) => e.description ?? "").join("\n");
  const fields = embeds.flatMap((e) => (e.fields ?? []).map((f) => f.value)).join("\n");
  expect(description + fields).not.toMatch(/shortened|rút gọn|more sources not shown|nguồn khác không hiển thị/);
  const dcListed = listed(fields);
  for (const n of cited(description)) expect(dcListed.has(n), `${line} ${lang}: [${n}] listed on Discord`).toBe(true);
  expect([...dcListed].sort((a, b) => a - b)).toEqual([...all].sort((a, b) => a - b));
  return reply;
}

describe("the big answers fit one message, every citation listed", () => {
  it("covers every covered province, every year with agreements, and the first page of /timeline", () => {
    expect(lines.length).toBeGreaterThanOrEqual(7 + 3 + 1);
  });
  for (const lang of ["vi", "en"] as const) {
    it(`in ${lang}`, async () => {
      for (const [line] of lines) await check(line ?? "", lang);
    });
  }
});
