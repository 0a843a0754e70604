// A local Discord for tests: the REST API (under /api/v10) and the gateway WebSocket on one 127.0.0.1
// port, so the REAL discord.js Client can log in, receive INTERACTION_CREATE and answer.
//
// Gateway: HELLO (op 10) → IDENTIFY (op 2, token checked) → READY + GUILD_CREATE dispatches;
// heartbeats (op 1) are acknowledged (op 11); tests dispatch interactions with the builders below.
// REST: /gateway/bot, bulk command registration, interaction callbacks, webhook edits and follow-ups,
// channel messages. Like Discord, it refuses what a bot could get wrong: commands that break the naming
// and size rules, messages over the embed / component limits, a second acknowledgement, and any first
// response later than 3 seconds after the interaction was dispatched (10062 Unknown interaction).
// As on Discord, the first follow-up after a deferred response replaces the "thinking…" message and keeps the
// deferral's visibility, whatever flags it carries (a public deferral stays public); the bot's permissions in
// the channel arrive as `app_permissions`; contexts / integration_types of commands are checked.
// Files a user attaches to a slash command (`userFile`, then an option of type 11) arrive as Discord sends them,
// the option's value the attachment id and the file in `data.resolved.attachments`, and the file is served at its
// signed CDN-like address on this port (an unsigned or unknown address answers 404, as the CDN does).
import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

/** Loose JSON: the server stores what the bot sent and tests read fields freely. */
// biome-ignore lint/suspicious/noExplicitAny: Discord payloads are arbitrary JSON; tests read fields freely.
export type Json = any;

export interface RecordedRequest {
  method: string;
  /** Path after /api/v10, e.g. "/interactions/123/tok/callback". */
  path: string;
  query: URLSearchParams;
  body: Json;
  status: number;
  /** Discord's JSON error code when refused. */
  error?: { code: number; message: string; problems?: string[] };
  /** Date.now() on arrival. */
  at: number;
  /** Files uploaded with the request (multipart `files[n]`), in order. */
  files?: UploadedFile[];
}

/** A file sent as `files[n]` in a multipart request. */
export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/** Discord's upload limit for a bot without boosts: 10 MiB a file (413 beyond), at most 10 files a message. */
const FILE_MAX = 10 * 1024 * 1024;
const FILES_MAX = 10;

/**
 * What Discord checks in `payload_json.attachments` against the uploaded files: every `files[n]` is described
 * by an attachment with id n, descriptions within 1,024 characters, at most 10 files.
 */
function attachmentProblems(body: Json, files: UploadedFile[]): string[] {
  const out: string[] = [];
  if (files.length > FILES_MAX) out.push("more than 10 files");
  const described: Json[] = body?.attachments ?? [];
  for (const f of files) {
    const n = /^files\[(\d+)\]$/.exec(f.field)?.[1];
    if (n === undefined) out.push(`unknown file field ${f.field}`);
    else if (!described.some((a) => String(a.id) === n)) out.push(`files[${n}] has no attachment`);
  }
  for (const a of described) {
    if (typeof a.description === "string" && a.description.length > 1024) out.push("attachment description > 1024");
  }
  return out;
}

/** The message's attachments as Discord returns them: a snowflake id, the file's name, size and type. */
function attachmentObjects(body: Json, files: UploadedFile[]): Json[] {
  const described: Json[] = body?.attachments ?? [];
  return files.map((f) => {
    const n = /^files\[(\d+)\]$/.exec(f.field)?.[1];
    const meta = described.find((a) => String(a.id) === n) ?? {};
    // Discord stores names with spaces as underscores; attachment://<name> in an embed refers to that name.
    const filename = String(meta.filename ?? f.filename).replace(/ /g, "_");
    return {
      id: String(BigInt(Date.now()) << 22n),
      filename,
      size: f.bytes.length,
      content_type: f.contentType,
      url: `https://cdn.discordapp.test/attachments/${filename}`,
      ...(meta.description ? { description: meta.description } : {}),
    };
  });
}

