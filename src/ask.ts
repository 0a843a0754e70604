// `npm run ask -- [--lang vi|en] [--json] [--date YYYY-MM-DD] [--page N] "/command args"`:
// prints one reply and exits. Scripts rely on this interface; keep it stable.
import { parseArgs } from "node:util";
import { DateTime } from "luxon";
import { createCore } from "./app";
import { parseCommandText } from "./core/dispatch";
import { isLang } from "./core/i18n";
import { consoleCaller } from "./platforms/console/caller";
import { renderForConsole } from "./platforms/console/render";

const USAGE = 'usage: npm run ask -- [--lang vi|en] [--json] [--date YYYY-MM-DD] [--page N] "/command args"';

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const lang = values.lang ?? "vi";
  if (!isLang(lang)) {
    console.error(`--lang must be vi or en, not "${lang}"\n${USAGE}`);
    return 2;
  }
  if (values.date !== undefined && !isCalendarDate(values.date)) {
    console.error(`--date must be a real calendar date YYYY-MM-DD, not "${values.date}"\n${USAGE}`);
    return 2;
  }
  const page = values.page === undefined ? 1 : Number(values.page);
  if (!Number.isInteger(page) || page < 1 || page > 9999) {
    console.error(`--page must be a whole number from 1, not "${values.page}"\n${USAGE}`);
    return 2;
  }
  const line = positionals.join(" ").trim();
  const input = line.startsWith("/") ? line : `/${line}`;
  const command = parseCommandText(input);
  if (!line || !command) {
    console.error(USAGE);
    return 2;
  }
  const core = await createCore(values.date ? { today: values.date } : {});
  const reply = await core.handle({
    command: command.name,
    text: command.text,
    page,
    lang,
    caller: consoleCaller,
  });
  console.log(values.json ? JSON.stringify(reply, null, 2) : renderForConsole(reply, lang));
  return reply.error ? 1 : 0;
}

function isCalendarDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid;
}

function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      lang: { type: "string" },
      json: { type: "boolean" },
      date: { type: "string" },
      page: { type: "string" },
    },
  });
}

process.exitCode = await main();
