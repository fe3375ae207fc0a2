/*
 * The five-heart (五心) stage forms of domain.md §5.1 with their required (★) fields, the four-step
 * (四情四步) prompts of §5.2 shown as guidance, and the gate "no agreement until the ★ fields of stages
 * 1–4 are filled". Kept as data so the form can change (per Jingmen's validation) without new code.
 */
import type { CaseState, Note } from '#shared/case/state';
import { notesFor } from '#shared/case/selectors';

export type FieldKind = 'text' | 'longtext' | 'check' | 'select' | 'multi' | 'number';

/** One field of a stage form; `options` for select/multi; `internalOnly` fields never go to the main file. */
export type StageField = {
  readonly key: string;
  readonly zh: string;
  readonly en: string;
  readonly kind: FieldKind;
  readonly required: boolean;
  readonly options?: readonly string[];
  readonly internalOnly?: boolean;
};

export type StageForm = {
  readonly stage: 1 | 2 | 3 | 4 | 5;
  readonly zh: string;
  readonly en: string;
  readonly purposeZh: string;
  readonly fields: readonly StageField[];
};

const f = (
  key: string,
  zh: string,
  en: string,
  kind: FieldKind,
  required = false,
  extra: Partial<StageField> = {},
): StageField => ({ key, zh, en, kind, required, ...extra });

/** Notes whose fields.kind is one of these are not stage notes (ledger, transcript, agreement text). */
export const NOTE_KINDS = [
  'stage',
  'offer',
  'transcript',
  'transcript_addendum',
  'agreement_basis',
  'agreement_addendum',
] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export const noteKind = (n: Pick<Note, 'fields'>): NoteKind => {
  const k = n.fields['kind'];
  return typeof k === 'string' && (NOTE_KINDS as readonly string[]).includes(k) ? (k as NoteKind) : 'stage';
};

export const FIVE_HEART_FORMS: readonly StageForm[] = [
  {
    stage: 1,
    zh: '耐心倾听',
    en: 'Listen patiently',
    purposeZh: '让各方完整陈述，记录利益而不只是立场',
    fields: [
      f('session', '调解活动', 'Session', 'select', true),
      f('placeType', '地点类型', 'Place type', 'select', true, {
        options: ['厂区', '社区广场', '劳动者家中', '工地', '办公室'],
      }),
      f('participants', '参加人员', 'Participants', 'text', true),
      f('narrativeApplicant', '申请人陈述摘要', "Applicant's account", 'longtext', true),
      f('narrativeRespondent', '被申请人陈述摘要', "Respondent's account", 'longtext', true),
      f('claimsStated', '当事人所述请求', 'Claims as stated', 'longtext', true),
      f('emotions', '情绪观察', 'Emotions observed', 'select', false, {
        options: ['平静', '焦虑', '愤怒', '痛苦'],
      }),
      f('needs', '深层需求', 'Underlying needs', 'multi', false, {
        options: ['尽快拿到钱', '离职证明', '道歉', '保留工作', '回家过年'],
      }),
      f('urgent', '紧急需求', 'Urgent needs', 'multi', false, {
        options: ['先予执行', '法律援助', '紧急救助'],
      }),
      f('interpreter', '方言或翻译', 'Dialect / interpreter', 'text'),
      f(
        'informed',
        '已告知调解性质、原则、效力及当事人权利',
        'Parties informed of nature and rights',
        'check',
        true,
      ),
    ],
  },
  {
    stage: 2,
    zh: '公心说理',
    en: 'Reason impartially',
    purposeZh: '中立地讲清法律和可能结果',
    fields: [
      f('recusalChecked', '已完成利益冲突/回避自查', 'Conflict-of-interest check done', 'check', true),
      f('lawsExplained', '已释明的法律政策', 'Laws explained', 'multi', true, {
        options: [
          '劳动争议调解仲裁法第二十七条',
          '劳动争议调解仲裁法第四十七条',
          '劳动合同法第四十七条',
          '劳动合同法第八十二条',
          '劳动合同法第八十七条',
          '工伤保险条例',
          '保障农民工工资支付条例',
        ],
      }),
      f('calculation', '计算表（N、2N、欠薪等）', 'Calculation sheet', 'longtext', true),
      f('evidenceStatus', '各项请求证据情况', 'Evidence status per claim', 'longtext'),
      f('riskBriefing', '风险告知', 'Risk briefing', 'longtext'),
      f('neutrality', '中立性说明', 'Neutrality note', 'text'),
    ],
  },
  {
    stage: 3,
    zh: '交心沟通',
    en: 'Heart-to-heart',
    purposeZh: '背靠背沟通，建立信任、寻找空间',
    fields: [
      f('caucusLog', '背靠背沟通记录（时间、议题）', 'Caucus log', 'longtext', true),
      f('concerns', '私下表达的顾虑', 'Concerns disclosed', 'longtext'),
      f('bottomLine', '底线/保留金额（仅副卷）', 'Bottom line (internal only)', 'text', false, {
        internalOnly: true,
      }),
      f('thirdParties', '参与的第三方', 'Third parties engaged', 'text'),
      f('trustActions', '建立信任的做法', 'Trust-building actions', 'text'),
    ],
  },
  {
    stage: 4,
    zh: '诚心化解',
    en: 'Resolve sincerely',
    purposeZh: '提出方案并协商',
    fields: [
      f('options', '方案清单（金额、日期、分期、担保、非金钱事项）', 'Option list', 'longtext', true),
      f('obstacles', '障碍及处理', 'Obstacles and handling', 'longtext'),
      f('escalationRisk', '激化风险（群体性/极端）', 'Escalation risk', 'select', false, {
        options: ['无', '有，已报告'],
      }),
    ],
  },
  {
    stage: 5,
    zh: '同心和解',
    en: 'Reconcile together',
    purposeZh: '达成协议并维系关系',
    fields: [
      f('followUpDate', '回访日期', 'Follow-up date', 'text', true),
      f('followUpResult', '回访结果', 'Follow-up result', 'text'),
      f('relationship', '关系结果', 'Relationship outcome', 'select', false, {
        options: ['继续用工', '好聚好散'],
      }),
      f('satisfaction', '满意度（1–5）', 'Satisfaction (1–5)', 'number'),
    ],
  },
];

