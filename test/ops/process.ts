// Runs the real composition root (src/main.ts) as a child process, as `npm start` does, with a controlled
// environment: no token or setting leaks in from the developer's shell or .env.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { join } from "node:path";
import { REPO } from "./support";

/** Every variable src/config.ts reads, blanked (an empty value counts as unset and wins over .env). */
const BLANK: Record<string, string> = Object.fromEntries(
  [
    "TELEGRAM_BOT_TOKEN",
    "TELEGRAM_API_ROOT",
    "TELEGRAM_WEBHOOK_URL",
    "TELEGRAM_WEBHOOK_PORT",
    "TELEGRAM_WEBHOOK_HOST",
    "TELEGRAM_WEBHOOK_SECRET",
    "DISCORD_TOKEN",
    "DISCORD_APPLICATION_ID",
    "DISCORD_GUILD_ID",
    "DISCORD_API_ROOT",
    "DISCORD_PREFER_VIETNAMESE",
    "STORE_URL",
    "ADMIN_IDS",
    "CONSOLE_ADMIN",
    "HTTP_PORT",
    "HTTP_HOST",
    "BOT_TIMEZONE",
    "DIGEST_ZONE",
    "DIGEST_ENABLED",
    "DIGEST_CATCH_UP",
    "DIGEST_LEASE_SECONDS",
    "DIGEST_POST_EMPTY",
    "DIGEST_DAYS",
    "DIGEST_MILESTONE_DAYS",
    "DIGEST_ENDING_DAYS",
    "DIGEST_ENDED_DAYS",
    "DIGEST_RATE_PER_SECOND",
    "DIGEST_CHAT_INTERVAL_MS",
    "DIGEST_GROUP_PER_MINUTE",
    "DIGEST_MAX_ATTEMPTS",
    "DATA_DIR",
    "WATCH_DATA",
    "LOG_LEVEL",
    "SHUTDOWN_TIMEOUT_SECONDS",
    "REPLICAS",
  ].map((name) => [name, ""]),
);

export interface MainProcess {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Waits until the text seen so far on a stream matches. */
  waitFor(pattern: RegExp, stream?: "stdout" | "stderr", timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * "node": `node --import tsx src/main.ts`, one process that gets every signal itself, as production runs
 * `node dist/main.js` (test/deploy/ runs the compiled program itself).
 * "tsx": the tsx binary, as `npm run dev` runs it; tsx relays SIGINT and SIGTERM (not SIGHUP) and exits with the
 * bot's code. (Through npx/npm the exit code is npm's own: npm does not wait for a graceful stop.)
 */
export function startMain(env: Record<string, string>, runner: "node" | "tsx" = "node"): MainProcess {
  const main = join(REPO, "src", "main.ts");
  const [command, args] =
    runner === "node"
      ? [process.execPath, ["--import", "tsx", main]]
      : [join(REPO, "node_modules", ".bin", "tsx"), [main]];
  const child = spawn(command, args, {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...BLANK, ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const text = { stdout: "", stderr: "" };
  child.stdout.on("data", (d: Buffer) => {
    text.stdout += d.toString();
  });
  child.stderr.on("data", (d: Buffer) => {
    text.stderr += d.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    stdout: () => text.stdout,
    stderr: () => text.stderr,
    exited,
    async waitFor(pattern, stream = "stderr", timeoutMs = 20_000) {
      const started = Date.now();
      for (;;) {
        const m = text[stream].match(pattern);
        if (m) return m;
        if (child.exitCode !== null || Date.now() - started > timeoutMs) {
          throw new Error(
            `${pattern} not seen on ${stream} (exit ${child.exitCode}).\nstdout:\n${text.stdout}\nstderr:\n${text.stderr}`,
          );
        }
        await new Promise((r) => setTimeout(r, 25));
      }
    },
  };
}

/** Resolves with the exit, or rejects when it takes longer than `ms`. */
export function exitWithin(
  main: MainProcess,
  ms: number,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return Promise.race([
    main.exited,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no exit within ${ms} ms:\n${main.stderr()}`)), ms),
    ),
  ]);
}
