// One pass from an invocation to a reply: find the command, parse its arguments, guard, run.
import { checkTypedArgs, parseArgs } from "./args";
import {
  type ArgValues,
  type Attachment,
  type Caller,
  type Command,
  type CommandContext,
  isAudited,
  requires,
} from "./command";
import type { Corpus } from "./corpus";
import { echo, UserError } from "./errors";
import { both, type Lang, pick, t } from "./i18n";
import { fold, foldTight } from "./normalize";
import { quotesReply } from "./quotes";
import type { Reply } from "./reply";
import { NO_STORE, type Services } from "./services";
import { suggestNames } from "./suggest";

export interface Invocation {
  command: string;
  /** Raw argument text (Telegram, console). */
  text?: string;
  /** Typed arguments (Discord options). Takes precedence over `text`. */
  args?: ArgValues;
  page?: number;
  lang: Lang;
  caller: Caller;
  /** A file sent with the command (a Telegram document, a Discord attachment), read only when a command asks. */
  attachment?: Attachment;
  /** "quotes": answer with the verbatim quotes behind the answer's [n] (the "Trích dẫn / Quotes" button). */
  view?: "quotes";
}

export interface DispatchEnv {
  commands: readonly Command[];
  /** The current corpus snapshot; read once per invocation, so a reload never changes it mid-command. */
  corpus: () => Corpus;
  services: Services;
  /** Today's date (YYYY-MM-DD) in the bot's time zone. */
  today: () => string;
  /** Called for anything that is not a user error: a bug to log. */
  onError?: (error: unknown, invocation: Invocation) => void;
  /** Called after every invocation, for metrics. */
  onDone?: (invocation: Invocation, outcome: "ok" | "user-error" | "error" | "refused", ms: number) => void;
}

/** Splits "/province@HuuNghiBot Sơn La" into command name, addressed bot, and argument text. */
export function parseCommandText(input: string): { name: string; bot?: string; text: string } | undefined {
  const m = /^\s*\/([\p{L}\p{N}_]{1,64})(?:@([A-Za-z0-9_]{1,64}))?(?:\s+([\s\S]*))?$/u.exec(input);
  if (!m) return undefined;
  const out: { name: string; bot?: string; text: string } = {
    name: (m[1] ?? "").toLowerCase(),
    text: (m[3] ?? "").trim(),
  };
  if (m[2]) out.bot = m[2];
  return out;
}

export function errorReply(error: UserError, lang: Lang): Reply {
  const reply: Reply = {
    lang,
    title: t("errorTitle", lang),
    blocks: [{ kind: "text", line: { text: pick(error.text, lang) } }],
    citations: [],
    error: { code: error.code },
  };
  if (error.suggestions.length > 0) {
    reply.suggestions = error.suggestions.map((s) => ({
      command: s.command,
      label: typeof s.label === "string" ? s.label : pick(s.label, lang),
    }));
  }
  return reply;
}

function apology(lang: Lang): Reply {
  return {
    lang,
    title: t("errorTitle", lang),
    blocks: [{ kind: "text", line: { text: t("internalError", lang) } }],
    citations: [],
    error: { code: "internal" },
  };
}

/** The ASCII alias of a command's Vietnamese name: "văn-bản" → "van_ban" (Telegram allows only [a-z0-9_]). */
export function vietnameseAlias(command: Command): string | undefined {
  return command.localName ? fold(command.localName.vi).replace(/ /g, "_") : undefined;
}

/** Each command's Vietnamese name folded, once (every update looks its command up, often twice). */
const foldedLocalNames = new WeakMap<Command, string | undefined>();

function foldedLocalName(command: Command): string | undefined {
  if (!foldedLocalNames.has(command)) {
    foldedLocalNames.set(command, command.localName ? foldTight(command.localName.vi) : undefined);
  }
  return foldedLocalNames.get(command);
}

export function findCommand(commands: readonly Command[], name: string): Command | undefined {
  const wanted = name.toLowerCase();
  const exact = commands.find((c) => c.name === wanted);
  if (exact) return exact;
  const tight = foldTight(name);
  return commands.find((c) => c.localName !== undefined && foldedLocalName(c) === tight);
}

