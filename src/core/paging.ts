// Page buttons carry a short token instead of the whole invocation: Telegram allows 64 bytes of
// callback data and Discord 100 characters of custom id, and user arguments can be longer.
import { randomBytes } from "node:crypto";
import type { ArgValues } from "./command";
import type { Lang } from "./i18n";

export interface PagedInvocation {
  command: string;
  text?: string;
  args?: ArgValues;
  lang: Lang;
  /** The page number picks a part of the command's one reply, cut by a platform that cannot show it whole. */
  parts?: boolean;
  /** The quotes of the answer rather than the answer (the "Trích dẫn / Quotes" button). */
  view?: "quotes";
}

/** A token and the invocation it stands for. */
export interface PageEntry {
  token: string;
  invocation: PagedInvocation;
}

/** Where page tokens outlive the process: the state store, shared by every replica. */
export interface PageStore {
  savePage(token: string, invocation: PagedInvocation, ttlMs: number): Promise<void>;
  /** Several in one round trip (one commit); without it, one savePage each. */
  savePages?(entries: readonly PageEntry[], ttlMs: number): Promise<void>;
  loadPage(token: string): Promise<PagedInvocation | undefined>;
}

/** Tokens are written to the store this long after the first of them is issued, together. */
export const SAVE_AFTER_MS = 50;

/** How long a page button keeps working when tokens are kept in the store. */
export const PAGE_TTL_MS = 7 * 24 * 3600 * 1000;

/** Random bytes drawn 6 at a time from a pool: one system call per 512 tokens rather than one each. */
const TOKEN_BYTES = 6;
let pool = Buffer.alloc(0);
let poolAt = 0;

function randomToken(): string {
  if (poolAt + TOKEN_BYTES > pool.length) {
    pool = randomBytes(TOKEN_BYTES * 512);
    poolAt = 0;
  }
  poolAt += TOKEN_BYTES;
  return pool.toString("base64url", poolAt - TOKEN_BYTES, poolAt);
}

/**
 * Remembers recent paged invocations; old tokens expire (the user is told to run the command again). With a
 * store, every token is also written there, so a button works after a restart and on any replica (a webhook
 * behind a load balancer sends the press to any process); the local map answers first.
 */
export class PageTokens {
  private readonly entries = new Map<string, PagedInvocation>();
  private readonly writes = new Set<Promise<void>>();
  /** Issued since the last write (the buttons of every reply sent meanwhile), written when `timer` fires. */
  private unsaved: PageEntry[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly capacity = 10_000,
    private readonly store?: PageStore,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  issue(inv: PagedInvocation): string {
    const token = randomToken();
    this.entries.set(token, inv);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    if (this.store) {
      // Written a moment later, every token issued meanwhile in one store round trip: a reply has several buttons,
      // and at a few hundred updates a second one commit each was a tenth of the bot's time. No one taps a button
      // within SAVE_AFTER_MS of its message being sent, so another process always finds the token. Not awaited:
      // the reply is not held up; a failed write only means the buttons work on this process alone.
      this.unsaved.push({ token, invocation: inv });
      if (!this.timer) {
        this.timer = setTimeout(() => this.track(this.save()), SAVE_AFTER_MS);
        this.timer.unref();
      }
    }
    return token;
  }

  async get(token: string): Promise<PagedInvocation | undefined> {
    const local = this.entries.get(token);
    if (local || !this.store) return local;
    try {
      return await this.store.loadPage(token);
    } catch (error) {
      this.onError(error);
      return undefined;
    }
  }

  /** Writes the tokens not yet written and resolves once every write is done (a graceful stop, tests). */
  async flushed(): Promise<void> {
    if (this.timer) this.track(this.save());
    await Promise.allSettled([...this.writes]);
  }

  private async save(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const store = this.store;
    const entries = this.unsaved;
    this.unsaved = [];
    if (!store || entries.length === 0) return;
    try {
      if (store.savePages) await store.savePages(entries, PAGE_TTL_MS);
      else await Promise.all(entries.map((e) => store.savePage(e.token, e.invocation, PAGE_TTL_MS)));
    } catch (error) {
      this.onError(error);
    }
  }

  private track(write: Promise<void>): void {
    this.writes.add(write);
    void write.finally(() => this.writes.delete(write));
  }
}

/** "pg:<token>:<page>", at most 30 bytes. */
export function pageData(token: string, page: number): string {
  return `pg:${token}:${page}`;
}

export function parsePageData(data: string): { token: string; page: number } | undefined {
  const m = /^pg:([A-Za-z0-9_-]{1,16}):(\d{1,4})$/.exec(data);
  return m ? { token: m[1] ?? "", page: Number(m[2]) } : undefined;
}
