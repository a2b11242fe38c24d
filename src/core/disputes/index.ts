/** Disputes (bestridanden): records, reasons, matching by key, figures side by side, storage form, export. */
export * from "./reasons";
export * from "./dispute";
export * from "./match";
export * from "./figures";
export * from "./store";
export * from "./exportList";
export * from "./fromFindings";
export * from "./listWorkbook";
export * from "./disputeSheet";
export * from "./sideBySideRows";
