// `npm run ask -- [--lang vi|en] [--json] [--date YYYY-MM-DD] [--page N] [--out DIR] "/command args"`:
// prints one reply and exits; a chart or briefing note is written to DIR (default: the current folder) and its
// path printed. Scripts rely on this interface; keep it stable.
import { parseArgs } from "node:util";
import dotenv from "dotenv";
import { DateTime } from "luxon";
import { createCore, DEFAULT_CACHE_DIR } from "./app";
import { parseCommandText } from "./core/dispatch";
import { isLang, words } from "./core/i18n";
import { plainTextInvocation } from "./core/plain-text";
import { quotesReply } from "./core/quotes";
import { consoleCaller } from "./platforms/console/caller";
import { renderForConsole } from "./platforms/console/render";
import { saveAttachment } from "./platforms/console/save-file";
import { versionLine } from "./version";

const USAGE =
  'usage: npm run ask -- [--lang vi|en] [--json] [--date YYYY-MM-DD] [--page N] [--out DIR] "/command args"';

const HELP = `${versionLine()}: one answer, printed, then exit.

${USAGE}
   (in production: node dist/ask.js [options] "/command args")

  --lang vi|en        the answer's language (default vi)
  --json              the reply as JSON, every citation with its quote
  --quotes            after the answer, the verbatim quote behind each [n]
  --date YYYY-MM-DD   answer as if today were this date (anniversaries, digests)
  --page N            the page of a long answer (default 1)
  -v, --version       print the version and exit
  -h, --help          print this help and exit

A line without a slash is a question: npm run ask -- "son la". The commands: npm run ask -- /help`;

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (values.version) {
    console.log(versionLine());
    return 0;
  }
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
  const slashed = line.startsWith("/") ? parseCommandText(line) : undefined;
  if (!line || (line.startsWith("/") && !slashed)) {
    console.error(USAGE);
    return 2;
  }
  // The same data directory and time zone as the bot (environment or .env: DATA_DIR, BOT_TIMEZONE).
  dotenv.config({ quiet: true });
  const dataDir = process.env.DATA_DIR?.trim() || undefined;
  const zone = process.env.BOT_TIMEZONE?.trim() || undefined;
  const core = await createCore({
    ...(values.date ? { today: values.date } : {}),
    ...(dataDir ? { dataDir } : {}),
    cacheDir: process.env.CORPUS_CACHE_DIR?.trim() || DEFAULT_CACHE_DIR,
    ...(zone ? { zone } : {}),
  });
  // A line without a slash is a question, as in the console: "son la", "hoc bong".
  const command = slashed ?? toParsed(plainTextInvocation(core.commands, core.holder.get(), line));
  const reply = await core.handle({
    command: command.name,
    text: command.text,
    page,
    lang,
    caller: consoleCaller,
  });
  const { attachment, ...rest } = reply;
  const saved = attachment ? await saveAttachment(values.out ?? ".", attachment) : undefined;
  if (values.json) {
    // The file's bytes stay on disk; the JSON says where, and what it is.
    const file = attachment && { ...attachment, bytes: attachment.bytes.length, path: saved };
    console.log(JSON.stringify({ ...rest, ...(file ? { attachment: file } : {}) }, null, 2));
  } else {
    console.log(renderForConsole(reply));
    if (saved) console.log(words(reply.lang).pictures.saved(saved));
    // The proof under the answer: each [n] with its verbatim sentence (the "Trích dẫn / Quotes" button).
    if (values.quotes && !reply.error) console.log(`\n${renderForConsole(quotesReply(reply))}`);
  }
  return reply.error ? 1 : 0;
}

function toParsed(plain: { command: string; text: string }): { name: string; text: string } {
  return { name: plain.command, text: plain.text };
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
      quotes: { type: "boolean" },
      date: { type: "string" },
      page: { type: "string" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
      out: { type: "string" },
    },
  });
}

process.exitCode = await main();
