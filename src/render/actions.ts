// The picture and document offers shared by /province and /timeline: the `chart` argument they accept
// ("chart", "biểu đồ") and the buttons that ask for a chart or a briefing note.
import type { ArgSpec } from "../core/command";
import { type Lang, words } from "../core/i18n";
import type { Action } from "../core/reply";

export const chartArg: ArgSpec = {
  name: "view",
  localName: { vi: "dạng" },
  kind: "choice",
  required: false,
  choices: ["chart"],
  choiceAliases: { bieudo: "chart", chart: "chart", hinh: "chart", png: "chart" },
  description: { vi: "“chart” hay “biểu đồ”: trả lời bằng biểu đồ", en: "“chart”: answer with a picture" },
};

export function chartAction(command: string, lang: Lang): Action {
  return { command: `${command} chart`, label: words(lang).pictures.chartAction };
}

export function briefAction(province: string, lang: Lang): Action {
  return { command: `/brief ${province}`, label: words(lang).pictures.briefAction };
}
