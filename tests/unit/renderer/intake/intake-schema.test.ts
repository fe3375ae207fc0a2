/* The intake form schema: shared/law validators mapped onto the fields, messages in Chinese. */
import { describe, expect, it } from 'vitest';
import {
  defaultIntake,
  intakeSchema,
  type IntakeForm,
} from '../../../../renderer/features/intake/intake-schema';
import type { Language } from '../../../../renderer/i18n/language';
import { say } from '../i18n/say';
import { badCheckCreditCode, creditCode, residentId } from './ids';

const TODAY = '2026-11-28';

function form(patch: Partial<IntakeForm> = {}): IntakeForm {
  const f = defaultIntake();
  f.workers = [{ name: '张三', idNumber: residentId(1), phone: '13800138000', amount: '8,000' }];
  f.employer = { ...f.employer, name: '荆门市某建筑劳务有限公司', creditCode: creditCode(7) };
  f.claims = [{ item: 'WAGE_ARREARS', amount: '12000.50', description: '' }];
  return { ...f, ...patch };
}

/** The messages per field, in the words the form shows (Chinese unless asked otherwise). */
function issues(f: IntakeForm, language: Language = 'zh-CN'): Record<string, string> {
  const r = intakeSchema(TODAY).safeParse(f);
  if (r.success) return {};
  return Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), say(i.message, language)]));
}

describe('intake schema', () => {
  it('accepts a complete wage case', () => {
    expect(issues(form())).toEqual({});
  });

  it('marks a wrong ID check digit on that worker, in Chinese', () => {
    const id = residentId(3);
    const wrong = id.slice(0, 17) + (id.endsWith('1') ? '2' : '1');
    const out = issues(form({ workers: [{ name: '李四', idNumber: wrong, phone: '', amount: '' }] }));
    expect(out['workers.0.idNumber']).toMatch(/校验位错误/);
  });

  it('refuses a birth date after today and an impossible one', () => {
    const future = residentId(5, '2027-01-01');
    const out = issues(form({ workers: [{ name: '王五', idNumber: future, phone: '', amount: '' }] }));
    expect(out['workers.0.idNumber']).toMatch(/出生日期晚于今天/);
    const feb30 = '42080219850230001';
    const out2 = issues(form({ workers: [{ name: '王五', idNumber: `${feb30}X`, phone: '', amount: '' }] }));
    expect(out2['workers.0.idNumber']).toMatch(/出生日期不存在/);
  });

  it('checks phones, names and amounts per row', () => {
    const out = issues(
      form({
        workers: [
          { name: '', idNumber: '', phone: '1234', amount: '-5' },
          { name: '赵六', idNumber: '', phone: '', amount: '1.234' },
          { name: '钱七', idNumber: '', phone: '', amount: '999999999' },
        ],
      }),
    );
    expect(out['workers.0.name']).toBe('请填写姓名');
    expect(out['workers.0.phone']).toMatch(/手机号码/);
    expect(out['workers.0.amount']).toMatch(/负数/);
    expect(out['workers.1.amount']).toBeDefined();
    expect(out['workers.2.amount']).toMatch(/金额过大/);
  });

  it('flags a duplicated ID with the row it repeats', () => {
    const id = residentId(9);
    const out = issues(
      form({
        workers: [
          { name: '甲', idNumber: id, phone: '', amount: '' },
          { name: '乙', idNumber: id.toLowerCase(), phone: '', amount: '' },
        ],
      }),
    );
    expect(out['workers.1.idNumber']).toBe('与第1行身份证号码重复');
  });

  it('a credit code failing its check is a warning that a reason overrides', () => {
    const code = badCheckCreditCode(11);
    const f = form();
    f.employer = { ...f.employer, creditCode: code };
    expect(issues(f)['employer.overrideReason']).toMatch(/校验码不符.*填写理由/);
    f.employer.overrideReason = '早期试点地区代码，营业执照原件已核对';
    expect(issues(f)).toEqual({});
  });

  it('a malformed credit code cannot be overridden', () => {
    const f = form();
    f.employer = { ...f.employer, creditCode: '91420800ABCDEFGHIO', overrideReason: '理由' };
    expect(issues(f)['employer.creditCode']).toMatch(/不允许的字符/);
  });

  it('needs a category, an employer name and at least one worker', () => {
    const f = form({ categories: [], workers: [] });
    f.employer = { ...f.employer, name: ' ' };
    const out = issues(f);
    expect(out.categories).toBe('至少选择一个争议类别');
    expect(out.workers).toBe('至少需要一名申请人');
    expect(out['employer.name']).toMatch(/被申请人/);
  });

  it('checks the construction chain: crew leader ID, company credit codes', () => {
    const out = issues(
      form({
        chain: [
          { chainRole: 'crew_leader', partyRole: 'respondent', name: '包工头老刘', code: '123', phone: '' },
          { chainRole: 'general_contractor', partyRole: 'third_party', name: '', code: '', phone: '' },
        ],
      }),
    );
    expect(out['chain.0.code']).toMatch(/身份号码应为18位/);
    expect(out['chain.1.name']).toBe('请填写名称或姓名');
  });

  it('refuses impossible employment dates: end before start, a worker born after the start, the future', () => {
    const worker = { name: '张三', idNumber: residentId(1, '1990-05-01'), phone: '', amount: '' };
    const out = issues(form({ joinDate: '2024-03-01', leaveDate: '2024-02-01', workers: [worker] }));
    expect(out.leaveDate).toBe('离职日期早于入职日期（2024-03-01）');
    const born = issues(form({ joinDate: '1989-01-01', workers: [worker] }));
    expect(born['workers.0.idNumber']).toMatch(/出生日期 1990-05-01 不早于入职日期 1989-01-01/);
    expect(issues(form({ knewDate: '2027-01-01' })).knewDate).toBe('日期不能晚于今天');
    expect(issues(form({ joinDate: '2024-02-30' })).joinDate).toBe('日期不存在：2024-02-30');
    expect(issues(form({ joinDate: '2020-01-01', leaveDate: '2026-10-31', workers: [worker] }))).toEqual({});
  });
});

