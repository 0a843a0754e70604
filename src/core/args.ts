// Turns a command's raw argument text into typed values, by the command's ArgSpec.
// Pattern-typed arguments (year, period, integer, time, choice) are taken from the tokens that match them;
// whatever is left forms the free-text argument (province or text).
import type { ArgSpec, ArgValue, ArgValues, Command } from "./command";
import { echo, UserError } from "./errors";
import { both } from "./i18n";
import { foldTight } from "./normalize";

/** Longest argument text accepted; longer input is refused with a clear message, not truncated silently. */
export const MAX_ARG_LENGTH = 200;

const YEAR = /^(\d{4})$/;
const PERIOD = /^(\d{4})\s*[-–—]\s*(\d{4})$/;
const TIME = /^([01]?\d|2[0-3])[:h]([0-5]\d)$/;

function matchToken(spec: ArgSpec, token: string): ArgValue | undefined {
  switch (spec.kind) {
    case "year": {
      const m = YEAR.exec(token);
      return m ? Number(m[1]) : undefined;
    }
    case "period": {
      const r = PERIOD.exec(token);
      // "2024-2019" means the same years as "2019-2024".
      if (r) return { from: Math.min(Number(r[1]), Number(r[2])), to: Math.max(Number(r[1]), Number(r[2])) };
      const y = YEAR.exec(token);
      return y ? { from: Number(y[1]), to: Number(y[1]) } : undefined;
    }
    case "integer":
      return /^-?\d{1,9}$/.test(token) ? Number(token) : undefined;
    case "time": {
      const m = TIME.exec(token);
      return m ? `${m[1]?.padStart(2, "0")}:${m[2]}` : undefined;
    }
    case "choice": {
      if (spec.choices?.includes(token.toLowerCase())) return token.toLowerCase();
      return spec.choiceAliases?.[foldTight(token)];
    }
    default:
      return undefined;
  }
}

function badValue(spec: ArgSpec, raw: string): UserError {
  // Say what is expected once: the description often names the range or the choices already.
  const expected = (description: string): string => {
    const range =
      spec.min !== undefined && spec.max !== undefined && !description.includes(String(spec.min))
        ? ` (${spec.min}–${spec.max})`
        : "";
    const choices =
      spec.choices && !spec.choices.every((c) => description.includes(c)) ? ` (${spec.choices.join(", ")})` : "";
    return `${description}${range}${choices}`;
  };
  return new UserError(
    "bad-argument",
    both((w, lang) => w.args.bad(echo(raw), expected(spec.description[lang]))),
  );
}

/** Checks bounds of numeric values and the year order of periods. */
export function checkValue(spec: ArgSpec, value: ArgValue, raw: string): ArgValue {
  if (typeof value === "number") {
    if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) {
      throw badValue(spec, raw);
    }
  } else if (typeof value === "object") {
    const lo = spec.min ?? -Infinity;
    const hi = spec.max ?? Infinity;
    if (value.from > value.to || value.from < lo || value.to > hi) throw badValue(spec, raw);
  }
  return value;
}

