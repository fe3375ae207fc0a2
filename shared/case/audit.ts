/*
 * The audit timeline: one line per event, applied or not, with a short Chinese summary. The labels
 * are a table keyed by event type, so a new type without a label fails to compile.
 */
import type { CaseEvent, EventType } from '#shared/events/envelope';
import type { AuditEntry } from './state';

const LABELS: Readonly<Record<EventType, string>> = {
  'case.opened': '登记立案',
  'case.accepted': '受理',
  'case.numbered': '编立案号',
  'case.assigned': '指派',
  'case.reassigned': '改派',
  'stage.advanced': '进入下一阶段',
  'party.added': '添加当事人',
  'party.corrected': '更正当事人信息',
  'claim.added': '添加请求事项',
  'claim.corrected': '更正请求事项',
  'evidence.added': '添加证据',
  'evidence.retracted': '撤回证据',
  'evidence.acknowledged': '对方质证意见',
  'note.recorded': '记录工作笔记',
  'session.held': '调解/调查/开庭',
  'transcript.recorded': '记录笔录',
  'transcript.signed': '笔录签名',
  'agreement.drafted': '起草协议',
  'agreement.signed': '签署协议',
  'payment.recorded': '记录履行款项',
  'case.referred': '转介/移送',
  'referral.answered': '转介答复',
  'deadline.extension_requested': '申请延期',
  'deadline.extended': '批准延期',
  'case.suspended': '中止',
  'case.resumed': '恢复',
  'review.commented': '审查意见',
  'closure.requested': '申请结案',
  'closure.approved': '批准结案',
  'case.returned': '退回补充',
  'case.closed': '结案',
  'conflict.resolved': '处理冲突',
  'document.issued': '出具文书',
  'audit.revealed': '查看敏感信息',
};

const yuan = (fen: number | undefined): string => (fen === undefined ? '' : ` ${(fen / 100).toFixed(2)}元`);

function detail(e: CaseEvent): string {
  if (e.type === 'stage.advanced') return ` → ${e.payload.to}`;
  if (e.type === 'case.closed') return `：${e.payload.closureType}`;
  if (e.type === 'claim.added') return `：${e.payload.item}${yuan(e.payload.amountClaimedFen)}`;
  if (e.type === 'payment.recorded') return `：${yuan(e.payload.amountFen).trim()}`;
  if (e.type === 'evidence.added') return `：${e.payload.caption || e.payload.fileName}`;
  if (e.type === 'case.numbered') return `：${e.payload.caseNumber}`;
  if (e.type === 'audit.revealed') return `：${e.payload.field}`;
  return '';
}

/** The event another event points at (corrects, retracts, resolves, comments on). */
function target(e: CaseEvent): string | null {
  const p: Record<string, unknown> = e.payload;
  for (const key of ['corrects', 'conflictId', 'refersTo']) {
    const v = p[key];
    if (typeof v === 'string') return v;
  }
  return null;
}

export function auditEntry(e: CaseEvent): AuditEntry {
  return {
    eventId: e.id,
    type: e.type,
    hlc: e.at.hlc,
    wall: e.at.wall,
    actor: { ...e.actor },
    conf: e.conf,
    summary: `${LABELS[e.type]}${detail(e)}`,
    corrects: target(e),
  };
}
