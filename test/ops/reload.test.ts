// /reload: a valid change is swapped in and reported per kind; each kind of broken data is refused with its
// file and path, and the old corpus keeps answering; nothing is half-loaded.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ask, editYaml, plain, useOpsWorkspace } from "./support";

const ops = useOpsWorkspace();

/** A new province whose citations are copied from an existing, valid one. */
async function addTestProvince(): Promise<void> {
  await editYaml(ops.ws.data, "provinces.yaml", (list) => {
    list.push({
      id: "tinh-thu",
      country: "VN",
      name: { vi: "Tỉnh Thử Nghiệm", en: "Test Province" },
      aliases: ["tinh thu nghiem"],
      sources: list[0].sources,
    });
  });
}

describe("a valid reload", () => {
  it("swaps the new snapshot in and reports added, removed and changed records per kind with the new version", async () => {
    const before = ops.core.holder.get().version;
    let changedId = "";
    let removedId = "";
    await addTestProvince();
    await editYaml(ops.ws.data, "provinces.yaml", (list) => {
      changedId = list[1].id;
      list[1].capital = { vi: "Thủ phủ đã sửa", en: "Edited capital" };
    });
    await editYaml(ops.ws.data, "anniversaries.yaml", (list) => {
      removedId = list.pop().id;
    });
    expect(plain(await ask(ops.core, "/province tinh thu nghiem"))).not.toContain("Tỉnh Thử Nghiệm");

    const reply = await ask(ops.core, "/reload");
    const text = plain(reply);

    expect(reply.error).toBeUndefined();
    const after = ops.core.holder.get().version;
    expect(after).not.toBe(before);
    expect(reply.title).toContain(after);
    // How many records of each kind now serve, then what changed.
    expect(text).toMatch(/Records: Sources 8 · Provinces 82 · .*Events 12/);
    expect(text).toContain("## Provinces");
    expect(text).toContain("Added (1): tinh-thu");
    expect(text).toContain(`Changed (1): ${changedId}`);
    expect(text).toContain("## Anniversaries");
    expect(text).toContain(`Removed (1): ${removedId}`);
    expect(text).not.toContain("## Events");
    // The new record answers at once.
    expect(plain(await ask(ops.core, "/province tinh thu nghiem", undefined, "vi"))).toContain("Tỉnh Thử Nghiệm");
  });

  it("says nothing changed, and keeps the version, when the data is the same", async () => {
    const before = ops.core.holder.get().version;
    const reply = await ask(ops.core, "/reload", undefined, "vi");
    expect(reply.error).toBeUndefined();
    expect(plain(reply)).toContain("Không có thay đổi nào.");
    expect(ops.core.holder.get().version).toBe(before);
  });
});

type Breakage = { name: string; breakIt: () => Promise<void>; where: RegExp };

const breakages: Breakage[] = [
  {
    name: "bad YAML",
    breakIt: async () => {
      const path = join(ops.ws.data, "provinces.yaml");
      await writeFile(path, `${await readFile(path, "utf8")}\n- id: [never closed\n  country: VN\n`);
    },
    where: /provinces\.yaml line \d+, column \d+: /,
  },
  {
    name: "bad JSON (flow syntax)",
    breakIt: () => writeFile(join(ops.ws.data, "events.yaml"), '[{"id": "x", "kind": "visit",'),
    where: /events\.yaml line \d+, column \d+: /,
  },
  {
    name: "schema error",
    breakIt: () =>
      editYaml(ops.ws.data, "provinces.yaml", (list) => {
        list[0].country = "TH";
      }),
    where: /provinces\.yaml \[0\]\.country: /,
  },
  {
    name: "quote not found in its source",
    breakIt: () =>
      editYaml(ops.ws.data, "events.yaml", (list) => {
        list[0].sources[0].quote = "Câu này không hề có trong bài báo nguồn";
      }),
    where: /events\.yaml \[0\] [a-z0-9-]+: quote not found in /,
  },
  {
    name: "reference to an unknown province",
    breakIt: () =>
      editYaml(ops.ws.data, "places.yaml", (list) => {
        list[0].province = "atlantis";
      }),
    where: /places\.yaml \[0\]\.province: unknown province "atlantis"/,
  },
];

describe("a broken data file", () => {
  it.each(breakages)("is refused ($name) with file and path, and the old corpus still answers", async (b) => {
    const before = ops.core.holder.get().version;
    await addTestProvince(); // a valid change in the same reload must not be half-loaded
    await b.breakIt();

    const reply = await ask(ops.core, "/reload");
    const text = plain(reply);

    expect(reply.error?.code).toBe("reload-refused");
    expect(text).toMatch(b.where);
    expect(text).toContain(`version ${before}`);
    expect(ops.core.holder.get().version).toBe(before);
    const province = plain(await ask(ops.core, "/province son la", undefined, "vi"));
    expect(province).toContain("Sơn La");
    expect(plain(await ask(ops.core, "/province tinh thu nghiem", undefined, "vi"))).not.toContain("Tỉnh Thử Nghiệm");
  });

  it("lists every error, not only the first", async () => {
    await breakages[2]?.breakIt();
    await editYaml(ops.ws.data, "places.yaml", (list) => {
      list[1].kind = "castle";
    });
    const text = plain(await ask(ops.core, "/reload"));
    expect(text).toMatch(/provinces\.yaml \[0\]\.country: /);
    expect(text).toMatch(/places\.yaml \[1\]\.kind: /);
    expect(text).toContain("Found 2 error(s)");
  });
});

describe("state from before a reload", () => {
  it("page buttons keep working: the page is clamped to the new page count", async () => {
    const first = await ask(ops.core, "/timeline", undefined, "vi");
    const oldCount = first.paging?.pageCount ?? 1;
    expect(oldCount).toBeGreaterThan(1);
    const token = ops.core.pages.issue({ command: "timeline", text: "", lang: "vi" });

    // Remove the events nothing else refers to, so the timeline gets shorter.
    const others = await Promise.all(
      ["agreements.yaml", "people.yaml", "figures.yaml", "places.yaml", "anniversaries.yaml"].map((f) =>
        readFile(join(ops.ws.data, f), "utf8"),
      ),
    );
    let removed = 0;
    await editYaml(ops.ws.data, "events.yaml", (list) => {
      const keep = list.filter((e: { id: string }) => others.some((text) => text.includes(e.id)));
      removed = list.length - keep.length;
      list.splice(0, list.length, ...keep);
    });
    expect(removed).toBeGreaterThan(0);
    const outcome = await ask(ops.core, "/reload");
    expect(plain(outcome)).toContain("## Events");
    expect(outcome.error).toBeUndefined();

    const saved = await ops.core.pages.get(token);
    expect(saved).toBeDefined();
    const reply = await ops.core.handle({
      command: saved?.command ?? "",
      text: saved?.text ?? "",
      lang: "vi",
      page: oldCount,
      caller: {
        userId: "telegram:5",
        chatId: "telegram:5",
        platform: "telegram",
        isChatAdmin: true,
        chatKind: "private",
      },
    });
    expect(reply.error).toBeUndefined();
    const newCount = (await ask(ops.core, "/timeline", undefined, "vi")).paging?.pageCount ?? 1;
    expect(reply.paging?.page ?? 1).toBe(Math.min(oldCount, newCount));
  });
});
