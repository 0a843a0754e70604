// Property: thousands of generated command lines (real commands, aliases, typos; province names, years, periods,
// emoji, markup-like and arbitrary Unicode arguments; pages; both languages) go through dispatch over the real
// corpus and both renderers. Nothing throws; every Telegram part is at most 4,096 characters of well-formed
// Telegram HTML (checked by htmlparser2 and by the local Bot API's parser); every Discord message is within every
// embed limit; no output holds a lone surrogate half; no citation is dropped: each [n] in the text resolves to a
// listed source. Fixed seed and bounded count, so `npm test` runs the same cases every time.

import fc from "fast-check";
import { Parser } from "htmlparser2";
import { beforeAll, describe, expect, it } from "vitest";
import { type Core, createCore } from "../../src/app";
import { parseCommandText } from "../../src/core/dispatch";
import type { Line, Reply } from "../../src/core/reply";
import { expandCiteNumbers } from "../../src/core/source-list";
import { LIMITS } from "../../src/platforms/discord/limits";
import { discordParts } from "../../src/platforms/discord/pages";
import { embedsLength, renderEmbeds } from "../../src/platforms/discord/render";
import { MESSAGE_LIMIT, renderReply } from "../../src/platforms/telegram/render";
import { parseTelegramHtml } from "../support/telegram-server";

const RUNS = 2000;
const SEED = 20261129;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const TELEGRAM_TAGS = new Set(["b", "i", "u", "s", "a", "code", "pre", "blockquote", "tg-spoiler", "span"]);

let core: Core;
beforeAll(async () => {
  core = await createCore({ today: "2026-11-24" });
});

/** Well-formed Telegram HTML by htmlparser2: known tags only, every tag closed explicitly; the shown length. */
function checkTelegramHtml(html: string): number {
  const open: string[] = [];
  let shown = 0;
  const problems: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, _attributes, implied) {
        if (implied) problems.push(`implied <${name}>`);
        if (!TELEGRAM_TAGS.has(name)) problems.push(`tag <${name}>`);
        open.push(name);
      },
      onclosetag(name, implied) {
        if (implied) problems.push(`unclosed <${name}>`);
        if (open.pop() !== name) problems.push(`misnested </${name}>`);
      },
      ontext(text) {
        shown += text.length;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  expect(problems, html.slice(0, 300)).toEqual([]);
  expect(open).toEqual([]);
  return shown;
}

function citedIn(reply: Reply): Set<number> {
  const cited = new Set<number>();
  for (const b of reply.blocks) {
    const lines: Line[] = b.kind === "text" ? [b.line] : b.kind === "list" ? b.items : [];
    for (const line of lines) for (const n of line.cites ?? []) cited.add(n);
  }
  return cited;
}

function checkTelegram(reply: Reply): void {
  const parts = renderReply(reply);
  expect(parts.length).toBeGreaterThan(0);
  for (const part of parts) {
    expect(LONE_SURROGATE.test(part)).toBe(false);
    expect(checkTelegramHtml(part)).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(parseTelegramHtml(part).length).toBeLessThanOrEqual(MESSAGE_LIMIT);
  }
  // Sources are listed once each with their numbers: "<b>[1–3, 5]</b> …".
  const listed = new Set(
    [...parts.join("\n").matchAll(/<b>(\[[\d,–\s]+\])<\/b>/g)].flatMap((m) => expandCiteNumbers(m[1] ?? "")),
  );
  for (const n of citedIn(reply)) expect(listed.has(n), `source [${n}] missing`).toBe(true);
}

function checkDiscord(reply: Reply): void {
  for (const part of discordParts(reply)) {
    const embeds = renderEmbeds(part);
    expect(LONE_SURROGATE.test(JSON.stringify(embeds))).toBe(false);
    expect(embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
    expect(embedsLength(embeds)).toBeLessThanOrEqual(LIMITS.embedsTotal);
    for (const e of embeds) {
      expect(e.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedTitle);
      expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedDescription);
      expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footerText);
      expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fieldsPerEmbed);
      for (const f of e.fields ?? []) {
        expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
        expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
      }
    }
    const body = embeds.map((e) => e.description ?? "").join("\n");
    const listed = new Set<string | undefined>(
      embeds.flatMap((e) =>
        (e.fields ?? []).flatMap((f) =>
          [...f.value.matchAll(/^\*\*(\[[\d,–\s]+\])\*\*/gm)].flatMap((m) => expandCiteNumbers(m[1] ?? "").map(String)),
        ),
      ),
    );
    for (const m of body.matchAll(/\[(\d+)\]/g)) expect(listed.has(m[1]), `[${m[1]}] cited, not listed`).toBe(true);
  }
}

describe("every generated command line, through dispatch and both renderers", () => {
  it(`holds for ${RUNS} lines (seed ${SEED})`, async () => {
    const corpus = core.holder.get();
    const provinces = corpus.data.provinces.flatMap((p) => [p.name.vi, p.name.en ?? p.name.vi]);
    const names = [
      ...core.commands.filter((c) => !c.requires?.includes("admin")).map((c) => c.name),
      "tinh",
      "van_ban",
      "dong_thoi_gian",
      "provnce",
      "timelin",
      "x",
    ];
    const argument = fc.oneof(
      fc.constantFrom("", ...provinces),
      fc.constantFrom("2022", "2019-2022", "1900", "2100", "30", "0", "-5", "999999", "son la 2022", "07:30 weekly"),
      fc.tuple(fc.constantFrom(...provinces), fc.integer({ min: 1990, max: 2030 })).map(([p, y]) => `${p} ${y}`),
      fc.string({ unit: "grapheme", maxLength: 80 }),
      fc.string({ unit: "binary", maxLength: 220 }),
      fc.constantFrom("<b>&amp;</b>", "@everyone **x** `y` [z](https://e.org)", "😀".repeat(120), "a\u0301".repeat(90)),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        argument,
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom("vi" as const, "en" as const),
        async (name, text, page, lang) => {
          const parsed = parseCommandText(`/${name} ${text}`);
          const reply = await core.handle({
            command: parsed?.name ?? name,
            text: parsed?.text ?? text,
            page,
            lang,
            caller: {
              userId: "telegram:1001",
              chatId: "telegram:1001",
              platform: "telegram",
              isChatAdmin: true,
              chatKind: "private",
            },
          });
          expect(reply.error?.code).not.toBe("internal");
          const known = new Set(reply.citations.map((c) => c.n));
          for (const n of citedIn(reply)) expect(known.has(n), `[${n}] has no citation`).toBe(true);
          checkTelegram(reply);
          checkDiscord(reply);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  }, 300_000);
});
