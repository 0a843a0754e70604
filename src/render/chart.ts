// The timeline picture as SVG: a row per partner, events as marks on a time axis, agreements as bars over
// their period, undated events and upcoming anniversaries listed apart, a legend. Pure: content in, text out.
// Only shapes and letters: the font has no symbol glyphs (★, ◆), so every symbol is drawn, never typed.
import type { ChartMark, TimelineChart } from "./chart-content";

export const CHART_WIDTH = 1200;
export const CHART_FONT = "Be Vietnam Pro";

const M = { left: 24, right: 32, labels: 230 };
const PLOT = { x0: M.left + M.labels + 12, x1: CHART_WIDTH - M.right };
const ROW_H = 60;
const LANE_H = 16;
const LINE_H = 21;
const MAX_KEY_LINES = 40;
const C = {
  ink: "#1d2733",
  muted: "#5b6673",
  grid: "#e3e7ec",
  event: "#1e5aa8",
  inForce: "#2e8b57",
  ended: "#9aa3ad",
  notYet: "#b9d9c6",
  anniversary: "#c0392b",
  today: "#c0392b",
  band: "#f5f7fa",
};

export interface ChartSvg {
  svg: string;
  width: number;
  height: number;
}

const xml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Rough advance width of a string in the chart font, for clipping labels to the room they have. */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) {
    if (ch === " ") em += 0.27;
    else if (/[.,:;'’!|ilj()[\]]/.test(ch)) em += 0.3;
    else if (/[mwMW—–]/.test(ch)) em += 0.85;
    else if (/\p{Lu}/u.test(ch)) em += 0.68;
    else if (/\d/.test(ch)) em += 0.6;
    else em += 0.55;
  }
  return em * size;
}

/** Cuts a label at a word boundary (or a character) so it fits `width`, ending in "…". */
export function fitText(text: string, size: number, width: number): string {
  if (textWidth(text, size) <= width) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(`${chars.slice(0, mid).join("")}…`, size) <= width) lo = mid;
    else hi = mid - 1;
  }
  let cut = chars.slice(0, lo).join("");
  const space = cut.lastIndexOf(" ");
  if (space > cut.length * 0.6) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}

function text(
  x: number,
  y: number,
  content: string,
  opts: { size?: number; weight?: number; fill?: string; anchor?: "start" | "middle" | "end" } = {},
): string {
  const attrs = [
    `x="${x.toFixed(1)}"`,
    `y="${y.toFixed(1)}"`,
    `font-size="${opts.size ?? 14}"`,
    opts.weight ? `font-weight="${opts.weight}"` : "",
    `fill="${opts.fill ?? C.ink}"`,
    opts.anchor && opts.anchor !== "start" ? `text-anchor="${opts.anchor}"` : "",
  ].filter(Boolean);
  return `<text ${attrs.join(" ")}>${xml(content)}</text>`;
}

const dayNumber = (iso: string): number => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 864e5;

function diamond(x: number, y: number, r: number, fill: string): string {
  return `<path d="M${x} ${y - r}L${x + r} ${y}L${x} ${y + r}L${x - r} ${y}Z" fill="${fill}"/>`;
}

function markShape(m: ChartMark, x: (iso: string) => number, y: number): string {
  const stroke = m.inferred ? `stroke="${C.event}" stroke-width="2" stroke-dasharray="3 2"` : "";
  const fill = m.inferred ? "#ffffff" : C.event;
  if (!m.end) return `<circle cx="${x(m.start).toFixed(1)}" cy="${y}" r="7" fill="${fill}" ${stroke}/>`;
  const x0 = x(m.start);
  const w = Math.max(8, x(m.end) - x0);
  return `<rect x="${x0.toFixed(1)}" y="${y - 5}" width="${w.toFixed(1)}" height="10" rx="5" fill="${m.inferred ? "#ffffff" : C.event}" fill-opacity="${m.inferred ? 1 : 0.45}" stroke="${C.event}" stroke-width="${m.inferred ? 2 : 1}"${m.inferred ? ' stroke-dasharray="3 2"' : ""}/>`;
}