export function parseArgs(command: Command, raw: string): ArgValues {
  const text = raw.trim();
  const limit = Math.max(MAX_ARG_LENGTH, ...command.args.map((a) => a.maxLength ?? 0));
  if (text.length > limit) {
    throw new UserError(
      "argument-too-long",
      both((w) => w.args.tooLong(text.length, limit, echo(text, 40))),
    );
  }
  // A period "2019 - 2022" written with spaces is one token.
  const tokens = text
    .replace(/(\d{4})\s*[-–—]\s*(\d{4})/g, "$1-$2")
    .split(/\s+/)
    .filter((s) => s.length > 0);
  mergeChoicePhrases(command, tokens);
  const values: Record<string, ArgValue> = {};
  const free = command.args.find((a) => a.kind === "province" || a.kind === "text");
  const leftover: string[] = [];
  for (const token of tokens) {
    const spec = command.args.find((a) => values[a.name] === undefined && matchToken(a, token) !== undefined);
    const value = spec ? matchToken(spec, token) : undefined;
    if (spec && value !== undefined) {
      values[spec.name] = checkValue(spec, value, token);
      continue;
    }
    // "2019 2022" after a period's first year: the range 2019–2022.
    const period = command.args.find((a) => a.kind === "period");
    const open = period ? values[period.name] : undefined;
    if (period && typeof open === "object" && open.from === open.to && YEAR.test(token)) {
      const other = Number(token);
      values[period.name] = checkValue(
        period,
        { from: Math.min(open.from, other), to: Math.max(open.from, other) },
        token,
      );
      continue;
    }
    leftover.push(token);
  }
  if (leftover.length > 0) {
    // "0", "99999", "2019-", "2022-2023" where a year is expected are bad years, not province names.
    const numeric = leftover.find((t) => /^[-–—]?\d+(?:[-–—]\d*)*$/.test(t));
    const numericArg = command.args.find((a) => a.kind === "year" || a.kind === "period" || a.kind === "integer");
    if (numeric !== undefined && numericArg) throw badValue(numericArg, numeric);
    if (free) {
      values[free.name] = leftover.join(" ");
    } else {
      const first = leftover[0] ?? "";
      const typed = command.args.find((a) => values[a.name] === undefined);
      if (typed) throw badValue(typed, first);
      throw new UserError(
        "unexpected-argument",
        both((w) => w.args.unexpected(command.name, echo(leftover.join(" ")))),
      );
    }
  }
  requireArgs(command, values);
  return values;
}

/** Each command's choice aliases, gathered once (every parse of its arguments reads them). */
const choiceAliases = new WeakMap<Command, ReadonlySet<string>>();

function choiceAliasesOf(command: Command): ReadonlySet<string> {
  let aliases = choiceAliases.get(command);
  if (!aliases) {
    aliases = new Set(command.args.flatMap((a) => Object.keys(a.choiceAliases ?? {})));
    choiceAliases.set(command, aliases);
  }
  return aliases;
}

/** Joins two-word choice aliases into one token: "hằng tuần" → "hằng_tuần". */
function mergeChoicePhrases(command: Command, tokens: string[]): void {
  const aliases = choiceAliasesOf(command);
  if (aliases.size === 0) return;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (aliases.has(foldTight(`${tokens[i]}${tokens[i + 1]}`))) tokens.splice(i, 2, `${tokens[i]}_${tokens[i + 1]}`);
  }
}

/** Validates typed values coming from a platform with typed options (Discord). */
export function checkTypedArgs(command: Command, given: ArgValues): ArgValues {
  const values: Record<string, ArgValue> = {};
  for (const spec of command.args) {
    const v = given[spec.name];
    if (v === undefined) continue;
    if (typeof v === "string") {
      if (v.length > MAX_ARG_LENGTH) return parseArgs(command, v);
      if (spec.kind !== "province" && spec.kind !== "text") {
        const parsed = matchToken(spec, v.trim());
        if (parsed === undefined) throw badValue(spec, v);
        values[spec.name] = checkValue(spec, parsed, v);
        continue;
      }
    }
    values[spec.name] = checkValue(spec, v, String(typeof v === "object" ? `${v.from}-${v.to}` : v));
  }
  requireArgs(command, values);
  return values;
}

function requireArgs(command: Command, values: Record<string, ArgValue>): void {
  const missing = command.args.find((a) => a.required && values[a.name] === undefined);
  if (missing) {
    throw new UserError(
      "missing-argument",
      both((w, lang) =>
        w.args.missing(missing.description[lang].toLowerCase(), command.examples?.[0] ?? `/${command.name}`),
      ),
      [{ command: `/help ${command.name}`, label: both((w) => w.args.help) }],
    );
  }
}
