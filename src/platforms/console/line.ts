// What a line typed at the console asks for: a command ("/province son la", "help"), one of the console's own
// words (quit, next, prev, quotes: what a chat does with buttons), or a question without a slash.
import type { Command } from "../../core/command";
import type { Corpus } from "../../core/corpus";
import { findCommand, parseCommandText } from "../../core/dispatch";
import { plainTextInvocation } from "../../core/plain-text";

type OwnWord = "quit" | "next" | "prev" | "quotes";

export type TypedLine = { kind: "empty" | "unknown" | OwnWord } | { kind: "command"; command: string; text: string };

/** The console's own words, and what each asks for ("quotes": the last answer's verbatim quotes). */
const OWN_WORDS: Readonly<Record<string, OwnWord>> = {
  quit: "quit",
  exit: "quit",
  q: "quit",
  next: "next",
  prev: "prev",
  quotes: "quotes",
  trichdan: "quotes",
  trích_dẫn: "quotes",
  "trích-dẫn": "quotes",
};

const ownWordOf = (name: string): OwnWord | undefined => (Object.hasOwn(OWN_WORDS, name) ? OWN_WORDS[name] : undefined);

export function readLine(line: string, commands: readonly Command[], corpus: () => Corpus): TypedLine {
  const input = line.trim();
  if (input === "") return { kind: "empty" };
  const firstWord = input.split(/\s+/)[0]?.toLowerCase() ?? "";
  const slashless = ownWordOf(firstWord) !== undefined;
  if (!input.startsWith("/") && !slashless) {
    const plain = plainTextInvocation(commands, corpus(), input);
    return { kind: "command", command: plain.command, text: plain.text };
  }
  const parsed = parseCommandText(input.startsWith("/") ? input : `/${input}`);
  if (!parsed) return { kind: "unknown" };
  // A command of the same name wins over the console's own word.
  const own = findCommand(commands, parsed.name) ? undefined : ownWordOf(parsed.name);
  return own ? { kind: own } : { kind: "command", command: parsed.name, text: parsed.text };
}
