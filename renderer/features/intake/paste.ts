/*
 * A worker table pasted from a spreadsheet (Excel / WPS copy tab-separated cells): name, ID number,
 * phone, amount. Every non-empty line becomes a row, even a broken one, so nothing pasted is lost; the
 * form's checks then mark the bad cells, and this parser names the lines whose shape is wrong (as
 * message keys, shown in the UI language).
 */
import { fieldMessage } from '../../i18n/field-message';
import type { WorkerRow } from './intake-schema';

export type PasteProblem = { line: number; message: string };
export type PasteResult = { rows: WorkerRow[]; problems: PasteProblem[] };

const HEADER = /^(姓名|名字|name)$/i;

/** Splits one line into cells: tabs first; a line without tabs may use commas (a CSV paste). */
function cells(line: string): string[] {
  const parts = line.includes('\t') ? line.split('\t') : line.split(/[,，]/);
  return parts.map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
}

export function parseWorkerPaste(text: string): PasteResult {
  const rows: WorkerRow[] = [];
  const problems: PasteProblem[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const c = cells(raw);
    if (rows.length === 0 && problems.length === 0 && HEADER.test(c[0] ?? '')) return; // a header row
    const [name = '', idNumber = '', phone = '', amount = '', ...extra] = c;
    // An ID pasted from Excel may have lost its digits to scientific notation (4.2E+17).
    const mangled = /^\d(\.\d+)?E\+\d+$/i.test(idNumber);
    rows.push({ name, idNumber: idNumber.replace(/\s/g, ''), phone: phone.replace(/\s/g, ''), amount });
    if (c.length < 2)
      problems.push({ line, message: fieldMessage('intake.pasteProblems.oneColumn', { line }) });
    else if (extra.some((x) => x !== ''))
      problems.push({
        line,
        message: fieldMessage('intake.pasteProblems.extraColumns', { line, extra: extra.join(' ') }),
      });
    if (mangled)
      problems.push({ line, message: fieldMessage('intake.pasteProblems.scientificId', { line }) });
  });
  if (rows.length === 0) problems.push({ line: 0, message: fieldMessage('intake.pasteProblems.nothing') });
  return { rows, problems };
}

/** Appends pasted rows, replacing the form's one blank starter row rather than leaving it empty above. */
export function mergeRows(existing: readonly WorkerRow[], pasted: readonly WorkerRow[]): WorkerRow[] {
  const blank = (w: WorkerRow) => w.name === '' && w.idNumber === '' && w.phone === '' && w.amount === '';
  return [...existing.filter((w) => !blank(w)), ...pasted];
}