/** Splits a multipart body into payload_json (parsed) and its files. */
function parseMultipart(raw: Buffer, boundary: string): { body: Json; files: UploadedFile[] } {
  const text = raw.toString("latin1");
  let body: Json;
  const files: UploadedFile[] = [];
  for (const part of text.split(`--${boundary}`)) {
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd < 0) continue;
    const headers = part.slice(0, headerEnd);
    let value = part.slice(headerEnd + 4);
    if (value.endsWith("\r\n")) value = value.slice(0, -2);
    const field = /name="([^"]+)"/i.exec(headers)?.[1];
    const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
    if (field === "payload_json") body = JSON.parse(Buffer.from(value, "latin1").toString("utf8"));
    else if (field && filename !== undefined) {
      files.push({
        field,
        filename: Buffer.from(filename, "latin1").toString("utf8"),
        contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? "application/octet-stream",
        bytes: Buffer.from(value, "latin1"),
      });
    }
  }
  return { body, files };
}

export interface InteractionHandle {
  id: string;
  token: string;
  /** Date.now() when INTERACTION_CREATE was sent. */
  sentAt: number;
}

export interface Who {
  userId?: string;
  username?: string;
  locale?: string;
  /** Member permission bits (decimal string); default: view, send, read history. */
  permissions?: bigint;
  /** false: a direct message instead of the test guild. */
  inGuild?: boolean;
  channelId?: string;
  /** The bot's own permissions in the channel (`app_permissions`); default: all. */
  appPermissions?: bigint;
  /** Channel type: 0 text (default), 11 public thread, 12 private thread. */
  channelType?: number;
}

export interface OptionInput {
  name: string;
  /** 3 string, 4 integer, 11 attachment (the value is an id from userFile). */
  type: 3 | 4 | 11;
  value: string | number;
  focused?: boolean;
}

/** View channel, send messages, read history. */
export const MEMBER_PERMISSIONS = (1n << 10n) | (1n << 11n) | (1n << 16n);
export const MANAGE_CHANNELS = 1n << 4n;

/** Discord's messages for the channel errors tests inject with failChannel (code 0: a plain 403). */
const CHANNEL_ERRORS: Record<number, string> = {
  0: "403: Forbidden",
  10003: "Unknown Channel",
  50001: "Missing Access",
  50013: "Missing Permissions",
};
const COMMAND_NAME = /^[-_\p{L}\p{N}]{1,32}$/u;
const LOCALES = new Set(["vi", "en-US", "en-GB", "fr", "de", "ja", "ko", "zh-CN", "zh-TW", "th", "ru"]);
/** How long Discord waits for the first response to an interaction. */
export const ACK_WINDOW_MS = 3000;

let nextSnowflake = 1_200_000_000_000_000_000n;
function snowflake(): string {
  nextSnowflake += 1n;
  return nextSnowflake.toString();
}

function embedProblems(embeds: Json[] | undefined): string[] {
  const out: string[] = [];
  if (!embeds) return out;
  if (embeds.length > 10) out.push(`${embeds.length} embeds > 10`);
  let total = 0;
  for (const [i, e] of embeds.entries()) {
    const len = (s: unknown): number => (typeof s === "string" ? s.length : 0);
    if (len(e.title) > 256) out.push(`embed ${i} title ${len(e.title)} > 256`);
    if (len(e.description) > 4096) out.push(`embed ${i} description ${len(e.description)} > 4096`);
    if (len(e.footer?.text) > 2048) out.push(`embed ${i} footer > 2048`);
    if ((e.fields?.length ?? 0) > 25) out.push(`embed ${i} has ${e.fields.length} fields > 25`);
    for (const f of e.fields ?? []) {
      if (len(f.name) === 0 || len(f.name) > 256) out.push(`embed ${i} field name length ${len(f.name)}`);
      if (len(f.value) === 0 || len(f.value) > 1024) out.push(`embed ${i} field value length ${len(f.value)}`);
      total += len(f.name) + len(f.value);
    }
    total += len(e.title) + len(e.description) + len(e.footer?.text) + len(e.author?.name);
    const empty = !e.title && !e.description && !(e.fields?.length > 0) && !e.footer?.text;
    if (empty) out.push(`embed ${i} is empty`);
  }
  if (total > 6000) out.push(`embeds total ${total} > 6000`);
  return out;
}

