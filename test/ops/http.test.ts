// The ops HTTP server: /healthz, /readyz flipping when the store goes down (a real Redis server stopped),
// and /metrics counting a command run through dispatch.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/app";
import type { StateStore } from "../../src/core/services";
import { type OpsServer, startOpsServer } from "../../src/ops/http";
import { instrumentStore } from "../../src/ops/instrument-store";
import { type BotMetrics, createMetrics } from "../../src/ops/metrics";
import { checkReadiness } from "../../src/ops/readiness";
import { countedReload } from "../../src/ops/reload";
import { openStore } from "../../src/store/open";
import { type RedisServer, startRedis } from "../support/redis";
import { ask, opsCore, tempWorkspace } from "./support";

let ws: Awaited<ReturnType<typeof tempWorkspace>>;
let core: Core;
let server: OpsServer | undefined;

beforeAll(async () => {
  ws = await tempWorkspace();
  core = await opsCore(ws.data);
});
afterAll(() => ws.cleanup());
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function get(path: string): Promise<{ status: number; body: string; type: string }> {
  const res = await fetch(`${server?.url}${path}`);
  return { status: res.status, body: await res.text(), type: res.headers.get("content-type") ?? "" };
}

describe("/healthz and /readyz", () => {
  let redis: RedisServer;
  let store: StateStore;

  beforeAll(async () => {
    redis = await startRedis();
    store = await openStore(redis.url);
  });
  afterAll(async () => {
    await store.close().catch(() => {});
    await redis.stop();
  });

  it("reports ready while the store answers, and flips to 503 naming the store when it goes down", async () => {
    let connected = true;
    server = await startOpsServer({
      host: "127.0.0.1",
      port: 0,
      readiness: () =>
        checkReadiness({
          corpusVersion: () => core.holder.get().version,
          store,
          platforms: () => [{ name: "telegram", connected }],
          storeTimeoutMs: 1000,
        }),
    });
    expect((await get("/healthz")).status).toBe(200);
    const ready = await get("/readyz");
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toMatchObject({
      ready: true,
      checks: { corpus: { ok: true, detail: core.holder.get().version }, store: { ok: true } },
    });

    connected = false;
    const offline = await get("/readyz");
    expect(offline.status).toBe(503);
    expect(JSON.parse(offline.body).checks.platforms).toEqual({ ok: false, detail: "not connected: telegram" });
    connected = true;

    await redis.stop();
    const down = await get("/readyz");
    expect(down.status).toBe(503);
    const report = JSON.parse(down.body);
    expect(report.ready).toBe(false);
    expect(report.checks.store.ok).toBe(false);
    expect(report.checks.corpus.ok).toBe(true);
    // The process itself is still up.
    expect((await get("/healthz")).status).toBe(200);
  });
});

describe("/metrics", () => {
  let metrics: BotMetrics;

  beforeAll(() => {
    metrics = createMetrics({ knownCommands: core.commands.map((c) => c.name) });
    core.env.onDone = (inv, outcome, ms) => metrics.commandDone(inv.command, outcome, ms);
    core.env.services.reload = countedReload(() => core.holder.reload(), metrics);
  });

  it("counts commands by name and outcome, their latency, reloads and store errors, in Prometheus text", async () => {
    server = await startOpsServer({
      host: "127.0.0.1",
      port: 0,
      metrics,
      readiness: async () => ({ ready: true, checks: {} as never }),
    });
    const before = await get("/metrics");
    expect(before.status).toBe(200);
    expect(before.type).toContain("text/plain");
    expect(before.body).not.toContain('huunghi_commands_total{command="province"');

    await ask(core, "/province son la");
    await ask(core, "/province atlantis");
    await ask(core, "/nonsensexyz");
    await ask(core, "/reload", "telegram:999"); // not an admin
    await ask(core, "/reload");
    const failing = instrumentStore({ ping: () => Promise.reject(new Error("down")) } as unknown as StateStore, (op) =>
      metrics.storeError(op),
    );
    await failing.ping().catch(() => {});

    const { body } = await get("/metrics");
    expect(body).toContain('huunghi_commands_total{command="province",outcome="ok"} 1');
    expect(body).toContain('huunghi_commands_total{command="province",outcome="user-error"} 1');
    expect(body).toContain('huunghi_commands_total{command="(unknown)",outcome="user-error"} 1');
    expect(body).toContain('huunghi_commands_total{command="reload",outcome="refused"} 1');
    expect(body).toContain('huunghi_commands_total{command="reload",outcome="ok"} 1');
    expect(body).toMatch(/huunghi_command_duration_seconds_count\{command="province"\} 2/);
    expect(body).toContain('huunghi_reloads_total{result="ok"} 1');
    expect(body).toContain('huunghi_store_errors_total{operation="ping"} 1');
    expect(body).toContain('huunghi_digests_total{outcome="sent"} 0');
    expect(body).not.toContain("nonsensexyz");
  });

  it("answers 404 for other paths and 405 for other methods", async () => {
    server = await startOpsServer({
      host: "127.0.0.1",
      port: 0,
      readiness: async () => ({ ready: true, checks: {} as never }),
    });
    expect((await get("/admin")).status).toBe(404);
    expect((await fetch(`${server.url}/healthz`, { method: "POST" })).status).toBe(405);
  });
});
