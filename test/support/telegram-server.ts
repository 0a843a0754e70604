// A local Telegram Bot API server for tests: it speaks the Bot API over HTTP on 127.0.0.1 so the REAL
// grammY client can run against it (point the bot at `apiRoot`). It records every call, feeds updates
// to getUpdates (long polling) or POSTs them to a registered webhook, and can fail the next call of a
// method (429 with retry_after, 5xx, 403) to exercise retries and "chat gone" handling.
//
// It checks what Telegram checks where a bot could get it wrong: HTML parse mode (only Telegram's tags,
// every <, > and & escaped), the 4,096-character message limit after entity parsing, text that is not valid
// UTF-8 (a lone surrogate half), 64-byte callback data, inline results (≤ 50, ids ≤ 64 bytes, unique), the
// command menu format, and a callback query answered twice.
//
// It also produces the faults real Telegram produces: a second poller on the same token (409 Conflict for the
// older getUpdates), a revoked token (401), an unreachable API (connections dropped), a group upgraded to a
// supergroup (400 with parameters.migrate_to_chat_id) and a closed forum topic (400 TOPIC_CLOSED).
//
// Files users send (addFile, then documentUpdate) are served as the Bot API serves them: getFile gives a
// file_path (400 "invalid file_id" for an unknown id, "file is too big" over 20 MB), and the bytes are at
// /file/bot<token>/<file_path>.
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** Loose JSON shapes: the server stores whatever the bot sent and tests pick fields. */
// biome-ignore lint/suspicious/noExplicitAny: Bot API payloads are arbitrary JSON; tests read fields freely.
export type Json = any;

export interface RecordedCall {
  method: string;
  params: Json;
  /** Date.now() when the request arrived. */
  at: number;
  /** HTTP status answered (200, or the injected / validation failure). */
  status: number;
  /** The Bot API `result` (successful calls) or `description` (failures). */
  result?: Json;
  description?: string;
}

export interface Failure {
  status: number;
  /** Seconds, sent as parameters.retry_after (429). */
  retry_after?: number;
  description?: string;
  /** Only calls for this chat fail (others pass untouched), so concurrent tests do not steal the failure. */
  chat_id?: number | string;
}

export interface BotIdentity {
  id: number;
  username: string;
  first_name: string;
}

export interface TelegramServer {
  /** e.g. "http://127.0.0.1:41234" — pass as grammY's `client.apiRoot` / TELEGRAM_API_ROOT. */
  apiRoot: string;
  token: string;
  bot: BotIdentity;
  /** Successful calls, in arrival order. */
  sent: RecordedCall[];
  /** Every call, including injected and validation failures. */
  attempts: RecordedCall[];
  /**
   * Queues an update (update_id assigned when missing). With a webhook set, it is POSTed to the webhook
   * with its secret header instead and the promise gives the webhook's HTTP status.
   */
  pushUpdate(update: Json): Promise<{ update_id: number; status?: number }>;
  /** The next call(s) of `method` fail with this status (and retry_after for 429). */
  failNext(method: string, failure: Failure, times?: number): void;
  /** getChatMember answers this status for (chat, user); default "member". */
  setChatMember(chatId: number, userId: number, status: string): void;
  /** Resolves with the first `count` successful calls of `method` matching `where`, or rejects after timeoutMs. */
  waitFor(
    method: string,
    options?: { count?: number; where?: (call: RecordedCall) => boolean; timeoutMs?: number },
  ): Promise<RecordedCall[]>;
  /** Successful calls of one method. */
  calls(method: string): RecordedCall[];
  /** Updates not yet confirmed by a getUpdates offset (Telegram would deliver them again). */
  pending(): number;
  /** The current webhook (set by setWebhook, cleared by deleteWebhook). */
  webhook(): { url: string; secret_token?: string } | undefined;
  /** Every later call of `method` is answered `ms` later (0: at once again), to test work in flight. */
  delay(method: string, ms: number): void;
  /** Resolves with the first call of `method` that arrived (answered or not) and matches `where`. */
  waitForArrival(
    method: string,
    options?: { where?: (call: RecordedCall) => boolean; timeoutMs?: number },
  ): Promise<RecordedCall>;
  /** Forgets recorded calls (not updates or webhook). */
  clear(): void;
  /** From now on every call answers 401 Unauthorized, as after /revoke in @BotFather. */
  revokeToken(): void;
  /** false: every connection is dropped at once (the Bot API unreachable); true: served again. */
  setReachable(reachable: boolean): void;
  /** The group `from` became the supergroup `to`: calls for `from` fail with 400 and migrate_to_chat_id. */
  migrateChat(from: number, to: number): void;
  /**
   * A file a user sent, as Telegram stores it; returns its Document (for documentUpdate). `declaredSize` claims
   * a size without holding the bytes (a file over the download limit).
   */
  addFile(name: string, bytes: Uint8Array, options?: { mimeType?: string; declaredSize?: number }): Json;
  /** Posting in this forum topic fails with 400 TOPIC_CLOSED until reopened. */
  closeTopic(chatId: number, threadId: number, closed?: boolean): void;
  close(): Promise<void>;
}

