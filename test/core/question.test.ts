// Questions in plain words against the real corpus: each question names the facts that answer it (any of them
// counts). The suite prints the hit rate at rank 1 and in the top 3; every question must be answered in the top 3.
// Reproduce the figures: `npx vitest run test/core/question.test.ts` (the rates are printed).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/app";
import { answerQuestion } from "../../src/core/question";
import { testCore } from "../support/core";

const covid = [
  "event:ev-2020-2021-son-la-covid-aid-luang-prabang",
  "figure:fig-covid-ventilators",
  "figure:fig-covid-medical-masks",
  "figure:fig-covid-cloth-masks",
  "figure:fig-covid-sanitiser",
  "figure:fig-covid-cash",
];
const gift = ["figure:fig-2022-son-la-gift-xieng-khouang"];
const scholarships = ["commitment:agr-xieng-khouang-son-la-2022-2024:1"];
const students = ["figure:fig-luang-prabang-students-received", "event:ev-2019-2021-luang-prabang-students"];
const lpbAgreement = ["agreement:agr-luang-prabang-son-la-2022-2024", "event:ev-2022-08-27-luang-prabang-son-la-talks"];
const xkAgreement = [
  "agreement:agr-xieng-khouang-son-la-2022-2024",
  "event:ev-2022-08-16-xieng-khouang-son-la-signing",
];
const infrastructure = ["commitment:agr-xieng-khouang-son-la-2022-2024:0"];
const hospitals = ["commitment:agr-xieng-khouang-son-la-2022-2024:2"];
const tet = ["event:ev-2024-01-26-xaisomboun-tet-visit"];
const council = ["event:ev-2024-01-26-xaisomboun-council-visit"];
const bokeo = ["event:ev-bokeo-organisation-board-visit"];
const medal = ["event:ev-regiment-754-medal"];
const border = ["event:ev-2021-12-border-defence-friendship-exchange", "event:ev-2021-quang-tri-exchange-inspection"];
const armyStudents = ["event:ev-lao-army-students-exchange"];
const trade = ["clause:agr-xieng-khouang-son-la-2022-2024:3", "clause:agr-luang-prabang-son-la-2022-2024:2"];

/** Question → facts that answer it. Vietnamese with and without diacritics, and English. */
const CASES: [string, readonly string[]][] = [
  ["Sơn La tặng Xiêng Khoảng bao nhiêu tiền?", gift],
  ["son la tang xieng khoang bao nhieu tien", gift],
  ["How much money did Son La give Xieng Khouang?", gift],
  ["200 triệu", gift],
  ["what did Son La give Luang Prabang during covid", covid],
  ["Sơn La hỗ trợ Luông Pha Bang gì trong dịch Covid?", covid],
  ["son la ho tro luong pha bang chong dich", covid],
  ["bao nhiêu khẩu trang", ["figure:fig-covid-medical-masks", "figure:fig-covid-cloth-masks", covid[0] as string]],
  ["how many masks did Luang Prabang receive", covid],
  ["15.000 khẩu trang", ["figure:fig-covid-medical-masks", covid[0] as string]],
  ["máy thở", ["figure:fig-covid-ventilators"]],
  ["ventilators", ["figure:fig-covid-ventilators"]],
  ["học bổng cho Xiêng Khoảng", scholarships],
  ["hoc bong", scholarships],
  ["scholarships for Xiangkhouang", scholarships],
  ["bao nhiêu lưu học sinh Luông Pha Bang sang Sơn La học?", students],
  ["how many Luang Prabang students studied in Son La", students],
  ["65 students funded by the provincial budget", ["figure:fig-luang-prabang-students-funded"]],
  ["Sơn La ký biên bản với Luông Pha Bang khi nào?", lpbAgreement],
  ["when did Son La sign with Luang Prabang", lpbAgreement],
  ["ky bien ban hop tac toan dien xieng khoang", xkAgreement],
  ["dự án hạ tầng 5 tỷ", infrastructure],
  ["infrastructure project worth 5 billion", infrastructure],
  ["khám chữa bệnh tại bệnh viện Sơn La", hospitals],
  ["hospital treatment for Xiangkhouang residents", hospitals],
  ["Xay Sổm Bun chúc Tết Sơn La", tet],
  ["Xaisomboun Tet visit to Son La", tet],
  ["HĐND Xay Sổm Bun", council],
  ["Xaisomboun People's Council delegation", council],
  ["Ban Tổ chức Bò Kẹo thăm Mộc Châu", bokeo],
  ["bokeo organisation board visit", bokeo],
  ["kỷ niệm chương Trung đoàn 754", medal],
  ["medal for regiment 754", medal],
  ["giao lưu quốc phòng biên giới Quảng Trị", border],
  ["border defence friendship exchange with Savannakhet", border],
  ["Hoàng Xuân Chiến kiểm tra gì?", ["event:ev-2021-quang-tri-exchange-inspection", "person:hoang-xuan-chien"]],
  ["Lò Minh Hùng là ai?", ["person:lo-minh-hung"]],
  ["who is Lo Minh Hung", ["person:lo-minh-hung"]],
  ["ngày thiết lập quan hệ ngoại giao", ["anniversary:diplomatic-relations"]],
  ["Treaty of Friendship and Cooperation anniversary", ["anniversary:treaty-friendship-cooperation"]],
  ["học viên quân đội Lào biểu diễn văn nghệ", armyStudents],
  ["Lao army students performance", armyStudents],
  [
    "Sơn La cử mấy đoàn sang Luông Pha Bang?",
    ["figure:fig-delegations-son-la-to-luang-prabang", "event:ev-2019-2021-luang-prabang-son-la-delegations"],
  ],
  ["hội chợ thương mại", trade],
  ["trade fairs", trade],
  [
    "Xiêng Khoảng nhận được gì từ Sơn La?",
    [...gift, ...infrastructure, scholarships[0] as string, hospitals[0] as string],
  ],
  ["Son La giup Luang Prabang bao nhieu may tho", ["figure:fig-covid-ventilators", covid[0] as string]],
  ["Sơn La nhận bao nhiêu sinh viên Lào?", [...students, "figure:fig-luang-prabang-students-funded"]],
  ["who signed the minutes with Xiangkhouang", [...xkAgreement, "person:sivilay-sengchalern", "person:dang-ngoc-hau"]],
  ["what happened in 2024", ["event:ev-2024-01-26-xaisomboun-tet-visit", ...council]],
];

