import { Citer } from "../src/core/cite";
import type { Command, CommandReply } from "../src/core/command";
import { describeStatus, newestFirst } from "../src/core/describe";
import { formatAmount, formatFactDate } from "../src/core/format";
import { pick, t } from "../src/core/i18n";
import { foldTight } from "../src/core/normalize";
import { requireProvince } from "../src/core/province-arg";
import type { Block, Line } from "../src/core/reply";
import { agreementStatus } from "../src/core/status";

/** Spellings that differ after folding: "Son La" and "son la" are one. */
function distinctSpellings(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = foldTight(n);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const province: Command = {
  name: "province",
  localName: { vi: "tỉnh" },
  description: { vi: "Tóm tắt hợp tác của một tỉnh, kèm nguồn", en: "A cited briefing on one province" },
  help: {
    vi: "Tóm tắt một tỉnh: quốc gia, tỉnh đối tác, văn bản hợp tác, sự kiện (mới nhất trước), cam kết, số liệu và nhân vật, mỗi ý kèm số trích dẫn [n] và danh sách nguồn ở cuối. Gõ tên có dấu hay không dấu, tiếng Việt, phiên âm Lào hay tiếng Anh đều được.",
    en: "A briefing on one province: country, partner provinces, agreements, events (newest first), commitments, figures and people, each with a citation number [n] and the source list at the end. Type the name with or without diacritics, in Vietnamese, Lao romanisation or English.",
  },
  args: [
    {
      name: "name",
      localName: { vi: "tên" },
      kind: "province",
      required: true,
      description: { vi: "Tên tỉnh", en: "Province name" },
    },
  ],
  examples: ["/province Sơn La", "/province son la", "/province Luang Prabang", "/province xieng khouang"],
  run(ctx, args): CommandReply {
    const { corpus, lang } = ctx;
    const { province: p, via } = requireProvince(corpus, String(args.name ?? ""), "province", lang);
    const citer = new Citer(corpus);
    const blocks: Block[] = [];
    const title = `${pick(p.name, lang)} (${t(p.country, lang)})`;
    if (via) {
      blocks.push({
        kind: "text",
        line: {
          text:
            lang === "vi"
              ? `${via.name.vi} thuộc tỉnh ${p.name.vi}.${via.note ? ` ${via.note.vi}` : ""}`
              : `${via.name.en} is in ${p.name.en} province.${via.note ? ` ${via.note.en}` : ""}`,
          cites: citer.cite(via.id, via.sources),
        },
      });
    }
    // The province's own sources back the opening line (its name, country and spellings).
    const provinceCites = citer.cite(p.id, p.sources);
    blocks.push({
      kind: "text",
      line: {
        text:
          lang === "vi" ? `Tỉnh ${p.name.vi}, ${t(p.country, lang)}.` : `${p.name.en} province, ${t(p.country, lang)}.`,
        cites: provinceCites,
      },
    });
    const fields: { name: string; value: string }[] = [];
    const aliases = distinctSpellings([pick(p.name, lang), p.name.vi, p.name.en, ...p.aliases]).slice(1, 9);
    if (aliases.length) fields.push({ name: t("aliases", lang), value: aliases.join(", ") });
    if (p.capital) fields.push({ name: t("capital", lang), value: pick(p.capital, lang) });
    if (fields.length) blocks.push({ kind: "fields", fields });
    // Partners are the provinces this one shares an agreement or an event with; each is cited by what links them.
    const partners = corpus.partnersOf(p.id);
    if (partners.length) {
      const links = partners.flatMap((x) => {
        const agreement = corpus.agreementsOf(p.id).find((a) => a.parties.includes(x.id));
        if (agreement) return citer.cite(agreement.id, agreement.sources.slice(0, 1));
        const event = corpus.eventsOf(p.id).find((e) => e.provinces.includes(x.id));
        return event ? citer.cite(event.id, event.sources.slice(0, 1)) : [];
      });
      blocks.push({
        kind: "text",
        line: {
          text: `${t("partners", lang)}: ${partners.map((x) => pick(x.name, lang)).join(", ")}`,
          cites: [...new Set(links)],
        },
      });
    }
    if (!p.covered) {
      blocks.push({ kind: "text", line: { text: t("notCovered", lang) } });
      return { title, blocks, citations: citer.list };
    }

    const agreements = corpus.agreementsOf(p.id);
    if (agreements.length) {
      blocks.push({ kind: "heading", text: t("agreements", lang) });
      blocks.push({
        kind: "list",
        items: agreements.map((a) => ({
          text: `${pick(a.title, lang)} — ${t("signed", lang)} ${formatFactDate(a.signed, lang)}; ${describeStatus(agreementStatus(a, ctx.today), lang)}`,
          cites: citer.cite(a.id, a.sources),
        })),
      });
    }

    const events = newestFirst(corpus.eventsOf(p.id));
    if (events.length) {
      blocks.push({ kind: "heading", text: t("events", lang) });
      blocks.push({
        kind: "list",
        items: events.map((e) => ({
          text: `${formatFactDate(e.date, lang)} — ${pick(e.title, lang)}`,
          cites: citer.cite(e.id, e.sources.slice(0, 1)),
        })),
      });
    }

    const commitments: Line[] = agreements.flatMap((a) =>
      a.commitments.map((c) => ({
        text: `${pick(c.what, lang)} (${pick(corpus.province(c.by)?.name ?? { vi: c.by, en: c.by }, lang)} → ${pick(corpus.province(c.to)?.name ?? { vi: c.to, en: c.to }, lang)})`,
        cites: citer.cite(a.id, c.sources),
      })),
    );
    if (commitments.length) {
      blocks.push({ kind: "heading", text: t("commitments", lang) }, { kind: "list", items: commitments });
    }

    const figures = corpus.data.figures.filter((f) => f.from === p.id || f.to === p.id);
    if (figures.length) {
      blocks.push({ kind: "heading", text: t("figures", lang) });
      blocks.push({
        kind: "list",
        items: figures.map((f) => {
          // Both sides named: "(Sơn La → Luông Pha Bang, 2019 – 2021)", from the giver or sender.
          const name = (id: string) => pick(corpus.province(id)?.name ?? { vi: id, en: id }, lang);
          return {
            text: `${pick(f.what, lang)}: ${formatAmount(f.amount, lang)} (${name(f.from)} → ${name(f.to)}, ${formatFactDate(f.date, lang)})`,
            cites: citer.cite(f.id, f.sources),
          };
        }),
      });
    }

    // One line per person, with each title they held at this province's events (titles change over the years).
    const people: Line[] = [];
    for (const person of corpus.data.people) {
      const roles = person.roles
        .map((role) => ({ role, event: events.find((e) => e.id === role.at) }))
        .filter((r) => r.event !== undefined);
      if (roles.length === 0) continue;
      // The same title at several events is listed once, with all its dates.
      const datesByTitle = new Map<string, string[]>();
      for (const { role, event } of roles) {
        const title = pick(role.title, lang);
        const date = event ? formatFactDate({ ...event.date, inferred: undefined }, lang) : "";
        datesByTitle.set(title, [...new Set([...(datesByTitle.get(title) ?? []), date])]);
      }
      const titles = [...datesByTitle].map(([title, dates]) => `${title} (${dates.join(", ")})`);
      people.push({
        text: `${person.name} — ${titles.join("; ")}`,
        cites: citer.cite(
          person.id,
          roles.flatMap((r) => r.role.sources),
        ),
      });
    }
    if (people.length) blocks.push({ kind: "heading", text: t("people", lang) }, { kind: "list", items: people });

    const places = corpus.data.places.filter((x) => x.province === p.id);
    if (places.length) {
      blocks.push({ kind: "heading", text: t("places", lang) });
      blocks.push({
        kind: "list",
        items: places.map((x) => ({ text: pick(x.name, lang), cites: citer.cite(x.id, x.sources) })),
      });
    }
    return { title, blocks, citations: citer.list };
  },
};
