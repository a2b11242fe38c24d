/**
 * The public surface of the domain core, for hosts (task pane, headless command) and tests.
 * Everything here is pure TypeScript: no Office.js, React, DOM or Node APIs.
 */
export * from "./cells/cellValue";
export * from "./cells/localDate";
export * from "./model";
export * from "./sheet/fields";
export type { SheetReading } from "./sheet/sheetReading";
export * from "./agreements/profileSchema";
export * from "./review/result";
export { reviewWorkbook, type ReviewOptions } from "./review/reviewWorkbook";
export { ReviewError } from "./review/reviewError";
export { recomputeFigures, type RecomputeOptions } from "./figures/computeFigures";
export { detectSheet, type Detection } from "./sheet/detectSheet";
export { PRESETS, getPreset, copyProfile } from "./agreements/presets";
export { PRICE_TABLE } from "./agreements/priceTable";
export { maskPersonId, maskIdsInText, privateText, quoteId } from "./cells/mask";
export { keyWorkbookStays, type KeyWorkbookOptions } from "./stays/keyWorkbook";
export { StayKeyIndex, baseStayKey, baseOfKey, stayContent, stayFingerprint, type KeyedStay } from "./stays/stayKey";
export * from "./scenarios";
export { describeRules } from "./agreements/describeRules";
export { figuresByMunicipality, type MunicipalityFigures } from "./figures/byMunicipality";
export { totalsOf } from "./figures/totals";
export { MARK_COLORS, DISPUTED_MARK_COLOR, MARK_HELPER_SHEET, SEVERITY_MARK_CODE } from "./markColors";
export { MARK_CODE, keyedMarks, rowCodesFromKeys, type KeyedMark } from "./stays/keyedMarks";
export type { DisputeHost, DisputeSupport, RemoveAllResult } from "./ports/disputeHost";
export { formatFixed } from "./cells/numberText";
export type { CancelSignal, ReadProgress, ResultSheetContext, SheetPreview, WorkbookHost } from "./ports/workbookHost";
export { SCENARIO_STORAGE_LIMIT } from "./ports/workbookHost";
export * from "./figures/figureLabels";
export { FINDING_TITLES, findingTitle, severityOf } from "./checks/catalog";
export { cappedList, shortText } from "./checks/messages";
export { decidedBeyondColumn, emptyCareTypeCounts, type CareTypeCounts, type CareTypeDecision, type SheetCareType } from "./sheet/careTypeHints";
export * from "./disputes";
export * from "./sheets/sheetSpec";
export * from "./batch";
export * from "./reports";