/** Questions the corpus cannot answer: the answer must say so, not offer a loose match. */
const NOTHING = ["bóng đá", "giá vàng hôm nay", "football results", "weather in Hanoi tomorrow"];

let core: Core;
beforeAll(async () => {
  core = await testCore();
});

const ranks: number[] = [];
const notFirst: string[] = [];

describe("questions in plain words find the facts that answer them", () => {
  it.each(CASES)("%s", (question, expected) => {
    const { facts } = answerQuestion(core.holder.get(), question);
    const ids = facts.map((f) => f.fact.id);
    const rank = ids.findIndex((id) => expected.includes(id));
    ranks.push(rank);
    if (rank !== 0) notFirst.push(`${question} → rank ${rank + 1}`);
    expect(rank, `top 3 was ${ids.join(", ")}`).toBeGreaterThanOrEqual(0);
  });

  it("has at least 30 questions in both languages, with and without diacritics", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    const marked = (q: string) => q.normalize("NFD") !== q;
    expect(CASES.filter(([q]) => marked(q)).length).toBeGreaterThanOrEqual(10);
    expect(
      CASES.filter(([q]) => /^[\x20-\x7e]+$/.test(q) && /\b(what|how|who|when|for|with|to)\b/.test(q)).length,
    ).toBeGreaterThanOrEqual(8);
    expect(
      CASES.filter(([q]) => /^[\x20-\x7e]+$/.test(q) && !/\b(the|what|how|who|when|for|with|to|in|by)\b/i.test(q))
        .length,
    ).toBeGreaterThanOrEqual(5);
  });
});

describe("questions the corpus cannot answer", () => {
  it.each(NOTHING)("%s finds nothing", (question) => {
    expect(answerQuestion(core.holder.get(), question).facts.map((f) => f.fact.id)).toEqual([]);
  });
});

afterAll(() => {
  if (ranks.length === 0) return;
  const at1 = ranks.filter((r) => r === 0).length;
  const top3 = ranks.filter((r) => r >= 0 && r < 3).length;
  const pct = (n: number) => `${((100 * n) / ranks.length).toFixed(0)}%`;
  console.log(
    `question hit rate over ${ranks.length} questions: rank 1 ${at1}/${ranks.length} (${pct(at1)}), top 3 ${top3}/${ranks.length} (${pct(top3)})`,
    ...notFirst.map((q) => `\n  not first: ${q}`),
  );
});
