// A line typed without a slash is a question: a command name ("help", "tinh son la"), a province ("son la"),
// or else a question in plain words, answered by /ask. The console, `npm run ask` and Telegram private chats read it the same way.
import type { Command } from "./command";
import type { Corpus } from "./corpus";
import { findCommand } from "./dispatch";
import { resolveProvince } from "./resolve";

export function plainTextInvocation(
  commands: readonly Command[],
  corpus: Corpus,
  line: string,
): { command: string; text: string } {
  const text = line.trim();
  const [first = "", ...rest] = text.split(/\s+/);
  const named = findCommand(commands, first);
  if (named) return { command: named.name, text: rest.join(" ") };
  if (findCommand(commands, "province") && resolveProvince(corpus, text, { suggest: false }).kind === "found") {
    return { command: "province", text };
  }
  if (findCommand(commands, "ask")) return { command: "ask", text };
  return findCommand(commands, "search") ? { command: "search", text } : { command: "help", text: "" };
}
