// The systemd unit: complete, hardened, and accepted by systemd's own checker where this machine has it.
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { REPO } from "./image";

const run = promisify(execFile);
const UNIT = join(REPO, "deploy", "huunghi-bot.service");

const analyze = await run("systemd-analyze", ["--version"]).then(
  () => true,
  () => false,
);

/** Section name → its key=value lines (a key set twice keeps every value). */
function sections(text: string): Map<string, Map<string, string[]>> {
  const out = new Map<string, Map<string, string[]>>();
  let current: Map<string, string[]> | undefined;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const header = /^\[(\w+)\]$/.exec(line);
    if (header?.[1]) {
      current = new Map();
      out.set(header[1], current);
      continue;
    }
    const eq = line.indexOf("=");
    if (!current || eq < 0) throw new Error(`not a key=value line: ${line}`);
    const key = line.slice(0, eq);
    current.set(key, [...(current.get(key) ?? []), line.slice(eq + 1)]);
  }
  return out;
}

describe("deploy/huunghi-bot.service", () => {
  it("has [Unit], [Service] and [Install], its own user, a restart policy, an environment file and hardening", async () => {
    const unit = sections(await readFile(UNIT, "utf8"));
    expect([...unit.keys()]).toEqual(["Unit", "Service", "Install"]);
    const service = unit.get("Service") as Map<string, string[]>;
    const one = (key: string) => service.get(key)?.at(-1);
    expect(one("User")).toBe("huunghi");
    expect(one("Restart")).toBe("on-failure");
    expect(one("RestartPreventExitStatus")).toBe("2");
    expect(one("EnvironmentFile")).toMatch(/^\//);
    // Production runs the compiled program with node itself (signals reach the bot, not npm).
    expect(one("ExecStart")).toMatch(/ node .*dist\/main\.js$/);
    expect(one("ExecReload")).toContain("-HUP $MAINPID");
    for (const key of ["NoNewPrivileges", "ProtectHome", "PrivateTmp", "PrivateDevices", "RestrictSUIDSGID"]) {
      expect(one(key), key).toBe("yes");
    }
    expect(one("ProtectSystem")).toBe("strict");
    expect(one("CapabilityBoundingSet")).toBe("");
    expect(unit.get("Install")?.get("WantedBy")).toEqual(["multi-user.target"]);
    // The bot's stop (SHUTDOWN_TIMEOUT_SECONDS, 10 s by default) ends before systemd would kill it.
    expect(Number.parseInt(one("TimeoutStopSec") ?? "0", 10)).toBeGreaterThan(10);
  });

  it.skipIf(!analyze)(
    "passes `systemd-analyze verify` without a warning (skipped: systemd-analyze is not installed)",
    async () => {
      const { stdout, stderr } = await run("systemd-analyze", ["verify", UNIT]);
      expect(`${stdout}${stderr}`.trim()).toBe("");
    },
  );

  it.skipIf(!analyze)(
    "rates OK in `systemd-analyze security` (skipped: systemd-analyze is not installed)",
    async () => {
      // --threshold makes the command fail above an exposure of 2.0 (of 10).
      const { stdout } = await run("systemd-analyze", ["security", "--offline=yes", "--threshold=20", UNIT]);
      expect(stdout).toMatch(/Overall exposure level for huunghi-bot\.service: [0-1]\.\d OK/);
    },
  );
});
