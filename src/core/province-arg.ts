// Turns a typed province name into a Province, or a user error that helps: "did you mean", or "which one".
import type { Corpus } from "./corpus";
import { echo, UserError } from "./errors";
import { both, type Lang } from "./i18n";
import type { Place, Province } from "./model";
import { resolveProvince } from "./resolve";

/** The provinces that have content, and their names joined per language, once per corpus version. */
const coveredOf = new WeakMap<Corpus, { provinces: Province[]; names: Map<Lang, string> }>();

export function coveredProvinces(corpus: Corpus): { provinces: Province[]; names: (lang: Lang) => string } {
  let known = coveredOf.get(corpus);
  if (!known) {
    known = { provinces: corpus.data.provinces.filter((p) => p.covered), names: new Map() };
    coveredOf.set(corpus, known);
  }
  const { provinces, names } = known;
  return {
    provinces,
    names: (lang) => {
      let joined = names.get(lang);
      if (joined === undefined) {
        joined = provinces.map((p) => p.name[lang]).join(", ");
        names.set(lang, joined);
      }
      return joined;
    },
  };
}

export function requireProvince(
  corpus: Corpus,
  input: string,
  command: string,
  lang: Lang,
): { province: Province; via?: Place } {
  const r = resolveProvince(corpus, input);
  if (r.kind === "found") return r.via ? { province: r.province, via: r.via } : { province: r.province };
  const suggestion = (p: Province) => ({ command: `/${command} ${p.name.vi}`, label: p.name[lang] });
  if (r.kind === "country") {
    const names = r.provinces.map((p) => p.name[lang]).join(", ");
    const { country } = r;
    throw new UserError(
      "country-not-province",
      both((w) => w.provinceArg.country(echo(input), country, names)),
      r.provinces.map(suggestion),
    );
  }
  if (r.kind === "ambiguous") {
    const names = r.candidates.map((p) => p.name[lang]).join(", ");
    throw new UserError(
      "ambiguous-province",
      both((w) => w.provinceArg.ambiguous(echo(input), names)),
      r.candidates.map(suggestion),
    );
  }
  const { suggestions } = r;
  // Say what is covered: the provinces that have content ("Nghệ An", "Vientiane" are not among them).
  const { provinces, names } = coveredProvinces(corpus);
  throw new UserError(
    "unknown-province",
    both((w, lang) => {
      const hint = suggestions.length
        ? w.provinceArg.didYouMean(suggestions.map((p) => p.name[lang]).join(", "))
        : w.provinceArg.examples;
      return `${w.provinceArg.unknown(echo(input), hint)}${w.provinceArg.covered(names(lang))}`;
    }),
    suggestions.length ? suggestions.map(suggestion) : provinces.slice(0, 4).map(suggestion),
  );
}