export interface TelegramServerOptions {
  token?: string;
  bot?: Partial<BotIdentity>;
  /** Random faults, as the real API and a real network produce them under load (chaos script, benchmarks). */
  faults?: Faults;
  /** Told of each successful call as it is recorded (benchmarks time replies without scanning `sent`). */
  onCall?: (call: RecordedCall) => void;
}

/** Chances (0–1) per call of one of `methods` (default sendMessage), drawn from a seeded generator. */
export interface Faults {
  methods?: string[];
  /** 429 Too Many Requests with `retryAfter` seconds (default 1). */
  tooManyRequests?: number;
  retryAfter?: number;
  /** The connection is dropped before the call is handled: nothing is posted, the client sees a network error. */
  dropBeforeAccept?: number;
  /** The call is handled (the message posted) and then the connection dropped: the answer is lost. */
  dropAfterAccept?: number;
  seed?: number;
}

/** mulberry32: a small seeded generator, so a chaos run can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    description: string,
    readonly retryAfter?: number,
    readonly parameters?: Json,
  ) {
    super(description);
  }
}

const CONFLICT = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";

const badRequest = (description: string) => new ApiError(400, `Bad Request: ${description}`);

export async function startTelegramServer(options: TelegramServerOptions = {}): Promise<TelegramServer> {
  const token = options.token ?? "123456:TEST-token_for-local-server";
  const bot: BotIdentity = { id: 123456, username: "HuuNghiTestBot", first_name: "Hữu Nghị", ...options.bot };
  const sent: RecordedCall[] = [];
  const attempts: RecordedCall[] = [];
  const failures = new Map<string, Failure[]>();
  const members = new Map<string, string>();
  const delays = new Map<string, number>();
  /** Calls as they arrive, before they are answered (for delay / waitForArrival). */
  const arrivals: RecordedCall[] = [];
  const events = new EventEmitter();
  events.setMaxListeners(0);
  if (options.onCall) events.on("call", options.onCall);
  const faults = options.faults;
  const roll = seeded(faults?.seed ?? 1);
  const faulty = (method: string) => faults !== undefined && (faults.methods ?? ["sendMessage"]).includes(method);
  /** Status recorded for a call whose connection was dropped (no HTTP status reached the client). */
  const DROPPED = 0;
  let queue: Json[] = [];
  let nextUpdateId = 1;
  let nextMessageId = 1;
  const messages = new Map<string, Json>();
  let hook: { url: string; secret_token?: string } | undefined;
  let closed = false;
  let revoked = false;
  let reachable = true;
  const migrated = new Map<string, number>();
  const closedTopics = new Set<string>();
  const answeredQueries = new Set<string>();
  /** Files users sent, by file_id: their bytes, size and (once getFile was called) their path. */
  const files = new Map<string, { bytes: Uint8Array; size: number; path: string }>();
  let nextFileId = 1;
  /** The getUpdates request waiting now: a newer one ends it with 409, as Telegram does. */
  let waitingPoll: { terminate(): void } | undefined;

  // --- getUpdates long polling: waiters are woken by pushUpdate or close. Updates stay queued until
  // a later offset confirms them, so an aborted poll never loses one.
  const waitForUpdates = (ms: number, req: IncomingMessage): Promise<"ok" | "conflict"> =>
    new Promise((resolve) => {
      const finish = (how: "ok" | "conflict") => {
        clearTimeout(timer);
        events.off("update", done);
        events.off("close", done);
        req.off("close", done);
        if (waitingPoll === self) waitingPoll = undefined;
        resolve(how);
      };
      const done = () => finish("ok");
      const self = { terminate: () => finish("conflict") };
      waitingPoll?.terminate();
      waitingPoll = self;
      const timer = setTimeout(done, ms);
      events.on("update", done);
      events.on("close", done);
      req.on("close", done);
    });

  const chatOf = (chatId: number | string): Json =>
    typeof chatId === "number" && chatId > 0
      ? { id: chatId, type: "private", first_name: "Tester" }
      : { id: chatId, type: "supergroup", title: "Test group" };

  const storeMessage = (params: Json, content: Json): Json => {
    const message = {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: chatOf(params.chat_id),
      from: { id: bot.id, is_bot: true, first_name: bot.first_name, username: bot.username },
      ...content,
      ...(params.message_thread_id ? { message_thread_id: params.message_thread_id, is_topic_message: true } : {}),
      ...(params.reply_markup ? { reply_markup: params.reply_markup } : {}),
    };
    messages.set(`${params.chat_id}:${message.message_id}`, message);
    return message;
  };

  /** Refusals for the chat (and topic) a message is posted to. */
  const requireWritable = (params: Json): void => {
    const to = migrated.get(String(params.chat_id));
    if (to !== undefined) {
      throw new ApiError(400, "Bad Request: group chat was upgraded to a supergroup chat", undefined, {
        migrate_to_chat_id: to,
      });
    }
    if (params.message_thread_id !== undefined && closedTopics.has(`${params.chat_id}:${params.message_thread_id}`)) {
      throw badRequest("TOPIC_CLOSED");
    }
  };

  const methods: Record<string, (params: Json, req: IncomingMessage) => Json | Promise<Json>> = {
    getMe: () => ({
      ...bot,
      is_bot: true,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: true,
    }),
    async getUpdates(params, req) {
      if (hook) throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active");
      const offset = Number(params.offset ?? 0);
      if (offset > 0) queue = queue.filter((u) => u.update_id >= offset);
      const limit = Math.min(100, Number(params.limit ?? 100));
      // A newer poll (this one, or another process's) ends the one waiting with 409.
      waitingPoll?.terminate();
      if (queue.length === 0 && !closed) {
        const how = await waitForUpdates(Math.min(Number(params.timeout ?? 0), 30) * 1000, req);
        if (how === "conflict") throw new ApiError(409, CONFLICT);
        if (offset > 0) queue = queue.filter((u) => u.update_id >= offset);
      }
      return queue.slice(0, limit);
    },
    setWebhook(params) {
      if (typeof params.url !== "string") throw badRequest("url is required");
      if (params.secret_token !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(String(params.secret_token))) {
        throw badRequest("secret token contains unallowed characters");
      }
      hook = params.url ? { url: params.url, secret_token: params.secret_token } : undefined;
      if (params.drop_pending_updates) queue = [];
      return true;
    },
    deleteWebhook(params) {
      hook = undefined;
      if (params.drop_pending_updates) queue = [];
      return true;
    },
    getWebhookInfo: () => ({ url: hook?.url ?? "", has_custom_certificate: false, pending_update_count: queue.length }),
    sendMessage(params) {
      requireChat(params);
      requireWritable(params);
      const text = checkText(params.text, params.parse_mode, 4096, "message");
      checkMarkup(params.reply_markup);
      return storeMessage(params, { text });
    },
    editMessageText(params) {
      const text = checkText(params.text, params.parse_mode, 4096, "message");
      checkMarkup(params.reply_markup);
      if (params.inline_message_id) return true;
      const key = `${params.chat_id}:${params.message_id}`;
      const old = messages.get(key);
      if (!old) throw badRequest("message to edit not found");
      if (old.text === text && JSON.stringify(old.reply_markup) === JSON.stringify(params.reply_markup)) {
        throw badRequest(
          "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
        );
      }
      const edited = { ...old, text, edit_date: Math.floor(Date.now() / 1000), reply_markup: params.reply_markup };
      messages.set(key, edited);
      return edited;
    },
    sendPhoto(params) {
      requireChat(params);
      requireWritable(params);
      if (!params.photo) throw badRequest("there is no photo in the request");
      const caption =
        params.caption === undefined ? undefined : checkText(params.caption, params.parse_mode, 1024, "caption");
      checkMarkup(params.reply_markup);
      // An uploaded photo is checked as Telegram does: at most 10 MB, width + height at most 10,000, a ratio
      // of at most 20; the stored size is the picture's own.
      const upload: Upload | undefined = params.photo.upload;
      let size = { width: 640, height: 480 };
      if (upload) {
        if (upload.size > 10 * 1024 * 1024) throw new ApiError(413, "Request Entity Too Large");
        const dims = pngSize(upload.bytes);
        if (!dims) throw badRequest("IMAGE_PROCESS_FAILED");
        const ratio = Math.max(dims.width, dims.height) / Math.max(1, Math.min(dims.width, dims.height));
        if (dims.width + dims.height > 10_000 || ratio > 20) throw badRequest("PHOTO_INVALID_DIMENSIONS");
        size = dims;
      }
      return storeMessage(params, {
        photo: [{ file_id: `photo-${nextMessageId}`, file_unique_id: `u${nextMessageId}`, ...size }],
        ...(caption === undefined ? {} : { caption }),
      });
    },
    sendDocument(params) {
      requireChat(params);
      requireWritable(params);
      if (!params.document) throw badRequest("there is no document in the request");
      const caption =
        params.caption === undefined ? undefined : checkText(params.caption, params.parse_mode, 1024, "caption");
      checkMarkup(params.reply_markup);
      const upload: Upload | undefined = params.document.upload;
      // Bots may upload files of up to 50 MB.
      if (upload && upload.size > 50 * 1024 * 1024) throw new ApiError(413, "Request Entity Too Large");
      return storeMessage(params, {
        document: {
          file_id: `doc-${nextMessageId}`,
          file_unique_id: `u${nextMessageId}`,
          ...(upload ? { file_name: upload.filename, file_size: upload.size } : {}),
        },
        ...(caption === undefined ? {} : { caption }),
      });
    },
    sendChatAction: (params) => {
      requireChat(params);
      return true;
    },
    answerCallbackQuery(params) {
      if (!params.callback_query_id) throw badRequest("query id is required");
      const id = String(params.callback_query_id);
      if (answeredQueries.has(id)) {
        throw badRequest("query is too old and response timeout expired or query ID is invalid");
      }
      if (params.text !== undefined) {
        checkUtf8(String(params.text));
        if ([...String(params.text)].length > 200) throw badRequest("MESSAGE_TOO_LONG");
      }
      answeredQueries.add(id);
      return true;
    },
    answerInlineQuery(params) {
      if (!params.inline_query_id) throw badRequest("query id is required");
      const results: Json[] = params.results ?? [];
      if (results.length > 50) throw badRequest("RESULTS_TOO_MUCH");
      const ids = new Set<string>();
      for (const r of results) {
        const id = String(r.id ?? "");
        if (!id || Buffer.byteLength(id) > 64) throw badRequest("RESULT_ID_INVALID");
        if (ids.has(id)) throw badRequest("RESULT_ID_DUPLICATE");
        ids.add(id);
        const content = r.input_message_content;
        if (r.type === "article") {
          if (!r.title) throw badRequest("RESULT_TITLE_EMPTY");
          checkUtf8(String(r.title));
          if (r.description !== undefined) checkUtf8(String(r.description));
          if (!content?.message_text) throw badRequest("MESSAGE_EMPTY");
        }
        if (content?.message_text !== undefined) checkText(content.message_text, content.parse_mode, 4096, "message");
        checkMarkup(r.reply_markup);
      }
      return true;
    },
    setMyCommands(params) {
      const commands: Json[] = params.commands ?? [];
      if (commands.length > 100) throw badRequest("too many commands");
      for (const c of commands) {
        if (!/^[a-z0-9_]{1,32}$/.test(String(c.command ?? ""))) throw badRequest("BOT_COMMAND_INVALID");
        const d = String(c.description ?? "");
        if (d.length < 1 || d.length > 256) throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
      }
      return true;
    },
    deleteMyCommands: () => true,
    setChatMenuButton: () => true,
    getFile(params) {
      const file = files.get(String(params.file_id ?? ""));
      if (!file) throw badRequest("invalid file_id");
      if (file.size > 20 * 1024 * 1024) throw badRequest("file is too big");
      return {
        file_id: params.file_id,
        file_unique_id: `fu-${params.file_id}`,
        file_size: file.size,
        file_path: file.path,
      };
    },
    getChatMember(params) {
      requireChat(params);
      const status = members.get(`${params.chat_id}:${params.user_id}`) ?? "member";
      return { status, user: { id: Number(params.user_id), is_bot: false, first_name: "Tester" } };
    },
  };

  const server = createServer((req, res) => {
    void answer(req, res);
  });
  // Unreachable: the connection is dropped before any answer, as a down host or a firewall would.
  server.on("connection", (socket) => {
    if (!reachable) socket.destroy();
  });

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec((req.url ?? "").split("?")[0] ?? "");
    if (download) {
      serveFile(download[1] ?? "", decodeURIComponent(download[2] ?? ""), res);
      return;
    }
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec((req.url ?? "").split("?")[0] ?? "");
    let params: Json = {};
    const call: RecordedCall = { method: m?.[2] ?? req.url ?? "", params, at: Date.now(), status: 200 };
    try {
      params = await readParams(req);
      call.params = params;
      if (!m) throw new ApiError(404, "Not Found");
      if (m[1] !== token || revoked) throw new ApiError(401, "Unauthorized");
      const handler = methods[call.method];
      if (!handler) throw new ApiError(404, "Not Found: method not found");
      arrivals.push(call);
      events.emit("arrival", call);
      const delayMs = delays.get(call.method) ?? 0;
      if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
      const pending = failures.get(call.method) ?? [];
      const at = pending.findIndex((f) => f.chat_id === undefined || String(f.chat_id) === String(params.chat_id));
      const failure = at < 0 ? undefined : pending.splice(at, 1)[0];
      if (failure) {
        throw new ApiError(
          failure.status,
          failure.description ?? defaultDescription(failure.status),
          failure.retry_after,
        );
      }
      const fault = faulty(call.method) ? roll() : 1;
      const tooMany = faults?.tooManyRequests ?? 0;
      const dropBefore = faults?.dropBeforeAccept ?? 0;
      const dropAfter = faults?.dropAfterAccept ?? 0;
      if (fault < tooMany) throw new ApiError(429, defaultDescription(429), faults?.retryAfter ?? 1);
      if (fault < tooMany + dropBefore) {
        call.status = DROPPED;
        call.description = "connection dropped before the call was handled";
        attempts.push(call);
        req.socket.destroy();
        return;
      }
      call.result = await handler(params, req);
      if (fault < tooMany + dropBefore + dropAfter) {
        // Handled and recorded like any accepted call, but the client never gets the answer.
        call.description = "connection dropped after the call was handled";
        attempts.push(call);
        sent.push(call);
        events.emit("call", call);
        req.socket.destroy();
        return;
      }
      attempts.push(call);
      // Polls are noise for tests; everything else is recorded as sent.
      if (call.method !== "getUpdates") {
        sent.push(call);
        events.emit("call", call);
      }
      send(res, 200, { ok: true, result: call.result });
    } catch (error) {
      const e = error instanceof ApiError ? error : new ApiError(500, `Internal Server Error: ${String(error)}`);
      call.status = e.status;
      call.description = e.message;
      attempts.push(call);
      send(res, e.status, {
        ok: false,
        error_code: e.status,
        description: e.message,
        ...(e.retryAfter === undefined && e.parameters === undefined
          ? {}
          : { parameters: { ...e.parameters, ...(e.retryAfter === undefined ? {} : { retry_after: e.retryAfter }) } }),
      });
    }
  }

  /** GET /file/bot<token>/<file_path>: the bytes, or 404 (401 for a wrong token), as the Bot API answers. */
  function serveFile(fileToken: string, path: string, res: ServerResponse): void {
    const call: RecordedCall = { method: "downloadFile", params: { file_path: path }, at: Date.now(), status: 200 };
    attempts.push(call);
    if (fileToken !== token || revoked) {
      call.status = 401;
      send(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
      return;
    }
    const file = [...files.values()].find((f) => f.path === path);
    if (!file) {
      call.status = 404;
      send(res, 404, { ok: false, error_code: 404, description: "Not Found" });
      return;
    }
    sent.push(call);
    events.emit("call", call);
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": file.bytes.byteLength });
    res.end(Buffer.from(file.bytes));
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    bot,
    sent,
    attempts,
    async pushUpdate(update) {
      const full = { ...update, update_id: update.update_id ?? nextUpdateId++ };
      nextUpdateId = Math.max(nextUpdateId, full.update_id + 1);
      if (!hook) {
        queue.push(full);
        events.emit("update");
        return { update_id: full.update_id };
      }
      const target = new URL(hook.url);
      if (!["127.0.0.1", "localhost", "[::1]"].includes(target.hostname)) {
        throw new Error(`refusing to POST an update to a non-local webhook ${hook.url}`);
      }
      const res = await fetch(hook.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(hook.secret_token ? { "x-telegram-bot-api-secret-token": hook.secret_token } : {}),
        },
        body: JSON.stringify(full),
      });
      await res.arrayBuffer();
      return { update_id: full.update_id, status: res.status };
    },
    failNext(method, failure, times = 1) {
      const list = failures.get(method) ?? [];
      for (let i = 0; i < times; i++) list.push(failure);
      failures.set(method, list);
    },
    setChatMember(chatId, userId, status) {
      members.set(`${chatId}:${userId}`, status);
    },
    calls: (method) => sent.filter((c) => c.method === method),
    waitFor(method, { count = 1, where = () => true, timeoutMs = 10_000 } = {}) {
      const matching = () => sent.filter((c) => c.method === method && where(c));
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = matching();
          if (found.length < count) return;
          finish();
          resolve(found.slice(0, count));
        };
        const finish = () => {
          clearTimeout(timer);
          events.off("call", check);
        };
        const timer = setTimeout(() => {
          finish();
          const seen = sent.map((c) => c.method).join(", ") || "nothing";
          reject(new Error(`timed out waiting for ${count} × ${method} (got ${matching().length}; calls: ${seen})`));
        }, timeoutMs);
        events.on("call", check);
        check();
      });
    },
    delay(method, ms) {
      if (ms > 0) delays.set(method, ms);
      else delays.delete(method);
    },
    waitForArrival(method, { where = () => true, timeoutMs = 10_000 } = {}) {
      const find = () => arrivals.find((c) => c.method === method && where(c));
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = find();
          if (!found) return;
          finish();
          resolve(found);
        };
        const finish = () => {
          clearTimeout(timer);
          events.off("arrival", check);
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`timed out waiting for a ${method} call to arrive`));
        }, timeoutMs);
        events.on("arrival", check);
        check();
      });
    },
    pending: () => queue.length,
    revokeToken() {
      revoked = true;
    },
    setReachable(value) {
      reachable = value;
      if (!value) server.closeAllConnections();
    },
    migrateChat(from, to) {
      migrated.set(String(from), to);
    },
    addFile(name, bytes, fileOptions = {}) {
      const n = nextFileId++;
      const id = `BQACAgIAAxkBAAI${n}`;
      const size = fileOptions.declaredSize ?? bytes.byteLength;
      files.set(id, { bytes, size, path: `documents/file_${n}${/\.[A-Za-z0-9]+$/.exec(name)?.[0] ?? ""}` });
      return {
        file_id: id,
        file_unique_id: `fu-${n}`,
        file_name: name,
        ...(fileOptions.mimeType ? { mime_type: fileOptions.mimeType } : {}),
        file_size: size,
      };
    },
    closeTopic(chatId, threadId, isClosed = true) {
      if (isClosed) closedTopics.add(`${chatId}:${threadId}`);
      else closedTopics.delete(`${chatId}:${threadId}`);
    },
    webhook: () => hook,
    clear() {
      sent.length = 0;
      attempts.length = 0;
      arrivals.length = 0;
    },
    async close() {
      closed = true;
      events.emit("close");
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function defaultDescription(status: number): string {
  if (status === 429) return "Too Many Requests: retry later";
  if (status === 403) return "Forbidden: bot was blocked by the user";
  if (status >= 500) return "Internal Server Error";
  return "Bad Request";
}

function send(res: ServerResponse, status: number, body: Json): void {
  if (res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

function requireChat(params: Json): void {
  if (params.chat_id === undefined || params.chat_id === "") throw badRequest("chat_id is empty");
}

// --- Request bodies: JSON, urlencoded, or grammY's multipart/form-data (file uploads).

async function readParams(req: IncomingMessage): Promise<Json> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const type = req.headers["content-type"] ?? "";
  if (body.length === 0) return {};
  if (type.startsWith("application/json")) return JSON.parse(body.toString("utf8"));
  if (type.startsWith("application/x-www-form-urlencoded")) {
    return Object.fromEntries(new URLSearchParams(body.toString("utf8")));
  }
  const boundary = /boundary=(.+)$/.exec(type)?.[1];
  if (type.startsWith("multipart/form-data") && boundary) return parseMultipart(body, boundary);
  throw badRequest(`unsupported content type ${type}`);
}

/** A file sent in a multipart request: its name as the client wrote it (UTF-8), size and bytes. */
export interface Upload {
  filename: string;
  size: number;
  bytes: Buffer;
}

/** Width and height of a PNG, from its IHDR chunk; undefined for anything that is not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  const png = bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47 && bytes.toString("latin1", 12, 16) === "IHDR";
  return png ? { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) } : undefined;
}

/** Fields become values (JSON-decoded when they look like JSON); files become {upload: Upload}. */
function parseMultipart(body: Buffer, boundary: string): Json {
  const out: Json = {};
  const files: Record<string, Upload> = {};
  const text = body.toString("latin1");
  for (const part of text.split(`--${boundary}`)) {
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd < 0) continue;
    const headers = part.slice(0, headerEnd);
    let value = part.slice(headerEnd + 4);
    if (value.endsWith("\r\n")) value = value.slice(0, -2);
    const name = /name="([^"]+)"/i.exec(headers)?.[1];
    if (!name) continue;
    const filename = /filename="?([^";\r\n]+)"?/i.exec(headers)?.[1];
    if (filename) {
      const bytes = Buffer.from(value, "latin1");
      files[name] = { filename: Buffer.from(filename, "latin1").toString("utf8"), size: bytes.length, bytes };
      continue;
    }
    const decoded = Buffer.from(value, "latin1").toString("utf8");
    try {
      out[name] = /^[[{"]|^-?\d+$|^(true|false)$/.test(decoded) ? JSON.parse(decoded) : decoded;
    } catch {
      out[name] = decoded;
    }
  }
  // A file sent in the field itself ("photo"), as Telegram accepts besides attach:// references.
  for (const [name, file] of Object.entries(files)) if (out[name] === undefined) out[name] = { upload: file };
  // Replace attach://<id> references by the uploaded file's description.
  for (const [key, value] of Object.entries(out)) {
    const ref = typeof value === "string" ? /^attach:\/\/(.+)$/.exec(value)?.[1] : undefined;
    if (ref && files[ref]) out[key] = { upload: files[ref] };
  }
  return out;
}

// --- What Telegram validates.

const ALLOWED_TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "span",
  "tg-spoiler",
  "a",
  "tg-emoji",
  "code",
  "pre",
  "blockquote",
]);

