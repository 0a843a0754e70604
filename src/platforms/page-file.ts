// A news page sent as a file for /ingest (a Telegram document, a Discord attachment): which files are taken,
// and fetching their bytes with a bound, for the loader of the invocation's attachment.

import { UserError } from "../core/errors";
import { both } from "../core/i18n";

const PAGE_NAME = /\.(txt|html?)$/i;
const PAGE_TYPES = new Set(["text/plain", "text/html"]);

/** Refuses anything but a saved page (.txt, .html), before its bytes are fetched. */
export function refuseUnlessPage(name: string, mimeType?: string): void {
  const type = mimeType?.split(";")[0]?.trim().toLowerCase();
  if (PAGE_NAME.test(name) || (type !== undefined && PAGE_TYPES.has(type))) return;
  throw new UserError(
    "bad-page",
    both((w) => w.ingest.notAPage(name)),
  );
}

export function tooLarge(maxBytes: number, where: string): UserError {
  const mb = Math.floor(maxBytes / 1_000_000);
  return new UserError(
    "bad-page",
    both((w) => w.ingest.fileTooLarge(mb, where)),
  );
}

/**
 * GETs `url` and returns its bytes, refusing more than `maxBytes`. Errors never include the address (a Telegram
 * file address holds the bot token).
 */
export async function downloadBytes(url: string, maxBytes: number, where: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) {
    await res.body?.cancel();
    throw new Error(`${where}: the file download failed with HTTP ${res.status}`);
  }
  if (Number(res.headers.get("content-length") ?? 0) > maxBytes) {
    await res.body?.cancel();
    throw tooLarge(maxBytes, where);
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.byteLength > maxBytes) throw tooLarge(maxBytes, where);
  return bytes;
}
