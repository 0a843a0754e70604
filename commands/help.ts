import { type ArgSpec, type Command, type CommandReply, isAdminOnly } from "../src/core/command";
import { findCommand, vietnameseAlias } from "../src/core/dispatch";
import { echo, UserError } from "../src/core/errors";
import { both, pick, words } from "../src/core/i18n";
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
          both((w) => w.helpCommand.unknown(echo(wanted, 30))),
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
                    text: `${argName(a, lang)}: ${pick(a.description, lang)}${a.required ? "" : words(lang).helpCommand.optional}`,
                  })),
                },
              ]
            : []),
          ...(c.examples?.length
            ? [
                { kind: "heading" as const, text: words(lang).helpCommand.examples },
                { kind: "list" as const, items: c.examples.map((e) => ({ text: e })) },
              ]
            : []),
        ],
        citations: [],
      };
    }
    return {
      title: words(lang).helpCommand.title,
      blocks: [
        {
          kind: "text",
          line: {
            text: words(lang).helpCommand.intro,
          },
        },
        { kind: "list", items: all.map((c) => ({ text: `${usage(c, lang)} — ${pick(c.description, lang)}` })) },
        {
          kind: "text",
          line: {
            text: words(lang).helpCommand.more,
          },
        },
      ],
      citations: [],
    };
  },
};
