/** Public API of the Extens bridge: reading an extract, eligibility, the weekly comparison and its CSV export. */
export { EXTENS_FIELDS, FIELD_LABELS, MappingSchema, SavedMappingSchema, SavedMappingsSchema, findSavedMapping, loadMapping, mappingProblems, normaliseHeader, resolveMapping, suggestMapping, unresolvedColumns, type ColumnRef, type ExtensField, type ExtensMapping, type SavedMapping } from './mapping';
export { decodeExtract, detectSeparator, looksLikeHeader, streamRows, type Encoding, type Separator } from './parse';
export { previewExtract, readExtract, type ExtractPerson, type ExtractResult, type RowError, type Enrolment, type ReadExtractOptions } from './extract';
export { judge, enrolledOn, heldOn, type Verdict, type EndCause, type EligibilityOptions } from './eligibility';
export { compare, comparisonJson, readRegister, type Comparison, type ListEntry, type ListEntryView, type Register } from './compare';
export { listToCsv, toExcelCsv, csvField, pnrAsText, LIST_CSV_HEADER } from './csv';
export { readPersonnummer, readDate, readFlag, readCertificate, readSchoolForm, readProgramme, readKommun, type Certificate, type Programme, type SchoolForm, type PersonId } from './values';
