import { describe, expect, it } from "vitest";
import { findAmounts } from "../../src/ingest/amounts";
import { findDates } from "../../src/ingest/dates";
import { findPeople } from "../../src/ingest/people";

const dates = (text: string) => findDates(text).map(({ text: _t, start: _s, end: _e, ...d }) => d);

describe("dates as news prints them", () => {
  it("keeps the precision the text gives and never invents a year", () => {
    expect(dates("Ngày 16/8, diễn ra lễ ký")).toEqual([{ kind: "day", day: 16, month: 8 }]);
    expect(dates("Ngày 24/11/2021, Sở Ngoại vụ")).toEqual([{ kind: "day", day: 24, month: 11, year: 2021 }]);
    expect(dates("dự kiến sẽ diễn ra vào tháng 12/2021")).toEqual([{ kind: "month", month: 12, year: 2021 }]);
    expect(dates("vào giữa tháng 12-2021 tại")).toEqual([{ kind: "month", month: 12, year: 2021 }]);
    expect(dates("Từ tháng 11/2019 đến năm 2021, tỉnh")).toEqual([
      { kind: "range", year: 2019, month: 11, until: { year: 2021 } },
    ]);
    expect(dates("On Tuesday, March 7, a delegation")).toEqual([{ kind: "day", day: 7, month: 3, weekday: 2 }]);
    expect(dates("on December 25")).toEqual([{ kind: "day", day: 25, month: 12 }]);
    expect(dates("met on Tuesday")).toEqual([{ kind: "weekday", weekday: 2 }]);
  });

  it("tells a term of office from a period, and a count from a date", () => {
    expect(dates("nhiệm kỳ 2021-2026")[0]).toMatchObject({ kind: "range", lead: "nhiệm kỳ" });
    expect(dates("Thanh Hóa hoàn thành 19/19 nhiệm vụ")).toEqual([]);
    expect(dates("thứ năm liên tiếp")).toEqual([]);
  });
});

describe("amounts and counts", () => {
  const amounts = (text: string, en = false) => findAmounts(text, en).map((a) => `${a.value} ${a.unit}`);

  it("reads Vietnamese separators, multipliers and the counted noun", () => {
    expect(amounts("hỗ trợ 01 dự án trị giá 5 tỉ VNĐ")).toEqual(["1 project", "5000000000 VND"]);
    expect(amounts("5 tỷ đồng và 200 triệu VNĐ")).toEqual(["5000000000 VND", "200000000 VND"]);
    expect(amounts("15.000 khẩu trang y tế, 1.000 chai dung dịch")).toEqual(["15000 mask", "1000 bottle"]);
    expect(amounts("90 suất học bổng; 78 lưu học sinh")).toEqual(["90 scholarship", "78 student"]);
    expect(amounts("VND 9 billion and 1,000 masks", true)).toEqual(["9000000000 VND", "1000 mask"]);
  });

  it("ignores numbers that are not amounts", () => {
    expect(amounts("hai tỉnh, 2 nước, Trung đoàn 754, Mốc 605, 60 năm, năm 2021, cùng đồng lòng")).toEqual([]);
  });
});

describe("people with the title they hold in the article", () => {
  it("reads dash, comma and list forms, ranks and titles before the name", () => {
    const people = (text: string) => findPeople(text).map((p) => `${p.name} | ${p.title ?? ""}`);
    expect(
      people(
        "có ông Sivilay Sengchalern - Phó Chủ tịch tỉnh Xiêng Khoảng và ông Đặng Ngọc Hậu - Phó Chủ tịch UBND tỉnh Sơn La.",
      ),
    ).toEqual([
      "Sivilay Sengchalern | Phó Chủ tịch tỉnh Xiêng Khoảng",
      "Đặng Ngọc Hậu | Phó Chủ tịch UBND tỉnh Sơn La",
    ]);
    expect(people("do Trung tướng Vông Sỏn - In Pan Phim, Phó Bí thư Tỉnh ủy làm Trưởng đoàn đã thăm")).toEqual([
      "Vông Sỏn - In Pan Phim | Trung tướng, Phó Bí thư Tỉnh ủy",
    ]);
    expect(
      people(
        "có các đồng chí: Hoàng Quốc Khánh, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh; Nguyễn Thái Hưng, Chủ tịch HĐND tỉnh",
      ),
    ).toEqual(["Hoàng Quốc Khánh | Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh", "Nguyễn Thái Hưng | Chủ tịch HĐND tỉnh"]);
    expect(people("Thứ trưởng Bộ Quốc phòng Hoàng Xuân Chiến nhấn mạnh")).toEqual([
      "Hoàng Xuân Chiến | Thứ trưởng Bộ Quốc phòng",
    ]);
    expect(people("led by Mr Khamphao Ernthavanh, Governor of Luang Prabang province, visited")).toEqual([
      "Khamphao Ernthavanh | Governor of Luang Prabang province",
    ]);
  });
});
