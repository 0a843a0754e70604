// The interactive console: `npm start` with no bot token. Type the same commands as in a chat
// ("/province son la", "/help"), read plain-text replies; /quit or end of input (Ctrl+D) exits.
// Commands go through the shared request pipeline like a chat's; the console has no buttons, so the typed words
// `next`, `prev` and `quotes` press the last answer's page and quotes buttons. It is a PlatformAdapter too, so
// digests subscribed from the console are printed here.
import { createInterface, type Interface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import pino from "pino";
import { findCommand } from "../../core/dispatch";
import { type Lang, words } from "../../core/i18n";
import { PageTokens, pageData } from "../../core/paging";
import type { Reply } from "../../core/reply";
import type { AdapterDeps, PlatformAdapter } from "../adapter";
import { langOf } from "../shared/asker";
import type { Offers } from "../shared/offers";
import { type Conversation, createPipeline } from "../shared/pipeline";
import { consoleAsker } from "./caller";
import { readLine } from "./line";
import { renderForConsole } from "./render";
import { saveAttachment } from "./save-file";
import { wrapText } from "./wrap";

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  /**
   * The language asked for on the command line (`--lang`): it wins over a language saved with /lang, until a
   * /lang typed in this session changes it. Without it, the saved language, else Vietnamese.
   */
  lang?: Lang;
  /** Wrap replies to this many columns; by default the terminal's width when the output is a terminal. */
  width?: number;
  /** Folder for charts and briefing notes (default var/files). */
  filesDir?: string;
  /** Called once input has ended (/quit, Ctrl+D, closed stdin) and the last reply is written. */
  onEnd?: () => void;
}

export type ConsoleDeps = Pick<AdapterDeps, "handle" | "commands" | "corpus"> &
  Partial<Pick<AdapterDeps, "userLang" | "logger">>;

export interface ConsoleAdapter extends PlatformAdapter {
  /** Resolves when input has ended and every line has been answered. */
  readonly finished: Promise<void>;
}

/** The console's buttons stay in this process: one user, nobody presses them from elsewhere. */
const PAGE_TOKENS = 1_000;

export function createConsoleAdapter(options: ConsoleOptions, deps: ConsoleDeps): ConsoleAdapter {
  const interactive = (options.input as { isTTY?: boolean }).isTTY === true;
  const logger = deps.logger ?? pino({ level: "silent" });
  let rl: Interface | undefined;
  // Input still being read; `answering` stays true until the last reply is written (connected()).
  let open = false;
  let answering = false;
  // Lines are answered one after another so replies come out in the order commands were typed.
  let queue: Promise<void> = Promise.resolve();
  // The last answer's pages (for next and prev) and the last cited answer's quotes button (for quotes).
  let pages: { token?: string; page: number; pageCount: number } | undefined;
  let quotes: string | undefined;
  let markFinished: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    markFinished = resolve;
  });

  let sessionLang = options.lang;
  const userLang = async (userId: string): Promise<Lang | undefined> => sessionLang ?? (await deps.userLang?.(userId));
  const pipeline = createPipeline(
    { commands: deps.commands, handle: deps.handle, pages: new PageTokens(PAGE_TOKENS), userLang, logger },
    { whispers: false },
  );
  const asker = consoleAsker;

  const width = () => options.width ?? (options.output as { isTTY?: boolean; columns?: number }).columns;
  const write = (text: string) => options.output.write(`${wrapText(text, width() ?? Number.POSITIVE_INFINITY)}\n`);
  const prompt = () => {
    if (interactive && open) rl?.prompt();
  };
  const langNow = () => langOf(asker, { userLang, logger });

  /** Prints a reply and remembers what it offers; `setsLang`: it answers a command that sets the language. */
  async function show(reply: Reply, offers: Offers, setsLang = false): Promise<void> {
    write(renderForConsole(reply));
    if (reply.attachment) {
      write(words(reply.lang).pictures.saved(await saveAttachment(options.filesDir ?? "var/files", reply.attachment)));
    }
    if (reply.paging) pages = { ...reply.paging, ...(offers.pages ? { token: offers.pages.token } : {}) };
    if (offers.pages) write(words(reply.lang).console.pagingHint);
    // The quotes of the last answer that cites sources; under the quotes themselves the button leads back.
    if (offers.quotes && reply.quotesOf === undefined) quotes = offers.quotes.data;
    // A /lang typed now changes this session's language, even one given on the command line: its answer is in
    // the language the user has once it ran (the one just chosen, or the session's when it only said which).
    if (setsLang && sessionLang) sessionLang = reply.lang;
  }

  function conversation(setsLang = false): Conversation {
    const post = (reply: Reply, offers: Offers) => show(reply, offers, setsLang);
    return {
      run: (work) => work(),
      post,
      postPrivately: post,
      replace: post,
      async expired() {
        write(words(await langNow()).console.pageExpired);
      },
    };
  }

  /** next and prev: the last answer's page buttons; past either end, say so rather than show it again. */
  async function turn(step: 1 | -1): Promise<void> {
    const w = words(await langNow()).console;
    if (!pages) return void write(w.nothingToPage);
    if (step > 0 && pages.page >= pages.pageCount) return void write(w.lastPage(pages.page, pages.pageCount));
    if (step < 0 && pages.page <= 1) return void write(w.firstPage(pages.pageCount));
    if (pages.token) await pipeline.press(pageData(pages.token, pages.page + step), asker, conversation());
  }

  async function answer(line: string): Promise<void> {
    const typed = readLine(line, deps.commands, deps.corpus);
    switch (typed.kind) {
      case "empty":
        return;
      case "unknown":
        return void write(words(await langNow()).console.unknownLine);
      case "quit":
        return void rl?.close();
      case "next":
        return turn(1);
      case "prev":
        return turn(-1);
      case "quotes":
        if (!quotes) return void write(words(await langNow()).quotes.none);
        return pipeline.press(quotes, asker, conversation());
      case "command": {
        const setsLang = findCommand(deps.commands, typed.command)?.setsUserLang === true;
        return pipeline.command({ command: typed.command, text: typed.text }, asker, conversation(setsLang));
      }
    }
  }

  return {
    name: consoleAsker.platform,
    isGroupChat: () => false,
    // Printing is not rate-limited.
    digestLimits: { perSecond: 100, perChatMs: 0, perGroupPerMinute: 6_000 },
    finished,
    async start() {
      rl = createInterface({ input: options.input, output: options.output, terminal: interactive });
      open = true;
      answering = true;
      rl.setPrompt("hữu nghị> ");
      rl.on("line", (line) => {
        queue = queue
          .then(() => answer(line))
          .catch(async (error: unknown) => {
            logger.error({ err: error }, "console command failed");
            write(words(await langNow()).console.internalError);
          })
          .then(prompt);
      });
      rl.on("close", () => {
        open = false;
        void queue.then(() => {
          answering = false;
          markFinished();
          options.onEnd?.();
        });
      });
      if (interactive) write(words(await langNow()).console.welcome);
      prompt();
    },
    async stop() {
      if (!rl) markFinished();
      rl?.close();
      await finished;
    },
    connected: () => answering,
    async send(_chatId: string, reply: Reply) {
      write(renderForConsole(reply));
      prompt();
    },
  };
}
