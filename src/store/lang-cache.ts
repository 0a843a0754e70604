// Every update needs its user's language, and most users never set one: asking the store each time costs a
// round trip per message and, when the store hangs, holds every command (/province included) for the whole
// outage. So answers (including "no preference") are kept in memory, /lang writes through, and a lookup the
// cache cannot answer waits for the store only briefly: past that the reply goes out in the client's language
// and the store's answer, when it comes, fills the cache for the next message.
// With several bot processes, a /lang change made on another one is seen here once the entry expires (ttlMs).
import type { Lang } from "../core/i18n";
import type { StateStore } from "../core/services";
import { within } from "../core/within";

export interface LangCacheOptions {
  /** How long an answer is trusted (default 5 min): bounds how stale another process's /lang can be here. */
  ttlMs?: number;
  /** Entries kept at most (default 100,000); the oldest go first. */
  maxEntries?: number;
  /** How long a lookup the cache cannot answer waits for the store (default 150 ms). */
  waitMs?: number;
  now?: () => number;
}

interface Entry {
  lang: Lang | undefined;
  until: number;
}

export class UserLangCache {
  private readonly entries = new Map<string, Entry>();
  private readonly reading = new Map<string, Promise<Lang | undefined>>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly waitMs: number;
  private readonly now: () => number;

  constructor(
    private readonly store: Pick<StateStore, "getUserLang">,
    options: LangCacheOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 5 * 60_000;
    this.maxEntries = options.maxEntries ?? 100_000;
    this.waitMs = options.waitMs ?? 150;
    this.now = options.now ?? Date.now;
  }

  /** The stored preference, from memory when known; never waits on the store longer than `waitMs`. */
  async lookup(userId: string): Promise<Lang | undefined> {
    const known = this.entries.get(userId);
    if (known && known.until > this.now()) return known.lang;
    const read = this.read(userId);
    try {
      // A stale answer beats none while the store is slow or down.
      return await within(read, this.waitMs, () => known?.lang);
    } catch {
      return known?.lang;
    }
  }

  /** The store's answer (rejecting when it fails), cached; one read per user at a time. */
  read(userId: string): Promise<Lang | undefined> {
    let pending = this.reading.get(userId);
    if (!pending) {
      pending = this.store.getUserLang(userId).then((lang) => {
        this.remember(userId, lang);
        return lang;
      });
      const forget = () => this.reading.delete(userId);
      pending.then(forget, forget);
      this.reading.set(userId, pending);
    }
    return pending;
  }

  remember(userId: string, lang: Lang | undefined): void {
    this.entries.delete(userId); // re-inserted last: Map order is the eviction order
    this.entries.set(userId, { lang, until: this.now() + this.ttlMs });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * The store with its language reads answered by `cache` and its language writes kept in it: what commands and
 * adapters are given, so /lang, /settings and every update share one cache.
 */
export function withLangCache<S extends StateStore>(store: S, cache = new UserLangCache(store)): S {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === "getUserLang") return (userId: string) => cache.read(userId);
      if (property === "setUserLang") {
        return async (userId: string, lang: Lang) => {
          await target.setUserLang(userId, lang);
          cache.remember(userId, lang);
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
