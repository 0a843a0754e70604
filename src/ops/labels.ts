// Localized names for the corpus record kinds and durations, shared by /reload and /status.
import type { RecordKind } from "../core/corpus";
import type { Lang } from "../core/i18n";

const KIND_LABELS: Record<RecordKind, { vi: string; en: string }> = {
  sources: { vi: "Bài nguồn", en: "Sources" },
  provinces: { vi: "Tỉnh", en: "Provinces" },
  places: { vi: "Địa danh", en: "Places" },
  people: { vi: "Nhân vật", en: "People" },
  events: { vi: "Sự kiện", en: "Events" },
  agreements: { vi: "Văn bản hợp tác", en: "Agreements" },
  figures: { vi: "Số liệu", en: "Figures" },
  anniversaries: { vi: "Ngày kỷ niệm", en: "Anniversaries" },
};

export function kindLabel(kind: string, lang: Lang): string {
  return KIND_LABELS[kind as RecordKind]?.[lang] ?? kind;
}

/** 93784 s → "1 ngày 2 giờ 3 phút" / "1 d 2 h 3 min"; under a minute, seconds. */
export function formatDuration(seconds: number, lang: Lang): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return lang === "vi" ? `${s} giây` : `${s} s`;
  const units: [number, string, string][] = [
    [Math.floor(s / 86_400), "ngày", "d"],
    [Math.floor((s % 86_400) / 3600), "giờ", "h"],
    [Math.floor((s % 3600) / 60), "phút", "min"],
  ];
  return units
    .filter(([n]) => n > 0)
    .map(([n, vi, en]) => `${n} ${lang === "vi" ? vi : en}`)
    .join(" ");
}

/** "a, b, c … (+12)": long id lists stay readable in a chat message. */
export function shortList(items: readonly string[], max = 8): string {
  const shown = items.slice(0, max).join(", ");
  return items.length > max ? `${shown} … (+${items.length - max})` : shown;
}
