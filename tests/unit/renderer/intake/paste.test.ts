/* Pasting a worker table from a spreadsheet: every line kept, broken lines named. */
import { describe, expect, it } from 'vitest';
import { mergeRows, parseWorkerPaste } from '../../../../renderer/features/intake/paste';
import { emptyWorker } from '../../../../renderer/features/intake/intake-schema';
import { say } from '../i18n/say';

describe('parseWorkerPaste', () => {
  it('reads tab-separated rows and skips a header and blank lines', () => {
    const text =
      '姓名\t身份证号\t电话\t金额\r\n张三\t420802198503120011\t13800138000\t8000\n\n李四\t 4208 0219 8503 120022 \t\t6,500.5\n';
    const r = parseWorkerPaste(text);
    expect(r.problems).toEqual([]);
    expect(r.rows).toEqual([
      { name: '张三', idNumber: '420802198503120011', phone: '13800138000', amount: '8000' },
      { name: '李四', idNumber: '420802198503120022', phone: '', amount: '6,500.5' },
    ]);
  });

  it('keeps broken rows and names their lines', () => {
    const r = parseWorkerPaste('王五\n赵六\t4.20802E+17\t139\t1\n钱七\t1\t2\t3\t多余');
    expect(r.rows).toHaveLength(3);
    expect(r.problems.map((p) => p.line)).toEqual([1, 2, 3]);
    const zh = r.problems.map((p) => say(p.message));
    expect(zh[0]).toMatch(/第1行只有一列/);
    expect(zh[1]).toMatch(/科学计数法/);
    expect(zh[2]).toMatch(/第3行多于4列.*多余/);
    const en = r.problems.map((p) => say(p.message, 'en'));
    expect(en[0]).toBe('Line 1 has one column; expected name, ID number, phone, amount');
    expect(en[1]).toMatch(/^Line 2: .*scientific notation/);
    expect(en[2]).toBe('Line 3 has more than 4 columns; not imported: 多余');
  });

  it('accepts comma-separated lines (CSV) and says when nothing was recognised', () => {
    expect(parseWorkerPaste('孙八,420802198503120011,13800138000,100').rows[0]?.phone).toBe('13800138000');
    const empty = parseWorkerPaste('  \n ');
    expect(empty.rows).toEqual([]);
    expect(say(empty.problems[0]?.message ?? '')).toMatch(/没有识别到任何行/);
    expect(say(empty.problems[0]?.message ?? '', 'en')).toMatch(/^No rows recognised/);
  });

  it('merging replaces the blank starter row and keeps typed rows', () => {
    const typed = { name: '周九', idNumber: '', phone: '', amount: '' };
    const pasted = [{ name: '吴十', idNumber: '', phone: '', amount: '' }];
    expect(mergeRows([emptyWorker()], pasted)).toEqual(pasted);
    expect(mergeRows([typed, emptyWorker()], pasted)).toEqual([typed, ...pasted]);
  });
});
