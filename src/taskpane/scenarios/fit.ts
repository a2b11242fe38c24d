import { makeStyles } from "@fluentui/react-components";

/** A select whose options are long (preset names) shrinks to the pane instead of widening it. */
export const useFitStyles = makeStyles({ fit: { minWidth: 0, maxWidth: "100%", width: "100%" } });
