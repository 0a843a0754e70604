// The one reading of a yes/no environment variable, shared by src/config.ts and src/schedule/config.ts.
const TRUE = ["1", "true", "yes", "on"];
const FALSE = ["0", "false", "no", "off"];

/** "true", "yes", "on", "1" → true; "false", "no", "off", "0" → false (any case, spaces ignored); else undefined. */
export function parseBoolean(raw: string): boolean | undefined {
  const word = raw.trim().toLowerCase();
  if (TRUE.includes(word)) return true;
  if (FALSE.includes(word)) return false;
  return undefined;
}
