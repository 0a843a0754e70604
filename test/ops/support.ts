// Shared pieces for the ops tests: a private copy of data/ to edit, a real SQLite store in a temp dir,
// and a core wired with the admin policy the way src/main.ts wires it.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DateTime } from "luxon";
import { afterEach, beforeEach } from "vitest";
import { parse, stringify } from "yaml";
import { type Core, createCore } from "../../src/app";
import type { Caller } from "../../src/core/command";
import { parseCommandText } from "../../src/core/dispatch";
import type { Lang } from "../../src/core/i18n";
import { type Reply, renderPlain } from "../../src/core/reply";
import type { StateStore } from "../../src/core/services";
import { openStore } from "../../src/store/open";

export const REPO = resolve(import.meta.dirname, "..", "..");
export const ADMIN = "telegram:111111";
export const MEMBER = "telegram:222222";

export function caller(userId: string, chatId = "telegram:-1001234"): Caller {
  return { userId, chatId, platform: "telegram", isChatAdmin: true, chatKind: "group" };
}

/** A temp directory holding a copy of the real data/ (as `dir/data`). */
export async function tempWorkspace(): Promise<{ root: string; data: string; cleanup(): Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), "huunghi-ops-"));
  const data = join(root, "data");
  await cp(join(REPO, "data"), data, { recursive: true });
  return { root, data, cleanup: () => rm(root, { recursive: true, force: true }) };
}

// biome-ignore lint/suspicious/noExplicitAny: test edits reach into arbitrary YAML records.
type Records = any[];

/** Parses a data file, lets the test change its records, writes it back. */
export async function editYaml(dataDir: string, file: string, mutate: (records: Records) => void): Promise<void> {
  const path = join(dataDir, file);
  const records = parse(await readFile(path, "utf8")) as Records;
  mutate(records);
  await writeFile(path, stringify(records));
}

export async function sqliteStore(root: string): Promise<StateStore> {
  return openStore(`sqlite://${join(root, "bot.sqlite")}`);
}

export async function opsCore(dataDir: string, store?: StateStore, admins: readonly string[] = [ADMIN]): Promise<Core> {
  const services = { isAdmin: (id: string) => admins.includes(id), ...(store ? { store } : {}) };
  return createCore({ dataDir, today: "2026-11-24", services });
}

export async function ask(core: Core, line: string, userId = ADMIN, lang: Lang = "en"): Promise<Reply> {
  const parsed = parseCommandText(line);
  if (!parsed) throw new Error(`not a command: ${line}`);
  return core.handle({ command: parsed.name, text: parsed.text, lang, caller: caller(userId) });
}

export function plain(reply: Reply): string {
  return renderPlain(reply, { sources: "Sources", page: "Page" });
}

/** A zone where the local day is not about to roll over, so "two minutes ago" is still today. */
export function zoneAwayFromMidnight(): string {
  for (const zone of ["UTC", "Asia/Tokyo", "America/New_York"]) {
    const now = DateTime.now().setZone(zone);
    if (now.hour * 60 + now.minute >= 5) return zone;
  }
  return "UTC";
}

export interface OpsWorkspace {
  /** A private copy of data/ (`ws.data`) to edit. */
  ws: Awaited<ReturnType<typeof tempWorkspace>>;
  /** A real SQLite store in the workspace. */
  store: StateStore;
  /** A core over that data and store, with ADMIN as the only admin. */
  core: Core;
}

/**
 * For test files that each start from a fresh copy of data/, a fresh store and a core with the admin policy
 * (the admin and reload tests): registers the set-up and clean-up around every test and returns the live
 * workspace (read its fields inside tests).
 */
export function useOpsWorkspace(): OpsWorkspace {
  const live = {} as OpsWorkspace;
  beforeEach(async () => {
    live.ws = await tempWorkspace();
    live.store = await sqliteStore(live.ws.root);
    live.core = await opsCore(live.ws.data, live.store);
  });
  afterEach(async () => {
    await live.store.close();
    await live.ws.cleanup();
  });
  return live;
}
