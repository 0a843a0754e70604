// Province autocomplete: what the user has typed so far, matched without diacritics against names and
// aliases. At most 25 choices (Discord's limit); the value is the Vietnamese name, which the core resolves.
import type { APIApplicationCommandOptionChoice } from "discord.js";
import type { Corpus } from "../../core/corpus";
import { type Lang, t } from "../../core/i18n";
import type { Province } from "../../core/model";
import { fold, foldTight } from "../../core/normalize";
import { clip, LIMITS } from "./limits";

/** Lower is better: exact, name prefix, alias prefix, word prefix, anywhere. */
function score(p: Province, query: string, tight: string): number | undefined {
  const names = [p.name.vi, p.name.en];
  const all = [...names, p.id, ...p.aliases];
  const folded = all.map(fold);
  const tights = all.map(foldTight);
  if (folded.includes(query) || tights.includes(tight)) return 0;
  if (names.some((n) => fold(n).startsWith(query) || foldTight(n).startsWith(tight))) return 1;
  if (folded.some((a) => a.startsWith(query)) || tights.some((a) => a.startsWith(tight))) return 2;
  if (folded.some((a) => a.split(" ").some((w) => w.startsWith(query)))) return 3;
  if (folded.some((a) => a.includes(query)) || tights.some((a) => a.includes(tight))) return 4;
  return undefined;
}

function label(p: Province, lang: Lang): string {
  const other = lang === "vi" ? p.name.en : p.name.vi;
  const main = p.name[lang];
  const names = fold(other) === fold(main) ? main : `${main} (${other})`;
  return clip(`${names} · ${t(p.country, lang)}`, LIMITS.choiceName);
}

export function provinceChoices(
  corpus: Corpus,
  typed: string,
  lang: Lang,
): APIApplicationCommandOptionChoice<string>[] {
  // Discord caps what it sends at the option's max length; a hostile client may not.
  const query = fold(typed.slice(0, 100));
  const tight = query.replace(/ /g, "");
  const ranked: { p: Province; s: number; key: string }[] = [];
  for (const p of corpus.data.provinces) {
    const s = query ? score(p, query, tight) : 5;
    if (s !== undefined) ranked.push({ p, s, key: fold(p.name.vi) });
  }
  ranked.sort(
    (a, b) => a.s - b.s || Number(b.p.covered) - Number(a.p.covered) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return ranked.slice(0, LIMITS.choices).map(({ p }) => ({
    name: label(p, lang),
    value: clip(p.name.vi, LIMITS.choiceValue),
  }));
}
