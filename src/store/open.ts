// Opens the state store named by STORE_URL:
//   sqlite://var/bot.sqlite        a file, relative to the working directory (directory created on first run)
//   sqlite:///srv/bot/bot.sqlite   an absolute path
//   sqlite://:memory:              in memory (tests)
//   redis://[:password@]host:port[/db]   Redis (rediss:// for TLS)
import { isAbsolute, resolve } from "node:path";
import type { StateStore } from "../core/services";
import { KeyvStateStore, type KeyvStoreOptions } from "./keyv-store";
import { openRedisBackend } from "./redis-backend";
import { openSqliteBackend } from "./sqlite-backend";

export interface OpenStoreOptions extends KeyvStoreOptions {
  /** Asynchronous backend errors (a dropped Redis connection); operations still reject on their own. */
  onBackendError?: (error: unknown) => void;
  /** Base for relative SQLite paths (default: the working directory). */
  cwd?: string;
}

/** The file a sqlite:// URL points at. */
export function sqlitePath(url: string, cwd: string = process.cwd()): string {
  const path = decodeURIComponent(url.replace(/^sqlite:\/\//, ""));
  if (path === "") throw new Error(`STORE_URL "${url}" names no file; e.g. sqlite://var/bot.sqlite`);
  if (path === ":memory:") return path;
  return isAbsolute(path) ? path : resolve(cwd, path);
}

export async function openStore(url: string, options: OpenStoreOptions = {}): Promise<KeyvStateStore & StateStore> {
  const onError = options.onBackendError ?? (() => {});
  if (url.startsWith("sqlite://")) {
    return new KeyvStateStore(await openSqliteBackend(sqlitePath(url, options.cwd), onError), options);
  }
  if (url.startsWith("redis://") || url.startsWith("rediss://")) {
    return new KeyvStateStore(await openRedisBackend(url, onError), options);
  }
  throw new Error(`STORE_URL "${url.replace(/\/\/[^@/]*@/, "//***@")}" is not sqlite://… or redis://…`);
}
