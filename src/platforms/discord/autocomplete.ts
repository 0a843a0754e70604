// Province autocomplete: what the user has typed so far, matched without diacritics against names and
// aliases. At most 25 choices (Discord's limit); the value is the Vietnamese name, which the core resolves.
import type { APIApplicationCommandOptionChoice } from "discord.js";
import type { Corpus } from "../../core/corpus";
import { type Lang, t } from "../../core/i18n";
import type { Province } from "../../core/model";
import { fold } from "../../core/normalize";
import { clip, LIMITS } from "./limits";

/** A province's names as typed names are matched against them: folded once per corpus version, not per keystroke. */
interface Matchable {
  p: Province;
  /** Its Vietnamese and English names, folded, and folded without spaces. */
  names: string[];
  nameTights: string[];
  /** Every folded name, id and alias, spaced and tight: the corpus index's keys, shared with it. */
  keys: string[];
  /** Sort key: the folded Vietnamese name. */
  key: string;
}

const matchables = new WeakMap<Corpus, Matchable[]>();

function matchable(corpus: Corpus): Matchable[] {
  let list = matchables.get(corpus);
  if (list === undefined) {
    const byId = new Map<string, Matchable>();
    list = corpus.data.provinces.map((p) => {
      const names = [fold(p.name.vi), fold(p.name.en)];
      const entry = { p, names, nameTights: names.map((n) => n.replace(/ /g, "")), keys: [], key: names[0] as string };
      byId.set(p.id, entry);
      return entry;
    });
    for (const [key, ids] of corpus.provinceAlias) for (const id of ids) byId.get(id)?.keys.push(key);
    matchables.set(corpus, list);
  }
  return list;
}

/**
 * Lower is better: exact, name prefix, alias prefix, word prefix, anywhere. `query` is folded and `tight` is it
 * without spaces; a tight form of a name starts with (or holds) `tight` whenever its spaced form does.
 */
function score(m: Matchable, query: string, tight: string): number | undefined {
  const { keys } = m;
  if (keys.includes(query) || keys.includes(tight)) return 0;
  if (m.names.some((n) => n.startsWith(query)) || m.nameTights.some((n) => n.startsWith(tight))) return 1;
  if (keys.some((a) => a.startsWith(query) || a.startsWith(tight))) return 2;
  if (keys.some((a) => a.split(" ").some((w) => w.startsWith(query)))) return 3;
  if (keys.some((a) => a.includes(query) || a.includes(tight))) return 4;
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
  for (const m of matchable(corpus)) {
    const s = query ? score(m, query, tight) : 5;
    if (s !== undefined) ranked.push({ p: m.p, s, key: m.key });
  }
  ranked.sort(
    (a, b) => a.s - b.s || Number(b.p.covered) - Number(a.p.covered) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return ranked.slice(0, LIMITS.choices).map(({ p }) => ({
    name: label(p, lang),
    value: clip(p.name.vi, LIMITS.choiceValue),
  }));
}
