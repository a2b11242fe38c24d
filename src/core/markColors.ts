/**
 * The fill each severity's marked rows get in the sheet: one table, so the marks Excel shows and
 * the legend the pane shows cannot disagree. Excel's own "light red / yellow" presets and a light blue.
 */
import type { Severity } from "./model";

export const MARK_COLORS: Record<Severity, string> = { error: "#FFC7CE", warning: "#FFEB9C", info: "#DDEBF7" };

/** A disputed row's own colour (lavender): it wins over its severity, the row has been handled. */
export const DISPUTED_MARK_COLOR = "#E4DFEC";

/** A severity's mark code (MARK_CODE's): the worse, the higher, so the worst finding of a row wins. */
export const SEVERITY_MARK_CODE: Readonly<Record<Severity, number>> = { info: 1, warning: 2, error: 3 };

/** The hidden sheet of mark codes that the conditional formats read: the add-in's and the marked copy's, so either clears the other's. */
export const MARK_HELPER_SHEET = "_granskning_marks";
