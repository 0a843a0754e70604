// Reload under a steady stream of commands: none is lost or fails, and each finishes on the snapshot it
// started with while new commands see the new one.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commands as allCommands } from "../../commands/index";
import { type Core, createCore } from "../../src/app";
import type { Command } from "../../src/core/command";
import { ask, editYaml, plain, tempWorkspace } from "./support";

let ws: Awaited<ReturnType<typeof tempWorkspace>>;
let core: Core;
const probesWaiting: (() => void)[] = [];

/** Test-only command: reads the snapshot, waits until released, then reports the version it read first and last. */
const snapshotProbe: Command = {
  name: "snapshotprobe",
  description: { vi: "thử", en: "probe" },
  args: [],
  async run(ctx) {
    const first = ctx.corpus.version;
    await new Promise<void>((resolve) => probesWaiting.push(resolve));
    return { title: `${first} ${ctx.corpus.version}`, blocks: [], citations: [] };
  },
};

beforeEach(async () => {
  ws = await tempWorkspace();
  core = await createCore({
    dataDir: ws.data,
    today: "2026-11-24",
    commands: [...allCommands, snapshotProbe],
    services: { isAdmin: (id) => id === "telegram:111111" },
  });
});

afterEach(() => ws.cleanup());

describe("reload under load", () => {
  it("loses no command while reloads swap the corpus back and forth", async () => {
    const lines = ["/province son la", "/agreements 2022", "/timeline son la", "/search Xiêng Khoảng", "/help"];
    const total = 400;
    const replies: Promise<string>[] = [];
    const versions = new Set<string>([core.holder.get().version]);
    let reloads = 0;
    for (let i = 0; i < total; i++) {
      const line = lines[i % lines.length] ?? "/help";
      replies.push(
        ask(core, line, "telegram:333333", "vi").then((r) => (r.error ? `ERROR ${line}: ${plain(r)}` : plain(r))),
      );
      if (i % 50 === 25) {
        // Alternate the data between two valid states, and reload while commands are in flight.
        await editYaml(ws.data, "anniversaries.yaml", (list) => {
          const last = list[list.length - 1];
          last.note = { vi: `ghi chú ${i}`, en: `note ${i}` };
        });
        const outcome = await ask(core, "/reload");
        expect(outcome.error).toBeUndefined();
        versions.add(core.holder.get().version);
        reloads++;
      }
      if (i % 10 === 0) await new Promise((r) => setImmediate(r));
    }
    const texts = await Promise.all(replies);

    expect(reloads).toBe(8);
    expect(versions.size).toBe(9);
    expect(texts).toHaveLength(total);
    expect(texts.filter((t) => t.startsWith("ERROR"))).toEqual([]);
    texts.forEach((text, i) => {
      if (i % lines.length === 0) expect(text).toContain("Sơn La");
      if (i % lines.length === 1) expect(text).toContain("2022 – 2024");
    });
  });

  it("lets a command in flight finish on its old snapshot while new commands see the new one", async () => {
    const old = core.holder.get().version;
    const inFlight = ask(core, "/snapshotprobe");
    await new Promise((r) => setImmediate(r));
    await editYaml(ws.data, "anniversaries.yaml", (list) => {
      list.pop();
    });
    expect((await ask(core, "/reload")).error).toBeUndefined();
    const fresh = core.holder.get().version;
    expect(fresh).not.toBe(old);

    const later = ask(core, "/snapshotprobe");
    await new Promise((r) => setImmediate(r));
    expect(probesWaiting).toHaveLength(2);
    for (const release of probesWaiting.splice(0)) release();
    expect((await inFlight).title).toBe(`${old} ${old}`);
    expect((await later).title).toBe(`${fresh} ${fresh}`);
  });
});
