// The real bot process (src/main.ts, console mode): health and readiness, a command counted in /metrics,
// SIGHUP reloading edited data, and SIGTERM stopping cleanly (exit 0) with the digest delivery it was
// making recorded as sent in the store.
import { join } from "node:path";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Subscription } from "../../src/core/services";
import { periodAt, previousPeriod } from "../../src/schedule/period";
import { openStore } from "../../src/store/open";
import { exitWithin, type MainProcess, startMain } from "./process";
import { editYaml, tempWorkspace, zoneAwayFromMidnight } from "./support";

let ws: Awaited<ReturnType<typeof tempWorkspace>>;
let main: MainProcess;
let storeUrl: string;
let subscription: Subscription;
let startedAt: Date;

beforeAll(async () => {
  ws = await tempWorkspace();
  storeUrl = `sqlite://${join(ws.root, "bot.sqlite")}`;
  // A console subscription whose digest fell due two minutes ago: the scheduler's first tick delivers it.
  const zone = zoneAwayFromMidnight();
  startedAt = new Date();
  subscription = {
    chatId: "console:local",
    platform: "console",
    time: DateTime.fromJSDate(startedAt, { zone }).minus({ minutes: 2 }).toFormat("HH:mm"),
    cadence: "daily",
    lang: "vi",
    zone,
    createdBy: "console:local",
    createdAt: new Date(startedAt.getTime() - 3 * 3600_000).toISOString(),
  };
  const store = await openStore(storeUrl);
  await store.setSubscription(subscription);
  await store.close();
  main = startMain({ STORE_URL: storeUrl, HTTP_PORT: "0", DATA_DIR: ws.data, LOG_LEVEL: "info" });
});

afterAll(async () => {
  if (main.child.exitCode === null) main.child.kill("SIGKILL");
  await ws.cleanup();
});

describe("the bot process", () => {
  let url = "";

  it("serves /healthz and /readyz once started", async () => {
    url = (await main.waitFor(/ops http server listening on (http:\/\/127\.0\.0\.1:\d+)/))[1] ?? "";
    await main.waitFor(/huunghi-bot started/);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, checks: { platforms: { ok: true, detail: "console" } } });
  });

  it("answers a console command and counts it in /metrics", async () => {
    main.child.stdin.write("/province son la\n");
    await main.waitFor(/Sơn La/, "stdout");
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toContain('huunghi_commands_total{command="province",outcome="ok"} 1');
    expect(metrics).toMatch(/huunghi_command_duration_seconds_count\{command="province"\} 1/);
    // The Vietnamese alias counts under the command's own name, not as unknown.
    main.child.stdin.write("/tinh quang tri\n");
    await main.waitFor(/Quảng Trị \(Việt Nam\)/, "stdout");
    const after = await (await fetch(`${url}/metrics`)).text();
    expect(after).toContain('huunghi_commands_total{command="province",outcome="ok"} 2');
    expect(after).not.toContain('command="(unknown)",outcome="ok"');
  });

  it("reloads edited data on SIGHUP", async () => {
    await editYaml(ws.data, "anniversaries.yaml", (list) => {
      list.pop();
    });
    main.child.kill("SIGHUP");
    const logged = await main.waitFor(/"msg":"corpus reloaded: ([^"]*)"/);
    expect(logged[1]).toContain("anniversaries +0 −1 ~0");
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toContain('huunghi_reloads_total{result="ok"} 1');
  });

  it("exits 0 on SIGTERM within the bound, with the digest delivery and the audit log recorded", async () => {
    main.child.kill("SIGTERM");
    const { code, signal } = await exitWithin(main, 15_000);
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(main.stderr()).toContain('"reason":"SIGTERM"');

    const store = await openStore(storeUrl);
    try {
      const current = periodAt(subscription, startedAt);
      const record = await store.getDelivery(current.key);
      const previous = await store.getDelivery(previousPeriod(subscription, current).key);
      expect(record?.state ?? previous?.state).toBe("sent");
      const audit = await store.listAudit(5);
      expect(audit[0]).toMatchObject({ who: "system:sighup", what: "/reload", result: "ok" });
    } finally {
      await store.close();
    }
  });
});

describe("npm run dev's runner (tsx)", () => {
  it("relays SIGTERM sent right at start; the bot exits 0 and the first digest tick's record is final", async () => {
    const ws2 = await tempWorkspace();
    const url = `sqlite://${join(ws2.root, "bot.sqlite")}`;
    const store = await openStore(url);
    await store.setSubscription(subscription);
    await store.close();
    const viaTsx = startMain({ STORE_URL: url, DATA_DIR: ws2.data }, "tsx");
    try {
      // The scheduler's first tick starts just before this line is logged: stop while it may be under way.
      await viaTsx.waitFor(/huunghi-bot started/);
      viaTsx.child.kill("SIGTERM");
      expect(await exitWithin(viaTsx, 15_000)).toEqual({ code: 0, signal: null });
      expect(viaTsx.stderr()).toContain('"reason":"SIGTERM"');
      const after = await openStore(url);
      const current = periodAt(subscription, startedAt);
      const states = [
        (await after.getDelivery(current.key))?.state,
        (await after.getDelivery(previousPeriod(subscription, current).key))?.state,
      ];
      await after.close();
      expect(states).not.toContain("claimed");
    } finally {
      if (viaTsx.child.exitCode === null) viaTsx.child.kill("SIGKILL");
      await ws2.cleanup();
    }
  });
});

describe("starting", () => {
  it("exits 0 at once when stdin is closed (console mode without input, as in CI)", async () => {
    const ws2 = await tempWorkspace();
    const main = startMain({ STORE_URL: "sqlite://:memory:", DATA_DIR: ws2.data });
    try {
      main.child.stdin.end();
      expect(await exitWithin(main, 15_000)).toEqual({ code: 0, signal: null });
      expect(main.stderr()).toContain('"reason":"end of input"');
    } finally {
      await ws2.cleanup();
    }
  });

  it("exits 2 with one message per bad value before touching anything", async () => {
    const main = startMain({ HTTP_PORT: "http", ADMIN_IDS: "12345", LOG_LEVEL: "chatty" });
    main.child.stdin.end();
    expect((await exitWithin(main, 15_000)).code).toBe(2);
    const lines = main
      .stderr()
      .split("\n")
      .filter((l) => l.startsWith("  - "));
    expect(lines).toHaveLength(3);
    expect(lines.join("\n")).toMatch(/HTTP_PORT .*\n.*LOG_LEVEL .*\n.*ADMIN_IDS entry "12345"/);
  });
});