export function chartSvg(chart: TimelineChart): ChartSvg {
  const L = chart.labels;
  const parts: string[] = [];
  const axisStart = dayNumber(`${chart.fromYear}-01-01`);
  const axisEnd = dayNumber(`${chart.toYear + 1}-01-01`);
  const dayWidth = (PLOT.x1 - PLOT.x0) / (axisEnd - axisStart);
  const x = (iso: string): number => PLOT.x0 + (dayNumber(iso) - axisStart) * dayWidth;

  // Title and subtitle.
  parts.push(text(M.left, 42, fitText(chart.title, 26, CHART_WIDTH - 2 * M.left), { size: 26, weight: 600 }));
  parts.push(text(M.left, 68, chart.subtitle, { size: 15, fill: C.muted }));

  // Legend: one line of drawn symbols with their meaning.
  let lx = M.left;
  const ly = 98;
  const legend = (shape: string, label: string) => {
    parts.push(shape, text(lx + 26, ly + 5, label, { size: 13, fill: C.muted }));
    lx += 26 + textWidth(label, 13) + 22;
  };
  legend(`<circle cx="${lx + 9}" cy="${ly}" r="7" fill="${C.event}"/>`, L.legendEvent);
  legend(
    `<rect x="${lx}" y="${ly - 5}" width="20" height="10" rx="5" fill="${C.event}" fill-opacity="0.45" stroke="${C.event}"/>`,
    L.legendSpan,
  );
  legend(
    `<circle cx="${lx + 9}" cy="${ly}" r="7" fill="#ffffff" stroke="${C.event}" stroke-width="2" stroke-dasharray="3 2"/>`,
    L.legendInferred,
  );
  legend(`<rect x="${lx}" y="${ly - 7}" width="20" height="14" rx="3" fill="${C.inForce}"/>`, L.legendInForce);
  legend(
    `<rect x="${lx}" y="${ly - 7}" width="20" height="14" rx="3" fill="url(#ended)" stroke="${C.ended}" stroke-dasharray="4 2"/>`,
    L.legendEnded,
  );
  legend(diamond(lx + 9, ly, 8, C.anniversary), L.legendAnniversary);

  // Rows grow with their marks: spans that overlap in time go on separate lanes, bars go below them.
  const rowsLayout = chart.rows.map((row) => {
    const laneEnds: number[] = [];
    const lanes = row.marks.map((m) => {
      const x0 = x(m.start) - 8;
      const x1 = x(m.end ?? m.start) + 8;
      let lane = laneEnds.findIndex((end) => end < x0);
      if (lane < 0) lane = laneEnds.length;
      laneEnds[lane] = x1;
      return lane;
    });
    const laneCount = Math.max(1, laneEnds.length);
    const height = 26 + laneCount * LANE_H + (row.bars.length ? row.bars.length * 24 + 4 : 0) + 6;
    return { row, lanes, laneCount, height: Math.max(ROW_H, height) };
  });

  // Axis: a band per year, year labels, an anniversary lane on top.
  const axisTop = 128;
  const laneY = axisTop + 50;
  const rowsTop = laneY + 22;
  const rowsBottom = rowsTop + (rowsLayout.reduce((sum, r) => sum + r.height, 0) || ROW_H);
  for (let year = chart.fromYear; year <= chart.toYear; year++) {
    const x0 = x(`${year}-01-01`);
    const x1 = x(`${year + 1}-01-01`);
    if ((year - chart.fromYear) % 2 === 0) {
      parts.push(
        `<rect x="${x0.toFixed(1)}" y="${axisTop + 8}" width="${(x1 - x0).toFixed(1)}" height="${rowsBottom - axisTop - 8}" fill="${C.band}"/>`,
      );
    }
    parts.push(
      `<line x1="${x0.toFixed(1)}" y1="${axisTop + 8}" x2="${x0.toFixed(1)}" y2="${rowsBottom}" stroke="${C.grid}"/>`,
    );
    parts.push(text((x0 + x1) / 2, axisTop + 26, String(year), { size: 14, weight: 600, anchor: "middle" }));
  }
  parts.push(text(M.left, laneY + 5, L.anniversariesLane, { size: 13, fill: C.muted }));
  const annGroups: { x: number; keys: string[] }[] = [];
  for (const a of chart.anniversaries) {
    const year = Number(a.date.slice(0, 4));
    if (year > chart.toYear || year < chart.fromYear) continue;
    const ax = x(a.date);
    parts.push(diamond(ax, laneY, a.round ? 9 : 7, C.anniversary));
    const last = annGroups[annGroups.length - 1];
    if (last && ax - last.x < 22) last.keys.push(a.key);
    else annGroups.push({ x: ax, keys: [a.key] });
  }
  for (const g of annGroups) {
    parts.push(
      text(g.x, laneY - 13, g.keys.join(","), { size: 12, weight: 600, fill: C.anniversary, anchor: "middle" }),
    );
  }

  // Rows: partner name, event marks with their numbers, agreement bars below.
  let top = rowsTop;
  for (const { row, lanes, laneCount, height } of rowsLayout) {
    parts.push(`<line x1="${M.left}" y1="${top}" x2="${PLOT.x1}" y2="${top}" stroke="${C.grid}"/>`);
    parts.push(text(M.left, top + height / 2 + 5, fitText(row.label, 15, M.labels), { size: 15, weight: 600 }));
    // Marks at the same spot share one label ("5, 6") instead of printing numbers over each other.
    const groups: { x: number; lane: number; ns: string[] }[] = [];
    row.marks.forEach((m, i) => {
      const lane = lanes[i] ?? 0;
      const my = top + 26 + lane * LANE_H + LANE_H / 2;
      parts.push(markShape(m, x, my));
      const at = x(m.start);
      const label = `${m.n}${m.inferred ? "*" : ""}`;
      const near = groups.find((g) => g.lane === lane && Math.abs(at - g.x) < 18);
      if (near) near.ns.push(label);
      else groups.push({ x: at, lane, ns: [label] });
    });
    for (const g of groups) {
      const gy = top + 26 + g.lane * LANE_H + LANE_H / 2 + 4;
      parts.push(text(g.x - 11, gy, g.ns.join(", "), { size: 12, weight: 600, anchor: "end" }));
    }
    row.bars.forEach((bar, i) => {
      const x0 = x(bar.start);
      const w = Math.max(6, x(bar.end) - x0 + dayWidth);
      const y = top + 26 + laneCount * LANE_H + 4 + i * 24;
      const style =
        bar.state === "ended"
          ? `fill="url(#ended)" stroke="${C.ended}" stroke-dasharray="4 2"`
          : `fill="${bar.state === "in-force" ? C.inForce : C.notYet}"`;
      parts.push(`<rect x="${x0.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="18" rx="3" ${style}/>`);
      const cites = bar.cites.length ? ` [${bar.cites.join(",")}]` : "";
      if (w > 40) {
        const fill = bar.state === "in-force" ? "#ffffff" : C.ink;
        parts.push(text(x0 + 5, y + 13, fitText(`${bar.text}${cites}`, 12, w - 10), { size: 12, weight: 600, fill }));
      }
    });
    top += height;
  }
  parts.push(`<line x1="${M.left}" y1="${rowsBottom}" x2="${PLOT.x1}" y2="${rowsBottom}" stroke="${C.grid}"/>`);

  // Today: a dashed line over the whole axis.
  if (Number(chart.today.slice(0, 4)) >= chart.fromYear && Number(chart.today.slice(0, 4)) <= chart.toYear) {
    const tx = x(chart.today);
    parts.push(
      `<line x1="${tx.toFixed(1)}" y1="${axisTop + 34}" x2="${tx.toFixed(1)}" y2="${rowsBottom}" stroke="${C.today}" stroke-width="2" stroke-dasharray="6 4"/>`,
    );
    parts.push(text(tx - 4, rowsBottom + 16, L.today, { size: 12, weight: 600, fill: C.today, anchor: "end" }));
  }

  // The keys below: numbered events, undated events, anniversaries.
  let y = rowsBottom + 46;
  const keyWidth = CHART_WIDTH - M.left - M.right - 40;
  let budget = MAX_KEY_LINES;
  const heading = (label: string) => {
    parts.push(text(M.left, y, label, { size: 16, weight: 600 }));
    y += LINE_H + 4;
  };
  const keyLine = (key: string, body: string, keyColor = C.event) => {
    parts.push(text(M.left + 30, y, key, { size: 14, weight: 600, fill: keyColor, anchor: "end" }));
    parts.push(text(M.left + 40, y, fitText(body, 14, keyWidth), { size: 14 }));
    y += LINE_H;
    budget--;
  };
  const cites = (ns: number[]) => (ns.length ? ` [${ns.join(",")}]` : "");
  const marks = chart.rows.flatMap((r) => r.marks.map((m) => ({ m, row: r.label }))).sort((a, b) => a.m.n - b.m.n);
  if (marks.length) {
    heading(L.eventsKey);
    const shown = marks.slice(0, Math.max(1, budget - 10));
    for (const { m, row } of shown) {
      keyLine(`${m.n}${m.inferred ? "*" : ""}`, `${m.dateText} — ${m.title} · ${row}${cites(m.cites)}`);
    }
    if (shown.length < marks.length) keyLine("", L.more(marks.length - shown.length));
    if (marks.some((m) => m.m.inferred)) {
      parts.push(text(M.left + 40, y, L.inferredNote, { size: 12, fill: C.muted }));
      y += LINE_H;
    }
    y += 10;
  }
  const bars = chart.rows.flatMap((r) => r.bars.map((b) => ({ b, row: r.label })));
  if (bars.length) {
    heading(L.agreementsKey);
    for (const { b, row } of bars.slice(0, Math.max(1, budget - 8))) {
      parts.push(
        b.state === "ended"
          ? `<rect x="${M.left + 8}" y="${y - 11}" width="22" height="13" rx="2" fill="url(#ended)" stroke="${C.ended}" stroke-dasharray="4 2"/>`
          : `<rect x="${M.left + 8}" y="${y - 11}" width="22" height="13" rx="2" fill="${b.state === "in-force" ? C.inForce : C.notYet}"/>`,
      );
      keyLine("", `${b.title} · ${row} · ${b.text}${cites(b.cites)}`);
    }
    y += 10;
  }
  if (chart.undated.length) {
    heading(L.undatedKey);
    const shown = chart.undated.slice(0, Math.max(1, budget - 5));
    for (const u of shown) keyLine(String(u.n), `${u.title} · ${u.row}${cites(u.cites)}`, C.muted);
    if (shown.length < chart.undated.length) keyLine("", L.more(chart.undated.length - shown.length));
    y += 10;
  }
  if (chart.anniversaries.length) {
    heading(L.anniversariesKey);
    for (const a of chart.anniversaries) {
      const date = `${a.date.slice(8, 10)}/${a.date.slice(5, 7)}/${a.date.slice(0, 4)}`;
      keyLine(a.key, `${date} — ${a.text}${a.round ? ` (${L.roundMark})` : ""}`, C.anniversary);
    }
    y += 6;
  }
  parts.push(text(M.left, y + 8, L.sourcesNote, { size: 12, fill: C.muted }));
  const height = Math.ceil(y + 28);

  const defs = `<defs><pattern id="ended" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#eceff2"/><line x1="0" y1="0" x2="0" y2="8" stroke="${C.ended}" stroke-width="3"/></pattern></defs>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}" font-family="${CHART_FONT}">${defs}<rect width="100%" height="100%" fill="#ffffff"/>${parts.join("")}</svg>`;
  return { svg, width: CHART_WIDTH, height };
}
