/**
 * The fill each severity's marked rows get in the sheet: one table, so the marks Excel shows and
 * the legend the pane shows cannot disagree. Excel's own "light red / yellow" presets and a light blue.
 */
import type { Severity } from "./model";

export const MARK_COLORS: Record<Severity, string> = { error: "#FFC7CE", warning: "#FFEB9C", info: "#DDEBF7" };

/** A disputed row's own colour (lavender): it wins over its severity, the row has been handled. */
export const DISPUTED_MARK_COLOR = "#E4DFEC";
