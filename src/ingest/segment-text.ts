// Segments a scraped page kept as plain text (data/sources/*.txt): title, article, captions, side boxes, furniture.
// The scrapes keep a page's layout in a few recognisable shapes: boxes and captions as "| … |" table rows, an
// image as "![…](…)", menus under headings such as "Tin bài liên quan", and a byline at the end of the story.
import { fold } from "../core/normalize";
import { compactSegments, type PageSegment } from "./page";

/** Headings after which a news page lists other stories, menus and comment forms: furniture to the end. */
const FURNITURE_HEADINGS = new Set(
  [
    "Tin bài liên quan",
    "Tin liên quan",
    "Các tin bài khác",
    "Các tin khác",
    "Tin khác",
    "Đọc nhiều",
    "Đọc thêm",
    "Xem thêm",
    "Tin mới",
    "Tin mới nhất",
    "Bình luận",
    "Multimedia",
    "Bờ cõi biển đảo",
    "Related news",
    "Related articles",
    "Read more",
    "Most read",
    "Comments",
    "More news",
  ].map(fold),
);

/** A byline or a source address closing the story ("Tin, ảnh: …", "Nguồn …: https://…", "Nhóm PV"). */
const BYLINE = /^(tin(, ảnh)?|ảnh|bài( và ảnh)?|nguồn|theo|nhóm pv|pv|ctv|by|source|photo)\b.{0,120}$|https?:\/\//iu;
const IMAGE = /^!\[[^\]]*\]\([^)]*\)\s*\|?\s*$/u;
const TABLE_ROW = /^\|.*\|\s*$/su;

export interface TextSegmentOptions {
  /** Whether a text is about Vietnam–Laos (names Laos, a Lao province or place). */
  aboutLaos: (text: string) => boolean;
}

export function segmentText(text: string, options: TextSegmentOptions): PageSegment[] {
  const lines = text.split("\n");
  const kinds: (Omit<PageSegment, "lines"> | undefined)[] = new Array(lines.length).fill(undefined);
  let furnitureFrom = lines.length;
  for (let i = 1; i < lines.length; i++) {
    if (FURNITURE_HEADINGS.has(fold(lines[i] ?? ""))) {
      furnitureFrom = i;
      break;
    }
  }
  // A byline just before the furniture (or the end) belongs to the page, not the story.
  let storyEnd = furnitureFrom;
  for (let i = furnitureFrom - 1; i > 0; i--) {
    const line = (lines[i] ?? "").trim();
    if (line === "") continue;
    if (line.length < 140 && BYLINE.test(line)) storyEnd = i;
    else break;
  }
  const counts = new Map<string, number>();
  for (const l of lines) if (l.trim()) counts.set(l.trim(), (counts.get(l.trim()) ?? 0) + 1);

  const storyLaos = options.aboutLaos(lines.slice(0, storyEnd).join("\n"));
  let afterImage = false;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").trim();
    if (i >= storyEnd) {
      kinds[i] = { kind: "furniture", vietnamLaos: false, why: i >= furnitureFrom ? "menus, related links" : "byline" };
      continue;
    }
    if (line === "") {
      kinds[i] = undefined;
      continue;
    }
    if (i === 0) {
      kinds[i] = { kind: "title", vietnamLaos: storyLaos };
    } else if (IMAGE.test(line)) {
      kinds[i] = { kind: "caption", vietnamLaos: storyLaos };
      afterImage = true;
      continue;
    } else if (TABLE_ROW.test(line) && afterImage) {
      kinds[i] = { kind: "caption", vietnamLaos: storyLaos };
    } else if (TABLE_ROW.test(line)) {
      const laos = options.aboutLaos(line);
      kinds[i] = { kind: "box", vietnamLaos: laos, why: laos ? "side story about Laos" : "side story not about Laos" };
    } else if ((counts.get(line) ?? 0) > 1 && line.length < 200) {
      kinds[i] = { kind: "caption", vietnamLaos: storyLaos, why: "repeated photo caption" };
    } else {
      kinds[i] = { kind: "article", vietnamLaos: storyLaos };
    }
    afterImage = false;
  }
  // Blank lines join the segment before them, so ranges stay whole.
  for (let i = 1; i < kinds.length; i++) if (!kinds[i] && kinds[i - 1]) kinds[i] = kinds[i - 1];
  return compactSegments(kinds);
}
