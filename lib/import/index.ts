// The file-import layer: pure (no database), server-side (node:zlib guards .xlsx). Callers apply
// a result's rows only when `ok` is true, and then all of them in one transaction
// (docs/decisions/0007-file-import.md).
export {
  MAX_IMPORT_BYTES,
  ENCODING_LABELS,
  checkFileSize,
  decodeText,
  sniffFormat,
  type TDetectedEncoding,
} from "./decode";
export { parseCsv, type TRawRow } from "./csv";
export { readXlsx, MAX_XLSX_ROWS, MAX_XLSX_COLUMNS } from "./xlsx";
export { inspectZip, MAX_XLSX_UNCOMPRESSED_BYTES } from "./zip-guard";
export { readTableFile, type TImportFile, type TRawTable, type TFileFormat, type TReadOptions } from "./read";
export {
  columnLetter,
  isFormulaLike,
  mapTable,
  neutralizeFormula,
  normalizeHeader,
  type TColumnSpec,
  type TMappedRow,
  type TMappedTable,
} from "./table";
export {
  MAX_REPORTED_ISSUES,
  formatIssue,
  formatIssuesForCli,
  type TImportIssue,
  type TImportIssueCode,
} from "./issues";
export type { TImportResult, TImportStats } from "./result";
export * from "./roster";
export * from "./zones";
export * from "./population";
export * from "./ndb";
export * from "./paper";
