/*
 * Demo people and employers: Chinese names, valid resident ids and unified social credit codes
 * (shared/law generators), all from one seeded rng so a demo hub is reproducible. Never real parties.
 */
import { generateCreditCode, generateResidentId, type Rng } from '#shared/law/identifiers';

const SURNAMES = Array.from(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢',
);
const GIVEN = Array.from(
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文斌宇浩凯鹏辉玲兰萍波春燕亮成林海',
);
const TOWNS = ['荆门', '掇刀', '东宝', '沙洋', '钟祥', '京山', '漳河', '子陵'];
const TRADES = [
  ['建筑劳务', '建筑'],
  ['机械制造', '制造'],
  ['物流', '运输'],
  ['餐饮管理', '餐饮'],
  ['电子科技', '电子'],
  ['化工', '化工'],
  ['物业服务', '物业'],
  ['农业开发', '农业'],
] as const;
const SUFFIX = ['有限公司', '有限责任公司', '股份有限公司'];
const JOBS = [
  '钢筋工',
  '木工',
  '普工',
  '焊工',
  '装卸工',
  '厨师',
  '服务员',
  '保安',
  '司机',
  '质检员',
  '仓管员',
  '电工',
];

export type Pick = <T>(xs: readonly T[]) => T;
export const picker =
  (rng: Rng): Pick =>
  <T>(xs: readonly T[]): T =>
    xs[Math.min(xs.length - 1, Math.floor(rng() * xs.length))] as T;

export const intIn = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

export function chineseName(rng: Rng): string {
  const pick = picker(rng);
  const given = rng() < 0.6 ? pick(GIVEN) + pick(GIVEN) : pick(GIVEN);
  return pick(SURNAMES) + given;
}

export type DemoWorker = {
  name: string;
  idNumber: string;
  sex: 'male' | 'female';
  birthDate: string;
  occupation: string;
  phone: string;
};

export function demoWorker(rng: Rng): DemoWorker {
  const sex = rng() < 0.7 ? 'male' : 'female';
  const birthDate = `${String(intIn(rng, 1965, 2003))}-${String(intIn(rng, 1, 12)).padStart(2, '0')}-${String(intIn(rng, 1, 28)).padStart(2, '0')}`;
  const id = generateResidentId(rng, { birth: birthDate, sex });
  return {
    name: chineseName(rng),
    idNumber: id.ok ? id.value : '',
    sex,
    birthDate,
    occupation: picker(rng)(JOBS),
    phone: `1${String(intIn(rng, 3, 9))}${String(intIn(rng, 0, 999_999_999)).padStart(9, '0')}`,
  };
}

export type DemoEmployer = { name: string; creditCode: string; legalRepresentative: string; trade: string };

export function demoEmployer(rng: Rng): DemoEmployer {
  const pick = picker(rng);
  const [business, trade] = pick(TRADES);
  const code = generateCreditCode(rng);
  return {
    name: `${pick(TOWNS)}市${pick(['恒', '鑫', '华', '盛', '隆', '泰', '安', '达'])}${pick(['远', '通', '兴', '发', '昌', '顺'])}${business}${pick(SUFFIX)}`,
    creditCode: code.ok ? code.value : '',
    legalRepresentative: chineseName(rng),
    trade,
  };
}
