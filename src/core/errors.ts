// Expected failures (unknown name, bad year, too-long argument) are values shown to the user.
// Anything else is a bug: logged with the invocation, and the user gets a short apology.
import { headWithin } from "./clip";

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
  const flat = input.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${headWithin(flat, max)}…` : flat;
}
