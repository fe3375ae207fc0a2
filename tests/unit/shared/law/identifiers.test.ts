import { describe, expect, it } from 'vitest';
import {
  acceptCheck,
  convertResidentId15To18,
  creditCodeCheckChar,
  generateCreditCode,
  generateResidentId,
  maskIdNumber,
  maskPhone,
  organizationCodeCheckChar,
  residentIdCheckChar,
  seededRng,
  validateCreditCode,
  validateLandline,
  validateLegacyRegistrationNumber,
  validateMobilePhone,
  validatePassport,
  validateResidencePermit,
  validateResidentId,
} from '#shared/law/identifiers';

const today = '2026-11-28';
const withCheck = (first17: string): string => first17 + residentIdCheckChar(first17);

describe('resident ID (GB 11643-1999)', () => {
  it('MOD 11-2 check digit, including X (GB 11643-1999 §6.2; domain.md §4.4 vectors)', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('44052418800101001')).toBe('4');
    expect(validateResidentId('11010519491231002X', { today }).status).toBe('valid');
    expect(validateResidentId('11010519491231002x', { today }).status).toBe('valid');
    expect(validateResidentId('440524188001010014', { today }).status).toBe('valid');
  });
  it('rejects a wrong check digit and says which one is expected', () => {
    const r = validateResidentId('110105194912310021', { today });
    expect(r.status).toBe('invalid');
    if (r.status === 'invalid') expect(r.reasons[0]?.zh).toContain('应为 X');
  });
  it('extracts birth date, sex from the sequence digit (odd = male) and age against the injected today', () => {
    const r = validateResidentId('11010519491231002X', { today });
    expect(r).toMatchObject({
      status: 'valid',
      value: { birthDate: '1949-12-31', sex: 'female', ageYears: 76 },
    });
    const male = validateResidentId(withCheck('42080219900101123'), { today });
    expect(male).toMatchObject({ value: { sex: 'male', birthDate: '1990-01-01', minor: false } });
  });
  it('rejects birth dates that do not exist or lie after today', () => {
    expect(validateResidentId(withCheck('42080219900230123'), { today }).status).toBe('invalid');
    expect(validateResidentId(withCheck('42080220000229123'), { today }).status).toBe('valid');
    expect(validateResidentId(withCheck('42080219000229123'), { today }).status).toBe('invalid');
    const future = validateResidentId(withCheck('42080220261129123'), { today });
    expect(future.status).toBe('invalid');
    if (future.status === 'invalid') expect(future.reasons[0]?.code).toBe('id_birth_future');
    expect(validateResidentId(withCheck('42080220261128124'), { today }).status).toBe('warning');
  });
  it('under 16 is an overridable warning (劳动法 Art. 15), 16–17 valid but flagged minor', () => {
    const child = validateResidentId(withCheck('42080220110101123'), { today });
    expect(child).toMatchObject({ status: 'warning', overridable: true });
    expect(acceptCheck(child).ok).toBe(false);
    expect(acceptCheck(child, '童工案件当事人').ok).toBe(true);
    const teen = validateResidentId(withCheck('42080220091128123'), { today });
    expect(teen).toMatchObject({ status: 'valid', value: { ageYears: 17, minor: true } });
    const sixteen = validateResidentId(withCheck('42080220101128123'), { today });
    expect(sixteen).toMatchObject({ status: 'valid', value: { ageYears: 16 } });
  });
  it('rejects bad formats and unknown province codes; points residence permits to the right type', () => {
    expect(validateResidentId('4208021990010112', { today }).status).toBe('invalid');
    expect(validateResidentId('42080219900101123Y', { today }).status).toBe('invalid');
    expect(validateResidentId(withCheck('99080219900101123'), { today }).status).toBe('invalid');
    const permit = validateResidentId(withCheck('81000019900101123'), { today });
    expect(permit.status === 'invalid' && permit.reasons[0]?.code).toBe('id_is_permit');
  });
  it('converts a 15-digit ID by inserting 19 and computing the check digit', () => {
    const r = convertResidentId15To18('110105491231002');
    expect(r).toEqual({ ok: true, value: '11010519491231002X' });
    expect(convertResidentId15To18('11010549123100').ok).toBe(false);
    expect(convertResidentId15To18('110105490231002').ok).toBe(false);
  });
});

describe('residence permits for HK/Macao/Taiwan residents (domain.md §4.4)', () => {
  it('accepts 810000/820000/830000 prefixes with the same check digit', () => {
    expect(validateResidencePermit(withCheck('81000019900101123'), { today })).toMatchObject({
      value: { region: 'hongkong' },
    });
    expect(validateResidencePermit(withCheck('82000019900101124'), { today })).toMatchObject({
      value: { region: 'macao' },
    });
    expect(validateResidencePermit(withCheck('83000019900101123'), { today })).toMatchObject({
      value: { region: 'taiwan' },
    });
  });
  it('rejects other prefixes and bad check digits', () => {
    expect(validateResidencePermit(withCheck('42080219900101123'), { today }).status).toBe('invalid');
    expect(validateResidencePermit('810000199001011230', { today }).status).toBe(
      residentIdCheckChar('81000019900101123') === '0' ? 'valid' : 'invalid',
    );
  });
});

