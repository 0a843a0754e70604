// Fetching a news page by its address (`npm run ingest -- --url …`): the bot may run where the news sites are
// reachable. Bounded in time and size, HTML or plain text only, decoded with the charset the server names.
import { both } from "../core/i18n";
import type { Localized } from "../core/model";
import type { IngestInput } from "./ingest";

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  fetchImpl?: typeof fetch;
}

/** A page that cannot be read, said in both languages (the message is the English one, for logs). */
export class FetchPageError extends Error {
  constructor(readonly text: Localized) {
    super(text.en);
  }
}

export async function fetchPage(url: string, options: FetchOptions = {}): Promise<IngestInput> {
  let address: URL;
  try {
    address = new URL(url);
  } catch {
    throw new FetchPageError(both((w) => w.pageFetch.notAddress(url)));
  }
  if (address.protocol !== "http:" && address.protocol !== "https:") {
    throw new FetchPageError(both((w) => w.pageFetch.notHttp(address.protocol)));
  }
  const maxBytes = options.maxBytes ?? 5_000_000;
  let response: Response;
  try {
    response = await (options.fetchImpl ?? fetch)(address, {
      redirect: "follow",
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      headers: { "user-agent": "huunghi-bot ingest (+https://github.com/)", accept: "text/html, text/plain;q=0.9" },
    });
  } catch (error) {
    throw new FetchPageError(both((w) => w.pageFetch.unreachable(address.href, (error as Error).message)));
  }
  if (!response.ok)
    throw new FetchPageError(both((w) => w.pageFetch.refused(address.href, response.status, response.statusText)));
  const type = response.headers.get("content-type") ?? "";
  if (type && !/text\/html|application\/xhtml|text\/plain/i.test(type)) {
    throw new FetchPageError(both((w) => w.pageFetch.notPage(address.href, type.split(";")[0] ?? type)));
  }
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new FetchPageError(both((w) => w.pageFetch.tooLarge(address.href, maxBytes)));
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength > maxBytes) throw new FetchPageError(both((w) => w.pageFetch.tooLarge(address.href, maxBytes)));
  const charset = /charset=([\w-]+)/i.exec(type)?.[1] ?? "utf-8";
  let content: string;
  try {
    content = new TextDecoder(charset, { fatal: true }).decode(bytes);
  } catch {
    throw new FetchPageError(both((w) => w.pageFetch.badCharset(address.href, charset)));
  }
  return {
    content,
    format: /text\/plain/i.test(type) ? "text" : "html",
    origin: `address ${response.url || address.href}`,
    url: response.url || address.href,
  };
}

/** Bytes received as a file (a document on Telegram, an attachment on Discord, a file on disk) → pipeline input. */
export function inputFromFile(name: string, bytes: Uint8Array, origin: string): IngestInput {
  let content: string;
  try {
    content = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new FetchPageError(both((w) => w.pageFetch.fileNotUtf8(name)));
  }
  const html = /\.x?html?$/i.test(name) || /^\s*<(!doctype|html)/i.test(content);
  if (!html && !/\.(txt|text|md)$/i.test(name) && content.includes(String.fromCharCode(0))) {
    throw new FetchPageError(both((w) => w.pageFetch.fileNotText(name)));
  }
  return { content, format: html ? "html" : "text", origin };
}