/** Why a caller may not run a command, checked in the order of `Requirement`; undefined when they may. */
function refusal(command: Command, caller: Caller, services: Services): { error: UserError; why: string } | undefined {
  if (requires(command, "admin") && !services.isAdmin(caller.userId)) {
    return {
      error: new UserError(
        "admin-only",
        both((w) => w.adminOnly),
      ),
      why: "not an admin",
    };
  }
  if (requires(command, "store") && services.store === NO_STORE) {
    return {
      error: new UserError(
        "no-store",
        both((w) => w.noStore),
      ),
      why: "no state store",
    };
  }
  if (requires(command, "chatAdmin") && caller.chatKind !== "private" && !caller.isChatAdmin) {
    const chat = caller.chatKind === "channel" ? "channel" : "group";
    return {
      error: new UserError(
        "not-chat-admin",
        both((w) => w.notChatAdmin(chat, caller.adminRight ?? "chatAdmin")),
      ),
      why: "not a chat administrator",
    };
  }
  return undefined;
}

type Outcome = "ok" | "user-error" | "error" | "refused";

/** A command's context, with `note` as a method that keeps the note on it (no closure made per update). */
type RunContext = CommandContext & { noted?: string };
function keepNote(this: RunContext, text: string): void {
  this.noted = text;
}

export async function dispatch(inv: Invocation, env: DispatchEnv): Promise<Reply> {
  const started = performance.now();
  const command = findCommand(env.commands, inv.command);
  if (!command) {
    const names = env.commands.map((c) => c.name);
    const close = suggestNames(inv.command, names, 3);
    return finish(
      env,
      inv,
      started,
      errorReply(
        new UserError(
          "unknown-command",
          both((w) => w.unknownCommand(echo(inv.command, 30))),
          // Keep what was typed after the command: "/provnce son la" → "/province son la".
          close.map((n) => ({
            command: `/${n}${inv.text ? ` ${inv.text}` : ""}`,
            label: findCommand(env.commands, n)?.description ?? n,
          })),
        ),
        inv.lang,
      ),
      "user-error",
    );
  }
  const audited = isAudited(command);
  const refused = refusal(command, inv.caller, env.services);
  if (refused) {
    if (audited) await audit(env, inv, command, "refused", refused.why);
    return finish(
      env,
      inv,
      started,
      errorReply(refused.error, inv.lang),
      refused.error.code === "no-store" ? "user-error" : "refused",
    );
  }
  const corpus = env.corpus();
  try {
    const args = inv.args ? checkTypedArgs(command, inv.args) : parseArgs(command, inv.text ?? "");
    const ctx: RunContext = {
      corpus,
      lang: inv.lang,
      today: env.today(),
      page: Math.max(1, inv.page ?? 1),
      caller: inv.caller,
      services: env.services,
      note: keepNote,
    };
    // Set only when given (no object spread per update).
    if (inv.attachment) ctx.attachment = inv.attachment;
    if (inv.text !== undefined) ctx.text = inv.text;
    const answer = await command.run(ctx, args);
    const reply: Reply = { ...answer, lang: answer.lang ?? inv.lang };
    if (audited)
      await audit(env, inv, command, reply.error ? "failed" : "ok", ctx.noted ?? reply.error?.code ?? reply.title);
    return finish(
      env,
      inv,
      started,
      inv.view === "quotes" && !reply.error ? quotesReply(reply) : reply,
      reply.error ? "user-error" : "ok",
    );
  } catch (error) {
    if (audited) await audit(env, inv, command, "failed", error instanceof UserError ? error.code : "internal error");
    if (error instanceof UserError) return finish(env, inv, started, errorReply(error, inv.lang), "user-error");
    env.onError?.(error, inv);
    return finish(env, inv, started, apology(inv.lang), "error");
  }
}

/** Reports how the update went and how long it took, and gives the reply back. */
function finish(env: DispatchEnv, inv: Invocation, started: number, reply: Reply, outcome: Outcome): Reply {
  env.onDone?.(inv, outcome, performance.now() - started);
  return reply;
}

/** The one audit entry of an audited command, refusals included; a store failure never blocks the reply. */
async function audit(
  env: DispatchEnv,
  inv: Invocation,
  command: Command,
  result: "ok" | "refused" | "failed",
  detail: string,
): Promise<void> {
  const args = inv.args
    ? Object.values(inv.args)
        .filter((v) => v !== undefined)
        .map((v) => (typeof v === "object" ? `${v.from}-${v.to}` : String(v)))
        .join(" ")
    : (inv.text ?? "");
  await env.services.store
    .appendAudit({
      at: new Date().toISOString(),
      who: inv.caller.userId,
      where: inv.caller.chatId,
      what: `/${command.name}${args ? ` ${echo(args, 60)}` : ""}`,
      result,
      detail: echo(detail, 120),
    })
    .catch((error: unknown) =>
      env.services.reportError(error, `could not audit ${result === "refused" ? "a refused " : ""}/${command.name}`),
    );
}