/** The four-step prompts of §5.2, shown inside stages 1–4 as guidance. */
export const FOUR_STEP_PROMPTS: readonly { zh: string; en: string; stage: number; prompts: string }[] = [
  {
    zh: '察人情',
    en: 'Understand the people',
    stage: 1,
    prompts:
      '家庭与经济状况（供养、疾病、债务、低保）、务工身份与籍贯、伤病、时间压力；用人单位资金与项目情况；困难者可申请法律援助（法律援助法第四十二条）。',
  },
  {
    zh: '讲案情',
    en: 'Explain the case',
    stage: 2,
    prompts:
      '无争议事实与争议事实两张清单；关键证据与缺口；法律分析摘要；向各方说明结果区间，并记录当事人已理解。',
  },
  {
    zh: '融温情',
    en: 'Add warmth',
    stage: 3,
    prompts:
      '提供的帮助（饮水、等候、交通、上门或床边调解）、转介（法律援助、工会困难帮扶、零工市场）、共情记录。',
  },
  {
    zh: '化心结',
    en: 'Untie the knots',
    stage: 4,
    prompts:
      '心结类型（对辞退方式的愤怒、面子、不信任老板、不公平感、家庭压力）、采取的行动（道歉、体面的措辞、第三方担保）、是否化解、遗留风险。',
  },
];

const filled = (v: unknown): boolean =>
  v === true ||
  (typeof v === 'number' && Number.isFinite(v)) ||
  (typeof v === 'string' && v.trim() !== '') ||
  (Array.isArray(v) && v.length > 0);

/** Current five-heart stage notes of a stage (any confidentiality: the internal file counts too). */
export const stageNotes = (state: CaseState, stage: number): Note[] =>
  notesFor(state, { method: 'five_heart', stage }).filter((n) => noteKind(n) === 'stage');

/** Offer ledger entries (stage 4 notes of kind 'offer'). */
export const offerNotes = (state: CaseState): Note[] =>
  notesFor(state, { method: 'five_heart', stage: 4 }).filter((n) => noteKind(n) === 'offer');

/** Whether a required field of a stage is filled by some current note. */
export function fieldDone(state: CaseState, stage: number, key: string): boolean {
  const notes = stageNotes(state, stage);
  if (key === 'session') return notes.some((n) => n.sessionId !== undefined || filled(n.fields['session']));
  return notes.some((n) => filled(n.fields[key]));
}

/** One missing required item: stage and field, with labels for the message. */
export type MissingField = {
  readonly stage: number;
  readonly key: string;
  readonly zh: string;
  readonly en: string;
};

/** The ★ fields of one stage that no note fills (stage 4 adds the offer ledger). */
export function missingInStage(state: CaseState, stage: number): MissingField[] {
  const form = FIVE_HEART_FORMS.find((x) => x.stage === stage);
  if (!form) return [];
  const out: MissingField[] = form.fields
    .filter((x) => x.required && !fieldDone(state, stage, x.key))
    .map((x) => ({ stage, key: x.key, zh: x.zh, en: x.en }));
  if (stage === 4 && offerNotes(state).length === 0)
    out.push({ stage, key: 'offers', zh: '出价/还价记录', en: 'Offer / counter-offer ledger' });
  return out;
}

/** Required-field count of a stage (stage 4 counts the ledger). */
export const requiredCount = (stage: number): number =>
  (FIVE_HEART_FORMS.find((x) => x.stage === stage)?.fields.filter((x) => x.required).length ?? 0) +
  (stage === 4 ? 1 : 0);

/** Everything that blocks finalising an agreement: the missing ★ fields of stages 1–4, in order. */
export function missingForAgreement(state: CaseState): MissingField[] {
  return [1, 2, 3, 4].flatMap((s) => missingInStage(state, s));
}

/** The gate's message, Chinese first: "尚缺：耐心倾听·参加人员、…". */
export function missingMessage(missing: readonly MissingField[]): { zh: string; en: string } {
  const stageZh = (s: number) => FIVE_HEART_FORMS.find((x) => x.stage === s)?.zh ?? '';
  const stageEn = (s: number) => FIVE_HEART_FORMS.find((x) => x.stage === s)?.en ?? '';
  return {
    zh: `协议尚不能定稿，以下必填项未填写：${missing.map((m) => `${stageZh(m.stage)}·${m.zh}`).join('、')}`,
    en: `The agreement cannot be finalised; required fields missing: ${missing.map((m) => `${stageEn(m.stage)} · ${m.en}`).join(', ')}`,
  };
}
