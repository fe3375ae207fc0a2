/* The case reducer in one import. */
export { reduceCase, REDUCER_VERSION } from './reduce';
export { activeTriggers } from './deadline-triggers';
export { isMainFile, notesFor, type NoteFilter } from './selectors';
export * from './state';
export * from './status';
export { caseDeadlines, nextCaseDeadline, type CaseDeadline } from './case-deadlines';
export { upgradeCaseState, type StoredCaseState } from './upgrade';
