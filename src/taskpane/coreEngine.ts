/** The real PaneEngine: the domain core's reader and presets; the review and recompute loaded on demand. */
import { detectSheet, PRESETS } from "../core";
import type { PaneEngine } from "./engine";

const loadReview = () => import(/* webpackChunkName: "review" */ "../core/review/reviewWorkbook");
const loadFigures = () => import(/* webpackChunkName: "review" */ "../core/figures/computeFigures");

export const coreEngine: PaneEngine = {
  presets: PRESETS,
  detect: (sheet, override) => detectSheet(sheet, override),
  review: async (grids, options) => (await loadReview()).reviewWorkbook(grids, options),
  recompute: async (basis, profile) => (await loadFigures()).recomputeFigures(basis, profile),
};
