// A summary may state only numbers that one of its record's quotes contains.
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_DATA_DIR } from "../../src/app";
import { checkSummaryNumbers, numbersMissing } from "../../src/core/summary-numbers";
import { loadCorpus } from "../../src/corpus/load";

describe("numbers in a summary and in its quotes", () => {
  it("finds a number no quote contains, and accepts the same number written another way", () => {
    expect(numbersMissing("Sơn La tặng 200 triệu VNĐ", ["tỉnh Sơn La tặng tỉnh Xiêng Khoảng 200 triệu VNĐ"])).toEqual(
      [],
    );
    expect(numbersMissing("Sơn La gave 200 million VND", ["tặng 200 triệu VNĐ"])).toEqual([]);
    expect(numbersMissing("15,000 medical masks", ["15.000 khẩu trang y tế"])).toEqual([]);
    expect(numbersMissing("Nhân dịp này Sơn La tặng 200 triệu VNĐ", ["Ngày 16/8, diễn ra lễ ký"])).toEqual(["200"]);
    expect(
      numbersMissing("78 lưu học sinh, 66 được hỗ trợ", ["tiếp nhận 78 lưu học sinh", "có 65 lưu học sinh"]),
    ).toEqual(["66"]);
  });

  it("holds for every summary, figure, clause and commitment of the corpus", async () => {
    const result = await loadCorpus(DEFAULT_DATA_DIR);
    if (!result.ok) throw new Error(result.errors.map((e) => `${e.file} ${e.path}: ${e.message}`).join("\n"));
    expect(checkSummaryNumbers(result.corpus.data)).toEqual([]);
  });

  it("refuses to load a corpus whose summary states a number its quotes do not", async () => {
    const dir = await mkdtemp(join(tmpdir(), "huunghi-data-"));
    await cp(DEFAULT_DATA_DIR, dir, { recursive: true });
    const path = join(dir, "events.yaml");
    const text = await readFile(path, "utf8");
    await writeFile(path, text.replace("Sơn La tiếp nhận 78 lưu học sinh", "Sơn La tiếp nhận 87 lưu học sinh"));
    const result = await loadCorpus(dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual({
      file: "events.yaml",
      path: "[8] ev-2019-2021-luang-prabang-students brief.vi",
      message: "number 87 in the text but in none of its quotes",
    });
  });
});
