/** The real PaneEngine: the domain core's reader and presets, and the review loaded on demand. */
import { detectSheet, PRESETS } from "../core";
import type { PaneEngine } from "./engine";

export const coreEngine: PaneEngine = {
  presets: PRESETS,
  detect: (sheet, override) => detectSheet(sheet, override),
  review: async (grids, options) => {
    const { reviewWorkbook } = await import(/* webpackChunkName: "review" */ "../core/review/reviewWorkbook");
    return reviewWorkbook(grids, options);
  },
};