function componentProblems(rows: Json[] | undefined): string[] {
  const out: string[] = [];
  if (!rows) return out;
  if (rows.length > 5) out.push(`${rows.length} action rows > 5`);
  const ids = new Set<string>();
  for (const row of rows) {
    if (row.type !== 1) out.push("top-level component is not an action row");
    if ((row.components?.length ?? 0) > 5) out.push("more than 5 buttons in a row");
    for (const c of row.components ?? []) {
      if (c.type === 2 && c.style !== 5) {
        if (typeof c.custom_id !== "string" || c.custom_id.length === 0 || c.custom_id.length > 100) {
          out.push(`custom_id "${c.custom_id}" must be 1-100 characters`);
        } else if (ids.has(c.custom_id)) {
          out.push(`duplicate custom_id ${c.custom_id}`);
        }
        ids.add(c.custom_id);
      }
      if (typeof c.label === "string" && c.label.length > 80) out.push("button label > 80");
    }
  }
  return out;
}

function messageProblems(body: Json): string[] {
  const out = [...embedProblems(body?.embeds), ...componentProblems(body?.components)];
  if (typeof body?.content === "string" && body.content.length > 2000) out.push("content > 2000");
  return out;
}

function localizationProblems(map: Json, max: number, what: string): string[] {
  const out: string[] = [];
  for (const [locale, text] of Object.entries(map ?? {})) {
    if (!LOCALES.has(locale)) out.push(`${what}: unknown locale ${locale}`);
    if (typeof text === "string" && (text.length < 1 || text.length > max)) out.push(`${what}: ${locale} too long`);
  }
  return out;
}

function commandProblems(commands: Json): string[] {
  const out: string[] = [];
  if (!Array.isArray(commands)) return ["body is not an array"];
  if (commands.length > 100) out.push("more than 100 commands");
  const names = new Set<string>();
  for (const c of commands) {
    const name = String(c.name);
    if (!COMMAND_NAME.test(name) || name !== name.toLowerCase()) out.push(`bad command name ${name}`);
    if (names.has(name)) out.push(`duplicate command ${name}`);
    names.add(name);
    if (typeof c.description !== "string" || c.description.length < 1 || c.description.length > 100) {
      out.push(`/${name}: description must be 1-100 characters`);
    }
    out.push(...localizationProblems(c.name_localizations, 32, `/${name} name`));
    out.push(...localizationProblems(c.description_localizations, 100, `/${name} description`));
    const options: Json[] = c.options ?? [];
    if (options.length > 25) out.push(`/${name}: more than 25 options`);
    let optionalSeen = false;
    for (const o of options) {
      if (!COMMAND_NAME.test(o.name) || o.name !== o.name.toLowerCase()) out.push(`/${name}: bad option ${o.name}`);
      if (typeof o.description !== "string" || o.description.length < 1 || o.description.length > 100) {
        out.push(`/${name} ${o.name}: description must be 1-100 characters`);
      }
      if (o.required && optionalSeen) out.push(`/${name}: required option ${o.name} after an optional one`);
      if (!o.required) optionalSeen = true;
      if (o.choices && o.autocomplete) out.push(`/${name} ${o.name}: choices and autocomplete together`);
      if ((o.choices?.length ?? 0) > 25) out.push(`/${name} ${o.name}: more than 25 choices`);
      out.push(...localizationProblems(o.name_localizations, 32, `/${name} ${o.name} name`));
      out.push(...localizationProblems(o.description_localizations, 100, `/${name} ${o.name} description`));
    }
    for (const [field, allowed] of [
      ["contexts", [0, 1, 2]],
      ["integration_types", [0, 1]],
    ] as const) {
      const value = c[field];
      if (value === undefined || value === null) continue;
      if (!Array.isArray(value) || value.length === 0 || value.some((v: unknown) => !allowed.includes(v as never))) {
        out.push(`/${name}: ${field} must be a non-empty list of ${allowed.join(", ")}`);
      }
    }
    if (c.default_member_permissions !== undefined && c.default_member_permissions !== null) {
      if (!/^\d+$/.test(String(c.default_member_permissions))) out.push(`/${name}: bad default_member_permissions`);
    }
  }
  return out;
}

interface InteractionState {
  handle: InteractionHandle;
  user: Json;
  channelId: string;
  /** Callback type of the first response, once acknowledged. */
  ackType?: number;
  originalId?: string;
  /** For component interactions: the message the component belongs to. */
  messageId?: string;
  /** A deferred response (type 5) still showing "thinking…": the next follow-up replaces it. */
  thinking?: boolean;
}