/**
 * Returns the text as Telegram would show it (tags removed, entities decoded) after checking the markup
 * and the length limit, or throws the 400 Telegram answers.
 */
export function checkText(raw: unknown, parseMode: unknown, limit: number, what: "message" | "caption"): string {
  if (typeof raw !== "string") throw badRequest(`${what} text is empty`);
  checkUtf8(raw);
  const shown = parseMode === "HTML" ? parseTelegramHtml(raw) : raw;
  if (shown.trim().length === 0) throw badRequest(`${what} text is empty`);
  if (shown.length > limit)
    throw badRequest(what === "message" ? "message is too long" : "message caption is too long");
  return shown;
}

/** Telegram's HTML parse mode: known tags only, properly nested; every other <, > and & must be escaped. */
export function parseTelegramHtml(html: string): string {
  const stack: string[] = [];
  let out = "";
  let i = 0;
  while (i < html.length) {
    const ch = html[i];
    if (ch === "<") {
      const end = html.indexOf(">", i);
      if (end < 0) throw badRequest(`can't parse entities: unclosed start tag at byte offset ${i}`);
      const inner = html.slice(i + 1, end);
      const close = /^\/([a-z-]+)\s*$/i.exec(inner);
      const open = /^([a-z-]+)(\s+[^<>]*)?$/i.exec(inner);
      if (close) {
        const name = (close[1] ?? "").toLowerCase();
        if (stack.pop() !== name) throw badRequest(`can't parse entities: unmatched end tag at byte offset ${i}`);
      } else if (open) {
        const name = (open[1] ?? "").toLowerCase();
        if (!ALLOWED_TAGS.has(name)) {
          throw badRequest(`can't parse entities: unsupported start tag "${name}" at byte offset ${i}`);
        }
        if (name === "a" && !/href="[^"]*"/.test(open[2] ?? "")) {
          throw badRequest(`can't parse entities: a tag without href at byte offset ${i}`);
        }
        stack.push(name);
      } else {
        throw badRequest(`can't parse entities: unsupported start tag at byte offset ${i}`);
      }
      i = end + 1;
    } else if (ch === ">") {
      throw badRequest(`can't parse entities: character '>' is reserved at byte offset ${i}`);
    } else if (ch === "&") {
      const m = /^&(lt|gt|amp|quot|#\d{1,7}|#x[0-9a-f]{1,6});/i.exec(html.slice(i, i + 12));
      if (!m) throw badRequest(`can't parse entities: character '&' is reserved at byte offset ${i}`);
      out += decodeEntity(m[1] ?? "");
      i += m[0].length;
    } else {
      out += ch;
      i++;
    }
  }
  if (stack.length > 0)
    throw badRequest(`can't parse entities: can't find end tag corresponding to start tag "${stack.at(-1)}"`);
  return out;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Half of a surrogate pair alone cannot be encoded in UTF-8; Telegram refuses the whole request. */
export function checkUtf8(text: string): void {
  if (LONE_SURROGATE.test(text)) throw badRequest("strings must be encoded in UTF-8");
}

function decodeEntity(name: string): string {
  const lower = name.toLowerCase();
  if (lower === "lt") return "<";
  if (lower === "gt") return ">";
  if (lower === "amp") return "&";
  if (lower === "quot") return '"';
  return String.fromCodePoint(lower.startsWith("#x") ? Number.parseInt(lower.slice(2), 16) : Number(lower.slice(1)));
}

function checkMarkup(markup: Json): void {
  const rows: Json[][] | undefined = markup?.inline_keyboard;
  if (!rows) return;
  for (const row of rows) {
    for (const button of row) {
      if (!button.text) throw badRequest("BUTTON_TEXT_INVALID");
      if (button.callback_data !== undefined) {
        const bytes = Buffer.byteLength(String(button.callback_data));
        if (bytes < 1 || bytes > 64) throw badRequest("BUTTON_DATA_INVALID");
      }
    }
  }
}

// --- Update builders, so tests write what matters and the rest looks like Telegram's.

export interface FromOptions {
  id?: number;
  language_code?: string;
  username?: string;
  first_name?: string;
}

function user(from: FromOptions = {}): Json {
  return {
    id: from.id ?? 1001,
    is_bot: false,
    first_name: from.first_name ?? "Lan",
    ...(from.username ? { username: from.username } : {}),
    ...(from.language_code ? { language_code: from.language_code } : {}),
  };
}

/** A text message; a leading "/command" (with optional @bot) gets its bot_command entity like Telegram adds. */
export function messageUpdate(
  text: string,
  options: {
    chatId?: number;
    chatType?: "private" | "group" | "supergroup";
    from?: FromOptions;
    /** A message in this forum topic (the chat is a forum). */
    threadId?: number;
  } = {},
): Json {
  const from = user(options.from);
  const chatId = options.chatId ?? from.id;
  const chatType = options.chatType ?? (chatId > 0 ? "private" : "supergroup");
  const chat =
    chatType === "private"
      ? { id: chatId, type: "private", first_name: from.first_name }
      : { id: chatId, type: chatType, title: "Test group", ...(options.threadId ? { is_forum: true } : {}) };
  const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  return {
    message: {
      message_id: Math.floor(Math.random() * 1_000_000) + 1,
      date: Math.floor(Date.now() / 1000),
      chat,
      from,
      text,
      ...(options.threadId ? { message_thread_id: options.threadId, is_topic_message: true } : {}),
      ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
    },
  };
}

/** A message carrying a document (from server.addFile), with an optional caption (a command gets its entity). */
export function documentUpdate(
  document: Json,
  options: { caption?: string; chatId?: number; from?: FromOptions } = {},
): Json {
  const update = messageUpdate(options.caption ?? "", options);
  const { text: _text, entities, ...message } = update.message;
  return {
    message: {
      ...message,
      document,
      ...(options.caption ? { caption: options.caption } : {}),
      ...(entities ? { caption_entities: entities } : {}),
    },
  };
}

/** A press on an inline button of a message the bot sent (`message` is the recorded sendMessage result). */
export function callbackUpdate(data: string, message: Json, from: FromOptions = {}): Json {
  return {
    callback_query: {
      id: String(Math.floor(Math.random() * 1e12)),
      from: user(from),
      chat_instance: "ci-1",
      message,
      data,
    },
  };
}

export function inlineQueryUpdate(query: string, from: FromOptions = {}): Json {
  return {
    inline_query: { id: String(Math.floor(Math.random() * 1e12)), from: user(from), query, offset: "" },
  };
}
