// A core over the real corpus in data/, with a fixed "today", and a helper to run one command line.
import { type Core, createCore } from "../../src/app";
import type { Caller } from "../../src/core/command";
import { parseCommandText } from "../../src/core/dispatch";
import type { Lang } from "../../src/core/i18n";
import { type Reply, renderPlain } from "../../src/core/reply";

export const localCaller: Caller = {
  userId: "console:test",
  chatId: "console:test",
  platform: "console",
  isChatAdmin: true,
  chatKind: "private",
};

export async function testCore(today = "2026-11-24"): Promise<Core> {
  return createCore({ today });
}

export async function ask(core: Core, line: string, lang: Lang = "vi", page = 1): Promise<Reply> {
  const parsed = parseCommandText(line);
  if (!parsed) throw new Error(`not a command: ${line}`);
  return core.handle({ command: parsed.name, text: parsed.text, lang, caller: localCaller, page });
}

/** The reply as the console shows it: what a reader sees, citations included. */
export function plain(reply: Reply): string {
  return renderPlain(reply, { sources: "Sources", page: "Page" });
}
