/** Public API of the SCB file module. */
export { validateScbFile, isRealIsoDate, type Finding, type ScbReport, type ValidateOptions, type Verdict, type Severity } from './validate';
export { groupFindingsByPerson, mapScbErrorList, type PersonFindings, type ScbErrorEntry, type MapErrorOptions } from './report';
export { loadProfile, defaultProfile, deadlineFor, profileAppliesTo, codeLabel, ScbProfileSchema, type ScbProfile, type ScbColumn, type ProfileError, type LoadProfileResult } from './profile';
export { RULES, EXCEL_MESSAGE, ruleText, type RuleText } from './rules';
export { sha256Hex } from './hash';
export { safeFileName, prepareSave, type SavePlan } from './save';
export { decodeWindows1252, splitLines, decodeAndSplit } from './decode';
export { formatReportText } from './format';
