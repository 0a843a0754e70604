// `npm run backup` (in production `node dist/backup-cli.js`): backs up the store named by STORE_URL while the bot
// runs, or restores a backup into it (bot stopped). docs/deploy.md, "Backup, restore, upgrade".
//
//   npm run backup -- [--out FILE|DIR] [--jsonl] [--bgsave]
//   npm run backup -- --restore FILE [--replace]
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import dotenv from "dotenv";
import { DEFAULT_STORE_URL } from "./config";
import { redactUrlPassword } from "./log";
import { backupStore, type Counts, restoreStore } from "./store/backup";
import { versionLine } from "./version";

const USAGE = `usage: npm run backup -- [--out FILE|DIR] [--jsonl] [--bgsave]
       npm run backup -- --restore FILE [--replace]
   (in production: node dist/backup-cli.js …)`;

const HELP = `${versionLine()}: back up or restore the bot's state (subscriptions, languages, audit, deliveries).

${USAGE}

  --out FILE|DIR   where to write (default: backups/huunghi-<UTC time>.sqlite, .jsonl for Redis)
  --jsonl          JSON lines instead of a SQLite file (for a SQLite store; Redis always gives JSON lines)
  --bgsave         Redis: also have Redis write its RDB snapshot (BGSAVE) and say where it is
  --restore FILE   write a backup (.sqlite or .jsonl) into the store; stop the bot first
  --replace        let --restore overwrite a store that already holds records
  -v, --version    print the version and exit
  -h, --help       print this help and exit

The store is STORE_URL (environment or .env), as for the bot: a SQLite backup is taken while the bot runs.`;

function stamp(): string {
  return new Date()
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
}

function describeCounts(counts: Counts): string {
  return Object.entries(counts)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(", ");
}

async function main(): Promise<number> {
  let values: ReturnType<typeof parse>["values"];
  try {
    values = parse().values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (values.version) {
    console.log(versionLine());
    return 0;
  }
  dotenv.config({ quiet: true });
  const url = process.env.STORE_URL?.trim() || DEFAULT_STORE_URL;
  const shown = redactUrlPassword(url);
  try {
    if (values.restore) {
      const result = await restoreStore(url, values.restore, { replace: values.replace ?? false });
      const expired = result.skippedExpired ? ` (${result.skippedExpired} expired records left out)` : "";
      console.log(`restored ${describeCounts(result.counts)} into ${shown}${expired}`);
      return 0;
    }
    const redis = /^rediss?:\/\//.test(url);
    const extension = redis || values.jsonl ? "jsonl" : "sqlite";
    const out = values.out ?? "backups";
    const isDir =
      out.endsWith("/") ||
      (await stat(out).then(
        (s) => s.isDirectory(),
        () => !/\.\w+$/.test(out),
      ));
    const file = isDir ? join(out, `huunghi-${stamp()}.${extension}`) : out;
    const result = await backupStore(url, file, { bgsave: values.bgsave ?? false });
    console.log(`backed up ${describeCounts(result.counts)} from ${shown} to ${result.file}`);
    if (result.rdb) console.log(`Redis wrote its RDB snapshot: ${result.rdb}`);
    return 0;
  } catch (error) {
    console.error(`${values.restore ? "restore" : "backup"} failed: ${(error as Error).message}`);
    return 1;
  }
}

function parse() {
  return parseArgs({
    options: {
      out: { type: "string" },
      jsonl: { type: "boolean" },
      bgsave: { type: "boolean" },
      restore: { type: "string" },
      replace: { type: "boolean" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
    },
  });
}

process.exitCode = await main();