export interface DiscordServer {
  /** Pass as DISCORD_API_ROOT (discord.js `rest.api`); discord.js adds "/v10". */
  apiRoot: string;
  gatewayUrl: string;
  token: string;
  applicationId: string;
  botUserId: string;
  guildId: string;
  channelId: string;
  requests: RecordedRequest[];
  /** Registered commands by scope: "global" or a guild id. */
  commands: Map<string, Json[]>;
  /** Messages by id, as the bot last left them (created, edited, updated by a component). */
  messages: Map<string, Json>;
  /** IDENTIFY payloads received; query strings the gateway was opened with. */
  identifies: Json[];
  gatewayQueries: URLSearchParams[];
  heartbeats: number;
  /** Successful RESUMEs after a dropped connection. */
  resumes: number;
  /** Cuts every gateway connection abruptly (as a network failure would); the client should resume. */
  dropGateway(): void;
  /** Resolves when a client has identified and received READY and GUILD_CREATE. */
  ready(timeoutMs?: number): Promise<void>;
  chatInput(name: string, options?: OptionInput[], who?: Who): InteractionHandle;
  /** A file a user attaches to a command: returns its attachment id, the value of an option of type 11. */
  userFile(filename: string, bytes: Uint8Array, contentType?: string): string;
  /** GETs of attachment addresses, with the status answered. */
  downloads: { path: string; status: number }[];
  autocomplete(name: string, options: OptionInput[], who?: Who): InteractionHandle;
  button(customId: string, messageId: string, who?: Who): InteractionHandle;
  /** First request matching `where` (already recorded or yet to come). */
  waitFor(where: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /** All requests concerning an interaction (its callback and its webhook token). */
  requestsFor(handle: InteractionHandle): RecordedRequest[];
  /** The next POST to this channel's messages fails with this HTTP status and Discord code. */
  failChannel(channelId: string, status: number, code: number): void;
  close(): Promise<void>;
}

export async function startDiscordServer(
  options: { heartbeatIntervalMs?: number; token?: string } = {},
): Promise<DiscordServer> {
  // Shaped like a real bot token (id.timestamp.hmac), so configuration validation accepts it.
  const token =
    options.token ??
    `${randomBytes(18).toString("base64url")}.${randomBytes(4).toString("base64url")}.${randomBytes(27).toString("base64url")}`;
  const applicationId = snowflake();
  const botUserId = applicationId;
  const guildId = snowflake();
  const channelId = snowflake();
  const events = new EventEmitter();
  const requests: RecordedRequest[] = [];
  const commands = new Map<string, Json[]>();
  const messages = new Map<string, Json>();
  const interactions = new Map<string, InteractionState>();
  const byToken = new Map<string, InteractionState>();
  const channelFailures = new Map<string, { status: number; code: number }>();
  const identifies: Json[] = [];
  const gatewayQueries: URLSearchParams[] = [];
  const sockets = new Set<WebSocket>();
  let heartbeats = 0;
  let resumes = 0;
  const sessions = new Set<string>();
  let sequence = 0;
  let readySeen = false;

  const botUser = {
    id: botUserId,
    username: "HuuNghiTest",
    discriminator: "0000",
    global_name: null,
    avatar: null,
    bot: true,
  };

  function messageObject(channel: string, body: Json, extra: Json = {}): Json {
    return {
      id: snowflake(),
      channel_id: channel,
      type: 0,
      content: body?.content ?? "",
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      author: botUser,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: body?.attachments ?? [],
      pinned: false,
      flags: body?.flags ?? 0,
      application_id: applicationId,
      webhook_id: applicationId,
      ...extra,
    };
  }

  function edit(id: string, body: Json): Json {
    const old = messages.get(id) ?? messageObject("0", {});
    const next = { ...old, edited_timestamp: new Date().toISOString() };
    for (const key of ["content", "embeds", "components", "flags", "attachments"])
      if (body?.[key] !== undefined) next[key] = body[key];
    messages.set(id, next);
    return next;
  }

  // ---- Gateway -------------------------------------------------------------------------------------
  function send(ws: WebSocket, payload: Json): void {
    ws.send(JSON.stringify(payload));
  }
  function dispatch(t: string, d: Json): void {
    sequence += 1;
    for (const ws of sockets) send(ws, { op: 0, t, s: sequence, d });
  }

  function guildCreate(): Json {
    return {
      id: guildId,
      name: "Hữu Nghị test",
      icon: null,
      owner_id: snowflake(),
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [
        {
          id: guildId,
          name: "@everyone",
          color: 0,
          hoist: false,
          position: 0,
          permissions: MEMBER_PERMISSIONS.toString(),
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      system_channel_flags: 0,
      preferred_locale: "vi",
      premium_tier: 0,
      nsfw_level: 0,
      joined_at: new Date().toISOString(),
      large: false,
      unavailable: false,
      member_count: 2,
      voice_states: [],
      members: [],
      channels: [
        { id: channelId, type: 0, name: "hop-tac", position: 0, permission_overwrites: [], guild_id: guildId },
      ],
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  // ---- HTTP ----------------------------------------------------------------------------------------
  /** Files users attached, by attachment id, with the signature of their address. */
  const userFiles = new Map<string, { filename: string; bytes: Uint8Array; contentType?: string; hm: string }>();
  const downloads: { path: string; status: number }[] = [];

  function attachmentUrl(id: string): string {
    const file = userFiles.get(id);
    if (!file) throw new Error(`no user file ${id}`);
    const ex = Math.floor(Date.now() / 1000 + 86_400).toString(16);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/attachments/${channelId}/${id}/${encodeURIComponent(file.filename)}?ex=${ex}&is=${ex}&hm=${file.hm}&`;
  }

  /** The CDN: the bytes for a signed address of a known file, 404 otherwise. */
  function serveAttachment(url: URL, res: ServerResponse): void {
    const m = /^\/attachments\/\d+\/(\d+)\/[^/]+$/.exec(url.pathname);
    const file = m ? userFiles.get(m[1] ?? "") : undefined;
    const ok = file !== undefined && url.searchParams.get("hm") === file.hm;
    downloads.push({ path: url.pathname, status: ok ? 200 : 404 });
    if (!ok) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("This content is no longer available.");
      return;
    }
    res.writeHead(200, {
      "content-type": file.contentType ?? "application/octet-stream",
      "content-length": file.bytes.byteLength,
    });
    res.end(Buffer.from(file.bytes));
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (req.method === "GET" && url.pathname.startsWith("/attachments/")) {
      serveAttachment(url, res);
      return;
    }
    void handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ code: 0, message: String(error) }));
    });
  });
  const wss = new WebSocketServer({ server, path: "/gateway" });
  const heartbeatInterval = options.heartbeatIntervalMs ?? 1000;

  wss.on("connection", (ws, req) => {
    gatewayQueries.push(new URL(req.url ?? "/", "http://x").searchParams);
    sockets.add(ws);
    ws.on("close", () => sockets.delete(ws));
    send(ws, { op: 10, d: { heartbeat_interval: heartbeatInterval }, s: null, t: null });
    ws.on("message", (raw) => {
      const payload = JSON.parse(String(raw)) as Json;
      if (payload.op === 1) {
        heartbeats += 1;
        send(ws, { op: 11, d: null, s: null, t: null });
      } else if (payload.op === 2) {
        identifies.push(payload.d);
        if (payload.d?.token !== token) {
          ws.close(4004, "Authentication failed.");
          return;
        }
        const wsUrl = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/gateway`;
        const sessionId = randomBytes(8).toString("hex");
        sessions.add(sessionId);
        dispatch("READY", {
          v: 10,
          user: botUser,
          guilds: [{ id: guildId, unavailable: true }],
          session_id: sessionId,
          resume_gateway_url: wsUrl,
          shard: payload.d.shard ?? [0, 1],
          application: { id: applicationId, flags: 0 },
        });
        dispatch("GUILD_CREATE", guildCreate());
        readySeen = true;
        events.emit("ready");
      } else if (payload.op === 6) {
        // RESUME: a session this server issued, with the right token, carries on; anything else must identify.
        if (payload.d?.token === token && sessions.has(payload.d?.session_id)) {
          resumes += 1;
          sequence += 1;
          send(ws, { op: 0, t: "RESUMED", s: sequence, d: {} });
        } else {
          send(ws, { op: 9, d: false, s: null, t: null });
        }
      }
    });
  });

  function record(r: RecordedRequest): void {
    requests.push(r);
    events.emit("request", r);
  }

  async function readBody(req: IncomingMessage): Promise<{ body: Json; files: UploadedFile[] }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    if (raw.length === 0) return { body: undefined, files: [] };
    const type = req.headers["content-type"] ?? "";
    const boundary = /boundary=([^;]+)/.exec(type)?.[1]?.replace(/^"|"$/g, "");
    if (type.startsWith("multipart/form-data") && boundary) return parseMultipart(raw, boundary);
    return { body: JSON.parse(raw.toString("utf8")), files: [] };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = req.method ?? "GET";
    const { body, files } = await readBody(req);
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, "");
    const at = Date.now();
    const reply = (status: number, json?: Json, error?: RecordedRequest["error"]): void => {
      const r: RecordedRequest = { method, path, query: url.searchParams, body, status, at };
      if (error) r.error = error;
      if (files.length > 0) r.files = files;
      record(r);
      if (status === 204) {
        res.writeHead(204);
        res.end();
        return;
      }
      res.writeHead(status, { "content-type": "application/json" });
      res.end(
        JSON.stringify(json ?? (error ? { code: error.code, message: error.message, errors: error.problems } : {})),
      );
    };
    const refuse = (status: number, code: number, message: string, problems?: string[]): void => {
      const error: NonNullable<RecordedRequest["error"]> = { code, message };
      if (problems) error.problems = problems;
      reply(status, undefined, error);
    };
    const invalid = (problems: string[]): boolean => {
      if (problems.length === 0) return false;
      refuse(400, 50035, "Invalid Form Body", problems);
      return true;
    };

