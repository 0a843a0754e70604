// `npm run ingest -- [options] <file…>`: a news page (.txt like data/sources/, or saved .html) becomes a draft in
// data/inbox/ with its review. `--dry-run --json <file>` prints the draft (records in the corpus format plus the
// review report) and writes nothing: scripts rely on that interface. See docs/ingest.md.
import { readFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { parseArgs } from "node:util";
import dotenv from "dotenv";
import { UserError } from "./core/errors";
import { both, isLang, type Lang, t } from "./core/i18n";
import { renderPlain } from "./core/reply";
import { formatErrors, loadCorpus } from "./corpus/load";
import { asUserError } from "./ingest/errors";
import { FetchPageError, fetchPage, inputFromFile } from "./ingest/fetch-page";
import { Inbox } from "./ingest/inbox";
import { type IngestInput, ingest } from "./ingest/ingest";
import { formatScores, measureArticle } from "./ingest/measure";
import { inboxReply, reviewReply } from "./ingest/review-reply";

const USAGE = `usage: npm run ingest -- [--dry-run] [--json] [--lang vi|en] [--data DIR] <file…>
       npm run ingest -- [--dry-run] [--json] --url <address>
       npm run ingest -- --list | --review <id> | --approve <id> [--records id,id…] | --reject <id>
       npm run ingest -- --measure`;

const labels = (lang: "vi" | "en") => ({ sources: t("sources", lang), page: t("page", lang) });

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
    console.log(USAGE);
    return 0;
  }
  const lang = values.lang ?? "vi";
  if (!isLang(lang)) {
    console.error(`--lang must be vi or en, not "${lang}"\n${USAGE}`);
    return 2;
  }
  dotenv.config({ quiet: true });
  const dataDir = resolve(values.data ?? (process.env.DATA_DIR?.trim() || "data"));
  const inbox = new Inbox(dataDir);
  const now = new Date().toISOString();
  const say = (text: string) => console.log(text);

  try {
    if (values.list) {
      const drafts = await inbox.list();
      say(values.json ? JSON.stringify({ drafts }, null, 2) : renderPlain(inboxReply(drafts, lang), labels(lang)));
      return 0;
    }
    if (values.review) {
      const { draft } = await inbox.get(values.review);
      say(values.json ? JSON.stringify(draft, null, 2) : renderPlain(reviewReply(draft, lang), labels(lang)));
      return 0;
    }
    if (values.reject) {
      const draft = await inbox.reject(values.reject);
      say(`rejected ${draft.id} (${draft.source.title}); kept in ${inbox.dir}/rejected/`);
      return 0;
    }
    if (values.approve) {
      const selection = values.records
        ? new Set(
            values.records
              .split(",")
              .map((s) => s.trim())
              .filter(Boolean),
          )
        : undefined;
      const result = await inbox.approve(values.approve, selection, now);
      if (!result.ok) {
        console.error(
          `not approved: the corpus would have ${result.errors.length} error(s):\n${formatErrors(result.errors)}`,
        );
        return 1;
      }
      say(
        `approved ${result.approved.length} record(s) into ${dataDir} (source ${result.file}); ${result.remaining} left in the draft.\n` +
          "A running bot picks the change up on /reload (or by itself when data watching is on).",
      );
      return 0;
    }
  } catch (error) {
    return failed(error, lang);
  }

  const loaded = await loadCorpus(dataDir);
  if (!loaded.ok) {
    console.error(`the corpus in ${dataDir} has errors:\n${formatErrors(loaded.errors)}`);
    return 1;
  }
  const { data, texts } = loaded.corpus;
  if (values.measure) {
    const files = data.sources.map((s) => s.file).filter((f) => f.endsWith(".txt"));
    say(formatScores(files.map((f) => measureArticle(f, data as never, texts))));
    return 0;
  }
  const inputs: IngestInput[] = [];
  try {
    if (values.url) inputs.push(await fetchPage(values.url));
    for (const path of positionals) {
      const bytes = await readFile(path).catch((error: Error) => {
        throw new FetchPageError(both((w) => w.pageFetch.unreadableFile(path, error.message)));
      });
      inputs.push(inputFromFile(basename(path), new Uint8Array(bytes), `file ${basename(path)}`));
    }
  } catch (error) {
    return failed(error, lang);
  }
  if (inputs.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const today = now.slice(0, 10);
  const results = [];
  const reserved: string[] = [];
  for (const input of inputs) {
    const result = ingest(input, { data: data as never, texts, today, now }, reserved);
    reserved.push(result.draft.source.file);
    results.push(result);
    if (!values["dry-run"]) await inbox.save(result.draft, result.page.text);
  }
  if (values.json) {
    say(JSON.stringify({ dryRun: Boolean(values["dry-run"]), drafts: results.map((r) => r.draft) }, null, 2));
  } else {
    for (const r of results) {
      say(renderPlain(reviewReply(r.draft, lang), labels(lang)));
      say(values["dry-run"] ? "(dry run: nothing written)\n" : `saved to ${inbox.dir}/${r.draft.id}.yaml\n`);
    }
  }
  return results.some((r) => r.draft.report.errors.length > 0) ? 1 : 0;
}

/** An inbox or page failure, printed in the chosen language (exit code 1); anything else is a bug: thrown. */
function failed(error: unknown, lang: Lang): number {
  const shown = asUserError(error);
  if (!(shown instanceof UserError)) throw error;
  console.error(shown.text[lang]);
  return 1;
}

function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      "dry-run": { type: "boolean" },
      json: { type: "boolean" },
      url: { type: "string" },
      lang: { type: "string" },
      data: { type: "string" },
      list: { type: "boolean" },
      review: { type: "string" },
      approve: { type: "string" },
      records: { type: "string" },
      reject: { type: "string" },
      measure: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}

process.exitCode = await main();
