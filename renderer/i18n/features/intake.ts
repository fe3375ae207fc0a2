/* UI strings of the intake feature: Chinese defines the keys, English is typed against them. */
import type { Widen } from '../messages';

export const intakeZh = {
  title: '新建案件',
  placeholder: '立案表单将在这里显示：案件类型、申请人、被申请人、请求事项。',
  back: '返回案件列表',
} as const;

export const intakeEn: Widen<typeof intakeZh> = {
  title: 'New case',
  placeholder: 'The intake form will appear here: case type, applicants, respondent, claims.',
  back: 'Back to cases',
};
