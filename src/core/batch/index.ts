/** Several invoice bases reviewed as one: combined figures, cross-file findings, the summary sheet. */
export { combineFigureBases, qualifiedSheet, splitQualifiedSheet, type BasisPart } from "./combineBases";
export { crossFileStays, type BatchFinding, type BatchPlace, type CrossFileInput, type CrossFileOutcome } from "./crossFile";
export { combineReviews, rowPlace, type BatchFileFailure, type BatchFileReview, type BatchFileSummary, type BatchResult } from "./reviewBatch";
export { batchSummarySpec, type BatchSheetOptions } from "./batchSheet";
export { batchSideBySide, qualifiedMatches, type FileDisputes } from "./batchDisputes";
export { CompactStays, type KeyedStays, type StayDetails } from "./compactStays";
export { batchReportInputOf, type BatchFileStays } from "./batchReportInput";
