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
}

/** Remembers recent paged invocations; old tokens expire (the user is told to run the command again). */
export class PageTokens {
  private readonly entries = new Map<string, PagedInvocation>();

  constructor(private readonly capacity = 10_000) {}

  issue(inv: PagedInvocation): string {
    const token = randomBytes(6).toString("base64url");
    this.entries.set(token, inv);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return token;
  }

  get(token: string): PagedInvocation | undefined {
    return this.entries.get(token);
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
