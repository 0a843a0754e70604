// What a line typed at the console asks for: a command ("/province son la", "help"), one of the console's own
// words (quit, next, prev, quotes: what a chat does with buttons), or a question without a slash.
import type { Command } from "../../core/command";
import type { Corpus } from "../../core/corpus";
import { findCommand, parseCommandText } from "../../core/dispatch";
import { plainTextInvocation } from "../../core/plain-text";

type OwnWord = "quit" | "next" | "prev" | "quotes";

export type TypedLine = { kind: "empty" | "unknown" | OwnWord } | { kind: "command"; command: string; text: string };

const QUIT = new Set(["quit", "exit", "q"]);
/** Typed after an answer: its verbatim quotes ("Trích dẫn / Quotes"). */
const QUOTES = new Set(["quotes", "trichdan", "trích_dẫn", "trích-dẫn"]);

/** The console's own word a name is, unless a command has that name. */
function ownWord(name: string, commands: readonly Command[]): OwnWord | undefined {
  if (findCommand(commands, name)) return undefined;
  if (QUIT.has(name)) return "quit";
  if (QUOTES.has(name)) return "quotes";
  if (name === "next" || name === "prev") return name;
  return undefined;
}

export function readLine(line: string, commands: readonly Command[], corpus: () => Corpus): TypedLine {
  const input = line.trim();
  if (input === "") return { kind: "empty" };
  const firstWord = input.split(/\s+/)[0]?.toLowerCase() ?? "";
  const slashless = QUIT.has(firstWord) || QUOTES.has(firstWord) || firstWord === "next" || firstWord === "prev";
  if (!input.startsWith("/") && !slashless) {
    const plain = plainTextInvocation(commands, corpus(), input);
    return { kind: "command", command: plain.command, text: plain.text };
  }
  const parsed = parseCommandText(input.startsWith("/") ? input : `/${input}`);
  if (!parsed) return { kind: "unknown" };
  const own = ownWord(parsed.name, commands);
  return own ? { kind: own } : { kind: "command", command: parsed.name, text: parsed.text };
}
