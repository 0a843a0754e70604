// Starts a real redis-server (Debian's) on 127.0.0.1 on a free port, in a temporary directory, for one test file.
// A machine without redis-server fails the Redis suite with the install command instead of skipping it.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface RedisServer {
  url: string;
  port: number;
  /** Freezes the server (SIGSTOP): it keeps accepting connections and never answers, like a hung Redis. */
  hang(): void;
  /** Lets a frozen server run again (SIGCONT). */
  resume(): void;
  /** Its working directory, where BGSAVE writes dump.rdb. */
  dir: string;
  stop(): Promise<void>;
}

const binary = (): string => process.env.REDIS_SERVER_BIN ?? "redis-server";

export function redisServerAvailable(): boolean {
  return spawnSync(binary(), ["--version"], { stdio: "ignore" }).status === 0;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

async function waitReady(child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (/Ready to accept connections/.test(output())) return;
    if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}):\n${output()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`redis-server did not become ready within ${timeoutMs} ms:\n${output()}`);
}

/** `dir`: start on that directory (and load the dump.rdb found there); it is left in place at stop(). */
export async function startRedis(options: { dir?: string } = {}): Promise<RedisServer> {
  if (!redisServerAvailable()) {
    throw new Error(
      "redis-server is not installed, and the Redis store tests need a real one. Install it with " +
        "`apt-get install redis-server` (Debian/Ubuntu) or set REDIS_SERVER_BIN to its path.",
    );
  }
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), "huunghi-redis-")));
  // A port taken between freePort() and redis' bind is rare; one retry covers it.
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    let output = "";
    const child = spawn(
      binary(),
      ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "no"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    child.stdout?.on("data", (d: Buffer) => {
      output += d.toString();
    });
    child.stderr?.on("data", (d: Buffer) => {
      output += d.toString();
    });
    try {
      await waitReady(child, () => output, 10_000);
    } catch (error) {
      child.kill("SIGKILL");
      if (attempt < 1 && /Address already in use/.test(output)) continue;
      if (!options.dir) await rm(dir, { recursive: true, force: true });
      throw error;
    }
    return {
      url: `redis://127.0.0.1:${port}`,
      port,
      hang: () => child.kill("SIGSTOP"),
      resume: () => child.kill("SIGCONT"),
      dir,
      async stop() {
        if (child.exitCode === null) {
          child.kill("SIGCONT");
          const exited = new Promise((r) => child.once("exit", r));
          child.kill("SIGTERM");
          await Promise.race([exited, new Promise((r) => setTimeout(r, 3_000))]);
          if (child.exitCode === null) child.kill("SIGKILL");
        }
        if (!options.dir) await rm(dir, { recursive: true, force: true });
      },
    };
  }
}
