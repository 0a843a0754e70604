// A saved news page (HTML) reduced to the article with Mozilla's Readability on linkedom, side boxes and captions
// kept apart from the main story: boxes (aside, boxed tables, "related" blocks) become "| … |" rows like the
// scraped pages, menus and related links become furniture. The result is the same text shape as data/sources/.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

export interface HtmlReduction {
  title: string;
  /** Lines: title, article paragraphs, captions and boxes as "| … |" rows, then furniture. */
  text: string;
  /** 1-based line ranges by role, for segmentation. */
  roles: { line: number; role: "title" | "article" | "caption" | "box" | "furniture" }[];
  url?: string;
  outlet?: string;
}

const clean = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ").trim();

const BOX_SELECTOR = [
  "aside",
  "table.box",
  ".box",
  ".sidebar",
  ".side-box",
  ".related-box",
  ".inline-box",
  ".quote-box",
  "[class*='box-news']",
  "[class*='sapo-box']",
  "blockquote.box",
].join(",");
const FURNITURE_SELECTOR =
  "nav, header, footer, form, .menu, .related, .related-news, .most-read, .comments, script, style, noscript";

export function reduceHtml(html: string, url?: string): HtmlReduction {
  const { document } = parseHTML(html);
  const title =
    clean(document.querySelector("h1")?.textContent) ||
    clean(document.querySelector("meta[property='og:title']")?.getAttribute("content")) ||
    clean(document.querySelector("title")?.textContent);
  const outlet = clean(document.querySelector("meta[property='og:site_name']")?.getAttribute("content")) || undefined;
  const canonical =
    document.querySelector("link[rel='canonical']")?.getAttribute("href") ??
    document.querySelector("meta[property='og:url']")?.getAttribute("content") ??
    url;

  // Furniture first (menus, related links), then boxes: each kept as text, then taken out of the story.
  const furniture: string[] = [];
  for (const el of [...document.querySelectorAll(FURNITURE_SELECTOR)]) {
    const text = clean(el.textContent);
    if (text && !/^(script|style|noscript)$/i.test(el.tagName)) furniture.push(text);
    el.remove();
  }
  const boxes: string[] = [];
  for (const el of [...document.querySelectorAll(BOX_SELECTOR)]) {
    if (el.parentElement?.closest(BOX_SELECTOR)) continue;
    const text = clean(el.textContent);
    if (text) boxes.push(text);
    el.remove();
  }
  const captions: string[] = [];
  for (const el of [...document.querySelectorAll("figcaption, .caption, .image-caption")]) {
    const text = clean(el.textContent);
    if (text) captions.push(text);
    el.remove();
  }
  // Readability works on the remaining story; the h1 is the title line already.
  document.querySelector("h1")?.remove();
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
    keepClasses: false,
  }).parse();
  const paragraphs: string[] = [];
  if (article?.content) {
    const { document: inner } = parseHTML(`<html><body>${article.content}</body></html>`);
    for (const el of [...inner.querySelectorAll("p, li, h2, h3, h4")]) {
      const text = clean(el.textContent);
      if (text && !paragraphs.includes(text)) paragraphs.push(text);
    }
    if (paragraphs.length === 0 && article.textContent) paragraphs.push(clean(article.textContent));
  }
  const lines: string[] = [];
  const roles: HtmlReduction["roles"] = [];
  const add = (text: string, role: HtmlReduction["roles"][number]["role"]) => {
    lines.push(text);
    roles.push({ line: lines.length, role });
  };
  add(title || paragraphs[0] || "(untitled)", "title");
  for (const p of paragraphs) add(p, "article");
  for (const c of captions) add(`| ${c} |`, "caption");
  for (const b of boxes) add(`| ${b} |`, "box");
  for (const f of furniture) add(f, "furniture");
  return {
    title: lines[0] ?? "",
    text: lines.join("\n"),
    roles,
    ...(canonical && /^https?:\/\//.test(canonical) ? { url: canonical } : {}),
    ...(outlet ? { outlet } : {}),
  };
}
