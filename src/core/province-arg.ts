// Turns a typed province name into a Province, or a user error that helps: "did you mean", or "which one".
import type { Corpus } from "./corpus";
import { echo, UserError } from "./errors";
import type { Lang } from "./i18n";
import type { Place, Province } from "./model";
import { resolveProvince } from "./resolve";

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
    throw new UserError(
      "country-not-province",
      {
        vi: `“${echo(input)}” là tên nước, không phải tỉnh. Các tỉnh ${r.country === "LA" ? "của Lào" : "của Việt Nam"} có trong dữ liệu: ${names}.`,
        en: `“${echo(input)}” is a country, not a province. Its provinces in the corpus: ${names}.`,
      },
      r.provinces.map(suggestion),
    );
  }
  if (r.kind === "ambiguous") {
    const names = r.candidates.map((p) => p.name[lang]).join(", ");
    throw new UserError(
      "ambiguous-province",
      {
        vi: `“${echo(input)}” có thể là nhiều tỉnh: ${names}. Vui lòng gõ rõ hơn.`,
        en: `“${echo(input)}” could be several provinces: ${names}. Please be more specific.`,
      },
      r.candidates.map(suggestion),
    );
  }
  const hint = r.suggestions.length
    ? {
        vi: ` Có phải bạn muốn tìm: ${r.suggestions.map((p) => p.name.vi).join(", ")}?`,
        en: ` Did you mean: ${r.suggestions.map((p) => p.name.en).join(", ")}?`,
      }
    : { vi: " Gõ /help province để xem ví dụ.", en: " Type /help province for examples." };
  throw new UserError(
    "unknown-province",
    {
      vi: `Không tìm thấy tỉnh “${echo(input)}” trong kho dữ liệu.${hint.vi}`,
      en: `No province “${echo(input)}” in the corpus.${hint.en}`,
    },
    r.suggestions.map(suggestion),
  );
}
