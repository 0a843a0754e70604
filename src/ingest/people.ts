// People with the title they hold in this article: "ông X - Phó Chủ tịch …", "đồng chí X, Phó Bí thư …",
// "các đồng chí: A, title; B, title", "Trung tướng X", "Thứ trưởng Bộ Quốc phòng X", English "Mr X, Vice Governor
// of …". Names are linked to existing people with diacritics, case, spaces and hyphens folded.
import { foldTight } from "../core/normalize";

export interface PersonMention {
  name: string;
  /** The title as printed in this article, ranks included ("Trung tướng, Phó Bí thư Tỉnh ủy"). */
  title?: string;
  /** The exact words quoted for this person: name and title. */
  text: string;
  start: number;
  end: number;
}

/** One capitalised word: Vietnamese, Lao romanised or English. */
const WORD = "\\p{Lu}[\\p{Ll}\\p{M}'’]*";
/** A name: capitalised words, possibly joined by hyphens ("Vông Sỏn - In Pan Phim", "Khăm Phu Thon-Vông Phạ Chăn"). */
const NAME = `${WORD}(?:(?:[ \\t]+|[ \\t]*-[ \\t]*)${WORD}){1,6}`;
const HONORIFIC = "(?:ông|bà|đồng chí|Ông|Bà|Đồng chí|Mr\\.?|Ms\\.?|Mrs\\.?|Madam|Dr\\.?)";
const RANK =
  "(?:Đại tướng|Thượng tướng|Trung tướng|Thiếu tướng|Đại tá|Thượng tá|Trung tá|Thiếu tá|General|Lieutenant General|Major General|Senior Lieutenant General|Colonel)";
/** Words a title starts with. */
const TITLE_START =
  "(?:Phó|Chủ tịch|Bí thư|Ủy viên|Uỷ viên|Thứ trưởng|Bộ trưởng|Trưởng|Giám đốc|Đại sứ|Tổng|Chánh|Thường trực|Tham tán|Lãnh sự|Chỉ huy|Tư lệnh|Chính ủy|Vice|Deputy|Governor|Chairman|Chairwoman|Chair|Secretary|Minister|Ambassador|Director|Head|President|Permanent)";
/** Where a title stops: a clause that is not part of it. */
const TITLE_END =
  /\s+(?:làm\s+Trưởng\s+đoàn|đã|đón|cùng|phát biểu|nhấn mạnh|kiểm tra|đánh giá|cảm ơn|chúc|trao|tặng|tiếp|thăm|dẫn đầu|và\s+(?:ông|bà|đồng chí|các|đại diện|lãnh đạo)|said|led|visited|met|signed|and\s+(?:Mr|Ms|Mrs))(?![\p{L}])|[;.:()]|,\s+(?=(?:đã|cùng|đồng thời|nhân|tại|trong|thay mặt|said|who)(?![\p{L}]))/u;

/** Vietnamese family names: a name after a title starts with one ("Thứ trưởng Bộ Quốc phòng Hoàng Xuân Chiến"). */
const SURNAMES =
  "Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Lò|Tráng|Cầm|Lường|Quàng|Hà|Đinh|Mai|Trịnh|Lưu|Tạ|Cao|Đào|Chu|Lương|Thái|Tô|Vương|Đoàn|Triệu|Trương|Lại|Kiều|Lục|Giàng|Sùng|Mùa|Vì|Điêu|Bạc|Lù|Hầu";

function cutTitle(raw: string): string {
  const m = TITLE_END.exec(raw);
  const title = (m ? raw.slice(0, m.index) : raw).replace(/[,\s]+$/u, "");
  // A title runs a few words; more means the rule went past it.
  return title.split(/\s+/).slice(0, 30).join(" ");
}

export function findPeople(text: string): PersonMention[] {
  const out: PersonMention[] = [];
  const push = (name: string, title: string | undefined, start: number, end: number) => {
    const clean = name.trim();
    if (new RegExp(`^${TITLE_START}(?![\\p{L}])`, "u").test(clean)) return;
    if (clean.split(/\s+|-/).filter(Boolean).length < 2) return;
    if (out.some((p) => p.start <= start && start < p.end)) return;
    out.push({ name: clean, ...(title ? { title } : {}), text: text.slice(start, end), start, end });
  };
  // "ông X - title", "đồng chí X, title", "Mr X, title"; a rank may sit between: "Trung tướng X, title".
  const titled = new RegExp(
    `(?:(?<![\\p{L}])${HONORIFIC}\\s+(${RANK}\\s+)?|(?<![\\p{L}])(${RANK})\\s+)(${NAME})`,
    "gu",
  );
  for (const m of text.matchAll(titled)) {
    const start = m.index ?? 0;
    const name = splitNameFromTitle(m[3] ?? "").name;
    const rank = (m[1] ?? m[2])?.trim();
    const nameEnd = start + m[0].lastIndexOf(m[3] ?? "") + name.length;
    const rest = text.slice(nameEnd);
    const sep = /^\s*[-–,]\s*/u.exec(rest);
    let after: string | undefined;
    if (sep && new RegExp(`^${TITLE_START}`, "u").test(rest.slice(sep[0].length))) {
      after = cutTitle(rest.slice(sep[0].length));
    }
    const title = [rank, after].filter(Boolean).join(", ") || undefined;
    const end = after ? nameEnd + (sep?.[0].length ?? 0) + after.length : nameEnd;
    push(name, title, start, end);
  }
  // Lists: "có các đồng chí: A, title; B, title; …"
  const list = /(?:các đồng chí|gồm|có)\s*:\s*/gu;
  for (const m of text.matchAll(list)) {
    let pos = (m.index ?? 0) + m[0].length;
    for (const item of text.slice(pos).split(";")) {
      const im = new RegExp(`^\\s*(${NAME})\\s*,\\s*(${TITLE_START}[^]*)$`, "u").exec(item);
      if (im?.[1] && im[2]) {
        const title = cutTitle(im[2]);
        const start = pos + item.indexOf(im[1]);
        push(im[1], title, start, pos + item.indexOf(title, item.indexOf(im[1])) + title.length);
      }
      pos += item.length + 1;
    }
  }
  // "Thứ trưởng Bộ Quốc phòng Hoàng Xuân Chiến": a title, then a Vietnamese name.
  const before = new RegExp(
    `(?<![\\p{L}])(${TITLE_START}(?:\\s+(?!(?:và|ông|bà|của|với|cùng|có|đã)(?![\\p{L}]))[\\p{L}]+){0,8}?)\\s+((?:${SURNAMES})(?:\\s+${WORD}){1,3})`,
    "gu",
  );
  for (const m of text.matchAll(before)) {
    const start = m.index ?? 0;
    push(m[2] ?? "", m[1], start, start + m[0].length);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A name ends where a title word starts ("Sivilay Sengchalern - Phó Chủ tịch"): keep the name part. */
function splitNameFromTitle(raw: string): { name: string; rest: string } {
  const m = new RegExp(`(?:\\s+|\\s*-\\s*)${TITLE_START}`, "u").exec(raw);
  return m ? { name: raw.slice(0, m.index), rest: raw.slice(m.index) } : { name: raw, rest: "" };
}

/** Folded key for matching names: "Vông Sỏn-In Pan Phim" and "Vông Sỏn - In Pan Phim" meet here. */
export function personKey(name: string): string {
  return foldTight(name).replace(/-/g, "");
}
