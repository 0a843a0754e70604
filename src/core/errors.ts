// Expected failures (unknown name, bad year, too-long argument) are values shown to the user.
// Anything else is a bug: logged with the invocation, and the user gets a short apology.
import { clipLine } from "./clip";

export class UserError extends Error {
  constructor(
    readonly code: string,
    readonly text: { vi: string; en: string },
    /** Follow-up commands; a label may be given in both languages. */
    readonly suggestions: { command: string; label: string | { vi: string; en: string } }[] = [],
  ) {
    super(`${code}: ${text.en}`);
    this.name = "UserError";
  }
}

/** Shortens user input for echoing back inside an error message. */
export function echo(input: string, max = 60): string {
  return clipLine(input, max + 1);
}

/** A chat that blocked or removed the bot (403 / missing access): a platform's send throws it, and the scheduler drops the subscription. */
export class ChatGoneError extends Error {
  constructor(
    readonly chatId: string,
    cause: unknown,
  ) {
    super(`chat ${chatId} is gone: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = "ChatGoneError";
  }
}
