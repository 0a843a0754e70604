// SVG → PNG in process with resvg (no browser). System fonts are never consulted, so a picture looks the
// same on every host and a missing glyph cannot be papered over by whatever the host has installed.
import { Resvg } from "@resvg/resvg-js";
import { CHART_FONT } from "./chart";

export interface Png {
  bytes: Uint8Array;
  width: number;
  height: number;
}

export function svgToPng(svg: string, fontFiles: readonly string[]): Png {
  const resvg = new Resvg(svg, {
    font: { fontFiles: [...fontFiles], loadSystemFonts: false, defaultFontFamily: CHART_FONT },
  });
  const image = resvg.render();
  return { bytes: new Uint8Array(image.asPng()), width: image.width, height: image.height };
}
