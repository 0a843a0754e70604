// Discord's hard limits for messages, embeds, components and application commands.
// A message over any of them is rejected with 400, so every renderer clips to these.
import { clipText } from "../../core/clip";
import type { RateLimits } from "../../schedule/queue";

/** Digests: discord.js queues per route itself; these keep them well under the 50 requests/s global limit. */
export const DIGEST_LIMITS: RateLimits = { perSecond: 40, perChatMs: 1_000, perGroupPerMinute: 60 };

export const LIMITS = {
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fieldsPerEmbed: 25,
  footerText: 2048,
  /** Sum of titles, descriptions, field names and values, footers and author names over all embeds. */
  embedsTotal: 6000,
  embedsPerMessage: 10,
  customId: 100,
  buttonLabel: 80,
  buttonsPerRow: 5,
  rowsPerMessage: 5,
  commandName: 32,
  commandDescription: 100,
  commandsPerScope: 100,
  optionsPerCommand: 25,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  stringOption: 6000,
} as const;

/** Lower-case command and option names Discord accepts. */
export const COMMAND_NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

/**
 * Shortens text to at most `max` UTF-16 units (what Discord counts is never more), ending with "…".
 * Cuts between graphemes (never inside a surrogate pair) and never leaves a dangling escape backslash.
 */
export function clip(text: string, max: number): string {
  const cut = clipText(text, max);
  // An odd run of backslashes before the ellipsis would escape it: drop one.
  return cut === text ? text : cut.replace(/(?<!\\)((?:\\\\)*)\\…$/, "$1…");
}
