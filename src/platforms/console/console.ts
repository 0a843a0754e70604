// The interactive console: `npm start` with no bot token. Type the same commands as in a chat
// ("/province son la", "/help"), read plain-text replies; /quit or end of input (Ctrl+D) exits.
// It is a PlatformAdapter too, so digests subscribed from the console are printed here.
import { createInterface, type Interface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Caller } from "../../core/command";
import { findCommand, parseCommandText } from "../../core/dispatch";
import { isLang, type Lang, words } from "../../core/i18n";
import { plainTextInvocation } from "../../core/plain-text";
import type { Reply } from "../../core/reply";
import type { AdapterDeps, PlatformAdapter } from "../adapter";
import { consoleCaller } from "./caller";
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
  caller?: Caller;
  /** Folder for charts and briefing notes (default var/files). */
  filesDir?: string;
  /** Called once input has ended (/quit, Ctrl+D, closed stdin) and the last reply is written. */
  onEnd?: () => void;
}

export type ConsoleDeps = Pick<AdapterDeps, "handle" | "commands" | "corpus"> &
  Partial<Pick<AdapterDeps, "userLang" | "logger">>;

const QUIT = new Set(["quit", "exit", "q"]);
/** Typed after an answer: its verbatim quotes ("Trích dẫn / Quotes"). */
const QUOTES = new Set(["quotes", "trichdan", "trích_dẫn", "trích-dẫn"]);

export interface ConsoleAdapter extends PlatformAdapter {
  /** Resolves when input has ended and every line has been answered. */
  readonly finished: Promise<void>;
}

export function createConsoleAdapter(options: ConsoleOptions, deps: ConsoleDeps): ConsoleAdapter {
  const caller = options.caller ?? consoleCaller;
  const interactive = (options.input as { isTTY?: boolean }).isTTY === true;
  let rl: Interface | undefined;
  // Input still being read; `answering` stays true until the last reply is written (connected()).
  let open = false;
  let answering = false;
  // Lines are answered one after another so replies come out in the order commands were typed.
  let queue: Promise<void> = Promise.resolve();
  // The last paged invocation, for /next and /prev.
  let last: { command: string; text: string; page: number; pageCount: number } | undefined;
  // The last answer that cites sources, for /quotes.
  let cited: { command: string; text: string; page: number } | undefined;
  let markFinished: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    markFinished = resolve;
  });

  let sessionLang = options.lang;
  const width = () => options.width ?? (options.output as { isTTY?: boolean; columns?: number }).columns;
  const write = (text: string) => options.output.write(`${wrapText(text, width() ?? Number.POSITIVE_INFINITY)}\n`);
  const prompt = () => {
    if (interactive && open) rl?.prompt();
  };
  const langOf = async (): Promise<Lang> =>
    sessionLang ?? (await deps.userLang?.(caller.userId).catch(() => undefined)) ?? "vi";

  async function answer(line: string): Promise<void> {
    const input = line.trim();
    if (input === "") return;
    // "/province son la", "next", "quit" as typed; any other line without a slash is a question.
    const firstWord = input.split(/\s+/)[0]?.toLowerCase() ?? "";
    const parsed =
      input.startsWith("/") ||
      QUIT.has(firstWord) ||
      QUOTES.has(firstWord) ||
      firstWord === "next" ||
      firstWord === "prev"
        ? parseCommandText(input.startsWith("/") ? input : `/${input}`)
        : (() => {
            const plain = plainTextInvocation(deps.commands, deps.corpus(), input);
            return { name: plain.command, text: plain.text };
          })();
    if (!parsed) {
      write("Gõ /help để xem các lệnh. · Type /help to see the commands.");
      return;
    }
    if (QUIT.has(parsed.name) && !findCommand(deps.commands, parsed.name)) {
      rl?.close();
      return;
    }
    let { name, text } = parsed;
    let page = 1;
    if (QUOTES.has(name) && !findCommand(deps.commands, name)) {
      if (!cited) {
        write(words(await langOf()).quotes.none);
        return;
      }
      write(renderForConsole(await deps.handle({ ...cited, lang: await langOf(), caller, view: "quotes" })));
      return;
    }
    if ((name === "next" || name === "prev") && !findCommand(deps.commands, name)) {
      if (!last) {
        write("Không có trang nào để lật. · Nothing to page through.");
        return;
      }
      // Past either end, say so rather than show the same page again.
      const w = words(await langOf()).console;
      if (name === "next" && last.page >= last.pageCount) {
        write(w.lastPage(last.page, last.pageCount));
        return;
      }
      if (name === "prev" && last.page <= 1) {
        write(w.firstPage(last.pageCount));
        return;
      }
      page = Math.min(Math.max(1, last.page + (name === "next" ? 1 : -1)), last.pageCount);
      ({ command: name, text } = last);
    }
    const lang = await langOf();
    const reply = await deps.handle({ command: name, text, page, lang, caller });
    last = reply.paging ? { command: name, text, page: reply.paging.page, pageCount: reply.paging.pageCount } : last;
    if (!reply.error && reply.citations.length > 0) cited = { command: name, text, page: reply.paging?.page ?? page };
    write(renderForConsole(reply));
    if (reply.attachment) {
      write(words(reply.lang).pictures.saved(await saveAttachment(options.filesDir ?? "var/files", reply.attachment)));
    }
    if (reply.paging && reply.paging.pageCount > 1) write(words(reply.lang).console.pagingHint);
    // A /lang typed now changes this session's language, even one given on the command line.
    const chosen = text.trim().toLowerCase();
    if (sessionLang && !reply.error && findCommand(deps.commands, name)?.name === "lang" && isLang(chosen)) {
      sessionLang = chosen;
    }
  }

  return {
    name: consoleCaller.platform,
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
          .catch((error: unknown) => {
            deps.logger?.error({ err: error }, "console command failed");
            write("Lỗi nội bộ; xem log. · Internal error; see the log.");
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
      if (interactive) {
        write("Hữu Nghị — gõ /help để xem các lệnh, /quit để thoát. · Type /help for the commands, /quit to leave.");
      }
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