describe('intake messages in the English UI', () => {
  it('every message of a bad form reads in English, none in Chinese', () => {
    const id = residentId(3);
    const wrong = id.slice(0, 17) + (id.endsWith('1') ? '2' : '1');
    const f = form({
      categories: [],
      joinDate: '2024-03-01',
      leaveDate: '2024-02-01',
      workers: [
        { name: '', idNumber: wrong, phone: '1234', amount: '-5' },
        { name: '赵六', idNumber: '', phone: '', amount: '999999999' },
      ],
      chain: [{ chainRole: 'general_contractor', partyRole: 'third_party', name: '', code: '', phone: '' }],
    });
    f.employer = { ...f.employer, name: '', creditCode: badCheckCreditCode(11) };
    const out = issues(f, 'en');
    expect(out).toMatchObject({
      categories: 'Choose at least one dispute category',
      'workers.0.name': 'Enter the name',
      'workers.1.amount': 'Amount too large (over ¥100 million); please check',
      leaveDate: 'Employment ends before it began (2024-03-01)',
      'employer.name': 'Enter the respondent (employer) name',
      'chain.0.name': 'Enter the name',
    });
    // shared/law's own English for the ID, phone and amount checks.
    expect(out['workers.0.idNumber']).toMatch(/check/i);
    expect(out['workers.0.phone']).toMatch(/mobile|phone/i);
    expect(out['workers.0.amount']).toMatch(/negative/i);
    expect(out['employer.overrideReason']).toMatch(/give a reason and save$/);
    expect(Object.entries(out).filter(([, text]) => /[\u4e00-\u9fff]/.test(text))).toEqual([]);
  });

  it('the same form in Chinese', () => {
    const f = form({ categories: [], joinDate: '2024-02-30' });
    expect(issues(f, 'zh-CN')).toEqual({
      categories: '至少选择一个争议类别',
      joinDate: '日期不存在：2024-02-30',
    });
    expect(issues(f, 'en')).toEqual({
      categories: 'Choose at least one dispute category',
      joinDate: 'No such date: 2024-02-30',
    });
  });
});
