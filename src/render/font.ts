// The bundled font: Be Vietnam Pro (SIL OFL 1.1, assets/fonts/OFL.txt), taken unchanged from the npm package
// @expo-google-fonts/be-vietnam-pro 0.4.1 (TrueType; resvg reads no WOFF2; refresh with
// scripts/vendor-font.sh). It covers every Vietnamese letter and tone mark, so charts never show boxes.
import { fileURLToPath } from "node:url";

const FONT_DIR = fileURLToPath(new URL("../../assets/fonts/", import.meta.url));

/** Paths of the chart font's files: regular and semibold. */
export const CHART_FONT_FILES: readonly string[] = ["BeVietnamPro-Regular.ttf", "BeVietnamPro-SemiBold.ttf"].map(
  (file) => `${FONT_DIR}${file}`,
);
