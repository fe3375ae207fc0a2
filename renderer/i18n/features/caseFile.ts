/* UI strings of the caseFile feature: Chinese defines the keys, English is typed against them. */
import type { Widen } from '../messages';

export const caseFileZh = {
  title: '案件详情',
  caseId: '案件编号：{{id}}',
  placeholder: '案件卷宗（当事人、请求事项、证据、调解、庭审、文书、期限、时间线）将在这里显示。',
  back: '返回案件列表',
} as const;

export const caseFileEn: Widen<typeof caseFileZh> = {
  title: 'Case file',
  caseId: 'Case id: {{id}}',
  placeholder:
    'The case file (parties, claims, evidence, mediation, hearings, documents, deadlines, timeline) will appear here.',
  back: 'Back to cases',
};