    // Interaction callbacks and webhooks are authenticated by their token, everything else by the bot token.
    const tokenRoute = /^\/(interactions|webhooks)\//.test(path);
    if (!tokenRoute && req.headers.authorization !== `Bot ${token}`) {
      refuse(401, 0, "401: Unauthorized");
      return;
    }

    if (files.some((f) => f.bytes.length > FILE_MAX)) {
      refuse(413, 40005, "Request entity too large");
      return;
    }
    if (invalid(attachmentProblems(body?.data ?? body, files))) return;
    // Messages created or edited by this request list its files as attachments.
    if (files.length > 0) {
      const target = body?.data && typeof body.data === "object" ? body.data : body;
      if (target && typeof target === "object") target.attachments = attachmentObjects(target, files);
    }

    let m: RegExpExecArray | null;
    if (method === "GET" && path === "/gateway/bot") {
      reply(200, {
        url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/gateway`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
      });
      return;
    }
    if (method === "GET" && path === "/users/@me") {
      reply(200, botUser);
      return;
    }
    m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path);
    if (m) {
      if (m[1] !== applicationId) {
        refuse(403, 50001, "Missing Access");
        return;
      }
      const scope = m[2] ?? "global";
      if (method === "GET") {
        reply(200, commands.get(scope) ?? []);
        return;
      }
      if (method === "PUT") {
        if (invalid(commandProblems(body))) return;
        const saved = (body as Json[]).map((c) => ({
          ...c,
          id: snowflake(),
          application_id: applicationId,
          ...(m?.[2] ? { guild_id: m[2] } : {}),
          type: c.type ?? 1,
          version: snowflake(),
        }));
        commands.set(scope, saved);
        reply(200, saved);
        return;
      }
    }
    m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path);
    if (m && method === "POST") {
      const state = interactions.get(m[1] ?? "");
      if (!state || state.handle.token !== m[2] || Date.now() - state.handle.sentAt > ACK_WINDOW_MS) {
        refuse(404, 10062, "Unknown interaction");
        return;
      }
      if (state.ackType !== undefined) {
        refuse(400, 40060, "Interaction has already been acknowledged.");
        return;
      }
      const type = Number(body?.type);
      if (type === 8) {
        const choices: Json[] = body?.data?.choices ?? [];
        const problems = choices.length > 25 ? ["more than 25 choices"] : [];
        for (const c of choices) {
          if (String(c.name).length > 100 || String(c.value).length > 100) problems.push("choice over 100 chars");
        }
        if (invalid(problems)) return;
      } else if (type === 4 || type === 7) {
        if (invalid(messageProblems(body?.data))) return;
      }
      if (type === 7 && !state.messageId) {
        refuse(400, 50035, "UPDATE_MESSAGE is only valid for component interactions");
        return;
      }
      state.ackType = type;
      if (type === 4 || type === 5) {
        const msg = messageObject(
          state.channelId,
          type === 5 ? { flags: (body?.data?.flags ?? 0) | 128 } : body?.data,
          {
            type: 20,
            interaction_metadata: {
              id: state.handle.id,
              type: 2,
              user: state.user,
              authorizing_integration_owners: { "0": guildId },
            },
          },
        );
        messages.set(msg.id, msg);
        state.originalId = msg.id;
        state.thinking = type === 5;
      } else if (type === 7 && state.messageId) {
        edit(state.messageId, body?.data);
      } else if (type === 6 && state.messageId) {
        state.originalId = state.messageId;
      }
      if (type === 7) state.originalId = state.messageId;
      if (url.searchParams.get("with_response") === "true") {
        reply(200, {
          interaction: { id: state.handle.id, type: 2 },
          resource: { type, message: state.originalId ? messages.get(state.originalId) : undefined },
        });
      } else {
        reply(204);
      }
      return;
    }
    m = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/([^/]+))?$/.exec(path);
    if (m) {
      const state = byToken.get(m[2] ?? "");
      if (m[1] !== applicationId || !state || state.ackType === undefined) {
        refuse(404, 10015, "Unknown Webhook");
        return;
      }
      const target = m[3] === "@original" ? state.originalId : m[3];
      if (!m[3] && method === "POST") {
        if (invalid(messageProblems(body))) return;
        if (state.thinking && state.originalId && messages.has(state.originalId)) {
          // Discord: the first follow-up to a deferred response edits it, keeping the deferral's visibility.
          state.thinking = false;
          const original = messages.get(state.originalId);
          const kept = { ...body, flags: (original.flags ?? 0) & 64 };
          reply(200, edit(state.originalId, kept));
          return;
        }
        const msg = messageObject(state.channelId, body);
        messages.set(msg.id, msg);
        reply(200, msg);
        return;
      }
      if (!target || !messages.has(target)) {
        refuse(404, 10008, "Unknown Message");
        return;
      }
      if (method === "GET") {
        reply(200, messages.get(target));
        return;
      }
      if (method === "PATCH") {
        if (invalid(messageProblems(body))) return;
        // Flags of an existing message cannot be changed by an edit (an ephemeral one stays ephemeral).
        const next = edit(target, { ...body, flags: undefined });
        // An edit of a deferred reply ends the "thinking…" state.
        next.flags = (next.flags ?? 0) & ~128;
        if (target === state.originalId) state.thinking = false;
        reply(200, next);
        return;
      }
      if (method === "DELETE") {
        messages.delete(target);
        reply(204);
        return;
      }
    }
    m = /^\/channels\/(\d+)\/messages$/.exec(path);
    if (m && method === "POST") {
      const failure = channelFailures.get(m[1] ?? "");
      if (failure) {
        channelFailures.delete(m[1] ?? "");
        refuse(failure.status, failure.code, CHANNEL_ERRORS[failure.code] ?? "Forbidden");
        return;
      }
      if (invalid(messageProblems(body))) return;
      const msg = messageObject(m[1] ?? "", body);
      msg.webhook_id = undefined;
      messages.set(msg.id, msg);
      reply(200, msg);
      return;
    }
    refuse(404, 0, "404: Not Found");
  }

  // ---- Interactions --------------------------------------------------------------------------------
  function base(type: number, who: Who, data: Json, extra: Json = {}): InteractionHandle {
    const inGuild = who.inGuild !== false;
    const channel = who.channelId ?? (inGuild ? channelId : snowflake());
    const user = {
      id: who.userId ?? "500000000000000001",
      username: who.username ?? "tester",
      discriminator: "0",
      global_name: who.username ?? "Tester",
      avatar: null,
    };
    const handle: InteractionHandle = { id: snowflake(), token: `itok-${randomBytes(16).toString("hex")}`, sentAt: 0 };
    const payload: Json = {
      id: handle.id,
      application_id: applicationId,
      type,
      data,
      token: handle.token,
      version: 1,
      locale: who.locale ?? "en-US",
      app_permissions: (who.appPermissions ?? 2251799813685247n).toString(),
      entitlements: [],
      authorizing_integration_owners: inGuild ? { "0": guildId } : { "1": user.id },
      context: inGuild ? 0 : 1,
      attachment_size_limit: 10_485_760,
      ...extra,
    };
    if (inGuild) {
      payload.guild_id = guildId;
      payload.guild_locale = "vi";
      payload.guild = { id: guildId, locale: "vi", features: [] };
      payload.channel = {
        id: channel,
        type: who.channelType ?? 0,
        guild_id: guildId,
        name: "hop-tac",
        permissions: (who.appPermissions ?? 2251799813685247n).toString(),
      };
      payload.channel_id = channel;
      payload.member = {
        user,
        roles: [],
        permissions: (who.permissions ?? MEMBER_PERMISSIONS).toString(),
        joined_at: new Date().toISOString(),
        deaf: false,
        mute: false,
        flags: 0,
        nick: null,
        avatar: null,
        premium_since: null,
        pending: false,
      };
    } else {
      payload.user = user;
      payload.channel = { id: channel, type: 1, recipients: [user] };
      payload.channel_id = channel;
    }
    const state: InteractionState = { handle, user, channelId: channel };
    if (extra.message) state.messageId = extra.message.id;
    interactions.set(handle.id, state);
    byToken.set(handle.token, state);
    handle.sentAt = Date.now();
    dispatch("INTERACTION_CREATE", payload);
    return handle;
  }

  function commandData(name: string, options: OptionInput[]): Json {
    const registered = [...commands.values()].flat().find((c) => c.name === name);
    // Discord only lets a user attach a file to an attachment option the command declares.
    const attached = options.filter((o) => o.type === 11);
    for (const o of attached) {
      const declared = (registered?.options ?? []).some((r: Json) => r.name === o.name && r.type === 11);
      if (!declared) throw new Error(`/${name} declares no attachment option "${o.name}"`);
    }
    const resolved =
      attached.length === 0
        ? undefined
        : {
            attachments: Object.fromEntries(
              attached.map((o) => {
                const id = String(o.value);
                const file = userFiles.get(id);
                if (!file) throw new Error(`no user file ${id}`);
                const url = attachmentUrl(id);
                const object = {
                  id,
                  filename: file.filename,
                  size: file.bytes.byteLength,
                  url,
                  proxy_url: url,
                  ephemeral: true,
                  ...(file.contentType ? { content_type: file.contentType } : {}),
                };
                return [id, object];
              }),
            ),
          };
    return {
      ...(resolved ? { resolved } : {}),
      id: registered?.id ?? snowflake(),
      name,
      type: 1,
      options: options.map((o) => ({
        name: o.name,
        type: o.type,
        value: o.value,
        ...(o.focused ? { focused: true } : {}),
      })),
      ...(registered?.guild_id ? { guild_id: registered.guild_id } : {}),
    };
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    apiRoot: `http://127.0.0.1:${port}/api`,
    gatewayUrl: `ws://127.0.0.1:${port}/gateway`,
    token,
    applicationId,
    botUserId,
    guildId,
    channelId,
    requests,
    commands,
    messages,
    identifies,
    gatewayQueries,
    get heartbeats() {
      return heartbeats;
    },
    get resumes() {
      return resumes;
    },
    dropGateway() {
      for (const ws of sockets) ws.terminate();
    },
    ready(timeoutMs = 10_000): Promise<void> {
      if (readySeen) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("no client identified in time")), timeoutMs);
        events.once("ready", () => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    chatInput: (name, options = [], who = {}) => base(2, who, commandData(name, options)),
    userFile(filename, bytes, contentType) {
      const id = snowflake();
      userFiles.set(id, {
        filename,
        bytes,
        hm: randomBytes(32).toString("hex"),
        ...(contentType ? { contentType } : {}),
      });
      return id;
    },
    downloads,
    autocomplete: (name, options, who = {}) => base(4, who, commandData(name, options)),
    button(customId, messageId, who = {}) {
      const message = messages.get(messageId);
      if (!message) throw new Error(`no message ${messageId}`);
      return base(3, who, { custom_id: customId, component_type: 2 }, { message });
    },
    waitFor(where, timeoutMs = 10_000): Promise<RecordedRequest> {
      const found = requests.find(where);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const listener = (r: RecordedRequest): void => {
          if (!where(r)) return;
          clearTimeout(timer);
          events.off("request", listener);
          resolve(r);
        };
        const timer = setTimeout(() => {
          events.off("request", listener);
          reject(new Error(`no matching request within ${timeoutMs} ms`));
        }, timeoutMs);
        events.on("request", listener);
      });
    },
    requestsFor(handle) {
      return requests.filter((r) => r.path.includes(`/${handle.id}/`) || r.path.includes(`/${handle.token}`));
    },
    failChannel(channel, status, code) {
      channelFailures.set(channel, { status, code });
    },
    async close(): Promise<void> {
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
