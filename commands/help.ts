import { type ArgSpec, type Command, type CommandReply, isAdminOnly } from "../src/core/command";
import { findCommand, vietnameseAlias } from "../src/core/dispatch";
import { echo, UserError } from "../src/core/errors";
import { pick } from "../src/core/i18n";
import { suggestNames } from "../src/core/suggest";

/** Placeholders in the reader's language: "<tên>" for Vietnamese readers, "<name>" for English ones. */
function argName(a: ArgSpec, lang: "vi" | "en"): string {
  return lang === "vi" && a.localName ? a.localName.vi : a.name;
}

function usage(c: Command, lang: "vi" | "en"): string {
  const args = c.args
    .map((a) => argName(a, lang))
    .map((name, i) => (c.args[i]?.required ? `<${name}>` : `[${name}]`))
    .join(" ");
  const alias = lang === "vi" ? vietnameseAlias(c) : undefined;
  return `/${c.name}${args ? ` ${args}` : ""}${alias ? ` (/${alias})` : ""}`;
}

export const help: Command = {
  name: "help",
  localName: { vi: "trợ-giúp" },
  description: { vi: "Hướng dẫn sử dụng các lệnh", en: "How to use the commands" },
  args: [
    {
      name: "command",
      localName: { vi: "lệnh" },
      kind: "text",
      required: false,
      description: { vi: "Tên lệnh", en: "Command name" },
    },
  ],
  examples: ["/help", "/help province"],
  run(ctx, args): CommandReply {
    const lang = ctx.lang;
    const all = ctx.services.commands.filter((c) => !isAdminOnly(c) || ctx.services.isAdmin(ctx.caller.userId));
    const wanted = typeof args.command === "string" ? args.command.replace(/^\//, "").trim() : "";
    if (wanted) {
      const c = findCommand(all, wanted);
      if (!c) {
        throw new UserError(
          "unknown-command",
          { vi: `Không có lệnh /${echo(wanted, 30)}.`, en: `There is no /${echo(wanted, 30)} command.` },
          suggestNames(
            wanted,
            all.map((x) => x.name),
            3,
          ).map((n) => ({ command: `/help ${n}`, label: n })),
        );
      }
      return {
        title: usage(c, lang),
        blocks: [
          { kind: "text", line: { text: pick(c.help ?? c.description, lang) } },
          ...(c.args.length
            ? [
                {
                  kind: "list" as const,
                  items: c.args.map((a) => ({
                    text: `${argName(a, lang)}: ${pick(a.description, lang)}${a.required ? "" : lang === "vi" ? " (không bắt buộc)" : " (optional)"}`,
                  })),
                },
              ]
            : []),
          ...(c.examples?.length
            ? [
                { kind: "heading" as const, text: lang === "vi" ? "Ví dụ" : "Examples" },
                { kind: "list" as const, items: c.examples.map((e) => ({ text: e })) },
              ]
            : []),
        ],
        citations: [],
      };
    }
    return {
      title:
        lang === "vi" ? "Hữu Nghị — tra cứu hợp tác Việt Nam – Lào" : "Hữu Nghị — Vietnam–Laos cooperation briefings",
      blocks: [
        {
          kind: "text",
          line: {
            text:
              lang === "vi"
                ? "Mọi thông tin đều kèm nguồn trích dẫn [1]. Tên tỉnh gõ có dấu hay không dấu đều được (son la, Luang Prabang…)."
                : "Every fact comes with a cited source [1]. Type names with or without diacritics (son la, Luang Prabang…).",
          },
        },
        { kind: "list", items: all.map((c) => ({ text: `${usage(c, lang)} — ${pick(c.description, lang)}` })) },
        {
          kind: "text",
          line: {
            text:
              lang === "vi"
                ? "Gõ /help <lệnh> để xem chi tiết và ví dụ."
                : "Type /help <command> for details and examples.",
          },
        },
      ],
      citations: [],
    };
  },
};