describe('unified social credit code (GB 32100-2015, org code GB 11714)', () => {
  it('validates the known-good codes from domain.md §4.4', () => {
    for (const code of ['91440300708461136T', '91350100M000100Y43', '91110000802100433B']) {
      expect(validateCreditCode(code).status, code).toBe('valid');
    }
    expect(organizationCodeCheckChar('70846113')).toBe('6');
    expect(creditCodeCheckChar('91440300708461136')).toBe('T');
  });
  it('a failed check is an overridable warning with Chinese and English reasons (pilot codes)', () => {
    const r = validateCreditCode('91350100M0001TGQXM');
    expect(r.status).toBe('warning');
    if (r.status === 'warning') {
      expect(r.overridable).toBe(true);
      expect(r.reasons.length).toBeGreaterThan(0);
      expect(r.reasons[0]?.zh).toMatch(/校验/);
      expect(r.reasons[0]?.en).toMatch(/check/i);
    }
    expect(acceptCheck(r, '').ok).toBe(false);
    expect(acceptCheck(r, '早期试点地区赋码，已核对营业执照')).toMatchObject({ ok: true });
  });
  it('a wrong final character alone is a warning naming the expected character', () => {
    const r = validateCreditCode('91440300708461136A');
    expect(r.status === 'warning' && r.reasons.map((m) => m.code)).toEqual(['uscc_check']);
  });
  it('a wrong embedded organisation code check is reported separately', () => {
    const first17 = '9144030070846113' + '7';
    const r = validateCreditCode(first17 + creditCodeCheckChar(first17));
    expect(r.status === 'warning' && r.reasons.map((m) => m.code)).toEqual(['uscc_org_check']);
  });
  it('wrong length or forbidden letters (I, O, S, V, Z) are invalid, not warnings', () => {
    expect(validateCreditCode('91440300708461136').status).toBe('invalid');
    expect(validateCreditCode('91440300708461136I').status).toBe('invalid');
    expect(validateCreditCode(' 9144 0300 7084 6113 6t ').status).toBe('valid');
  });
  it('legacy 15-digit registration numbers: format only', () => {
    expect(validateLegacyRegistrationNumber('420800000012345').status).toBe('valid');
    expect(validateLegacyRegistrationNumber('020800000012345').status).toBe('invalid');
  });
});

describe('passports and phones', () => {
  it('Chinese passport formats E+8, E+letter+7, G+8', () => {
    for (const p of ['E12345678', 'EA1234567', 'G12345678', 'e12345678'])
      expect(validatePassport(p, 'CN').status, p).toBe('valid');
    for (const p of ['E1234567', 'EI1234567', 'X12345678', '123456789'])
      expect(validatePassport(p, 'CN').status, p).toBe('invalid');
  });
  it('foreign passport: 5–17 letters or digits', () => {
    expect(validatePassport('AB123456', 'foreign').status).toBe('valid');
    expect(validatePassport('AB-12', 'foreign').status).toBe('invalid');
  });
  it('mainland mobile ^1[3-9]\\d{9}$ with +86 and separators tolerated', () => {
    expect(validateMobilePhone('13812345678')).toEqual({ status: 'valid', value: '13812345678' });
    expect(validateMobilePhone('+86 138-1234-5678')).toEqual({ status: 'valid', value: '13812345678' });
    expect(validateMobilePhone('12812345678').status).toBe('invalid');
    expect(validateMobilePhone('1381234567').status).toBe('invalid');
    expect(validateLandline('0724-1234567').status).toBe('valid');
    expect(validateLandline('724-1234567').status).toBe('invalid');
  });
});

describe('masking for display (domain.md §4.5)', () => {
  it('keeps the first 4 and last 4 characters of an ID', () => {
    expect(maskIdNumber('420502199001011234')).toBe('4205**********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskIdNumber('110105491231002')).toBe('1101*******1002');
    expect(maskIdNumber('E1234')).toBe('E****');
    expect(maskIdNumber('12')).toBe('**');
  });
  it('masks phones as 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0724-1234567')).toBe('072****4567');
    expect(maskPhone('123')).toBe('***');
  });
});

describe('generators for demo data', () => {
  it('generate valid resident IDs deterministically with the requested birth, sex and region', () => {
    const a = generateResidentId(seededRng(7), { birth: '1988-02-29', sex: 'female', region: '420802' });
    const b = generateResidentId(seededRng(7), { birth: '1988-02-29', sex: 'female', region: '420802' });
    expect(a).toEqual(b);
    expect(a.ok && validateResidentId(a.value, { today })).toMatchObject({
      status: 'valid',
      value: { birthDate: '1988-02-29', sex: 'female', addressCode: '420802' },
    });
    const rng = seededRng(1);
    for (let i = 0; i < 200; i += 1) {
      const id = generateResidentId(rng, { birth: '1975-06-15', sex: i % 2 ? 'male' : 'female' });
      expect(id.ok && validateResidentId(id.value, { today })).toMatchObject({
        status: 'valid',
        value: { sex: i % 2 ? 'male' : 'female' },
      });
    }
    expect(generateResidentId(rng, { birth: '1975-02-30', sex: 'male' }).ok).toBe(false);
  });
  it('generate credit codes that pass both checks', () => {
    const rng = seededRng(42);
    for (let i = 0; i < 300; i += 1) {
      const code = generateCreditCode(rng);
      expect(code.ok && validateCreditCode(code.value).status).toBe('valid');
    }
    expect(generateCreditCode(seededRng(3))).toEqual(generateCreditCode(seededRng(3)));
    expect(generateCreditCode(rng, { division: '42080' }).ok).toBe(false);
  });
});
