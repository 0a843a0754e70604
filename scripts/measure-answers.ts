// Characters and message counts of the big answers: `npx tsx scripts/measure-answers.ts`.
// For each covered province (/province), each year with agreements (/agreements <year>) and /timeline page 1:
// plain-text characters, Telegram messages (and longest, after entities), Discord messages, cited vs listed sources.
import { createCore } from "../src/app";
import type { Lang } from "../src/core/i18n";
import { renderPlain, type Reply } from "../src/core/reply";
import { embedsLength, renderEmbeds } from "../src/platforms/discord/render";
import { expandCiteNumbers } from "../src/core/source-list";
import { renderReply } from "../src/platforms/telegram/render";
import { localCaller } from "../test/support/core";

const core = await createCore({ today: "2026-11-29" });
const corpus = core.holder.get();
const lines: string[] = [];
const textLength = (html: string) =>
  html.replace(/<[^>]+>/g, "").replace(/&(lt|gt|amp|quot);/g, "x").length;

async function measure(command: string, text: string, lang: Lang) {
  const reply: Reply = await core.handle({ command, text, lang, caller: localCaller, page: 1 });
  const plain = renderPlain(reply, { sources: "Sources", page: "Page" });
  const tg = renderReply(reply);
  const embeds = renderEmbeds(reply);
  const sourceText = embeds.flatMap((e) => (e.fields ?? []).map((f) => f.value)).join("\n");
  const cited = new Set([...plain.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
  const maxCite = Math.max(0, ...cited);
  // Source lines list their numbers as "[1–3, 5]".
  const listedOnDiscord = new Set([...sourceText.matchAll(/\[[\d,–\s]+\]/g)].flatMap((m) => expandCiteNumbers(m[0])));
  const missing = [...cited].filter((n) => !listedOnDiscord.has(n));
  lines.push(
    [
      `/${command} ${text}`.padEnd(32),
      lang,
      `plain ${String(plain.length).padStart(6)}`,
      `tg ${tg.length} msg, ${tg.map(textLength).reduce((a, b) => a + b, 0)} chars (max ${Math.max(...tg.map(textLength))})`,
      `discord ${embeds.length} embeds, ${embedsLength(embeds)}/6000`,
      `cites ${maxCite}, discord lacks ${missing.length}`,
    ].join(" | "),
  );
}

for (const lang of ["vi", "en"] as const) {
  for (const p of corpus.data.provinces.filter((x) => x.covered)) await measure("province", p.name.vi, lang);
  const years = new Set<number>();
  for (const a of corpus.data.agreements) if (a.signed.value) years.add(Number(a.signed.value.slice(0, 4)));
  for (const a of corpus.data.agreements) if (a.period) for (let y = a.period.from; y <= a.period.to; y++) years.add(y);
  for (const y of [...years].sort()) await measure("agreements", String(y), lang);
  await measure("timeline", "", lang);
}
console.log(lines.join("\n"));
