export { createExcelHost, dateSystemFromSerial, type ExcelHost } from "./excelHost";
export { ExcelHostError, type ExcelHostErrorCode } from "./excelHostError";
export { checkRequirementsWith, MINIMUM_EXCEL_API, type RequirementReport, type ExcelFeatures } from "./requirements";
export { HELPER_SHEET } from "./marks";
export { RESULT_SHEET } from "./resultSheet";
export { hostLook, isDarkColor, REQUIRED_API, startOffice, type HostLook, type OfficeContextLike, type OfficeStart } from "./officeEnv";
