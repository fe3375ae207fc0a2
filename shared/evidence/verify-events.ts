/*
 * The event half of a package check: every included event parses, belongs to the package's case, is an
 * evidence event, hashes and verifies against its device key, is listed in the signed header (and every
 * listed id is present), is not later than the export, and every retraction names an included addition.
 */
import type { CaseEvent } from '#shared/events/envelope';
import { compareHlc } from '#shared/events/hlc';
import { parseCaseEvent } from '#shared/events/parse';
import { verifyEventLog, type VerifyIssueKind } from '#shared/events/verify';
import { assertNever } from '#shared/util/assert-never';
import { failure, type EvidenceFailure, type EvidenceFailureCode } from './failures';
import { isEvidenceEvent, type ManifestHeader } from './manifest';

const ISSUE_CODES: Record<VerifyIssueKind, EvidenceFailureCode> = {
  bad_hash: 'event_bad_hash',
  bad_signature: 'event_bad_signature',
  unknown_device: 'event_unknown_device',
  chain_gap: 'event_chain_broken',
  fork: 'event_chain_broken',
  prev_mismatch: 'event_chain_broken',
  id_conflict: 'event_chain_broken',
};

function issueMessage(kind: VerifyIssueKind, detail: string): string {
  switch (kind) {
    case 'bad_hash':
      return `事件内容与其哈希不符（清单条目被改过）：${detail}`;
    case 'bad_signature':
      return `事件签名验证失败（哈希或签名被改过）：${detail}`;
    case 'unknown_device':
      return `包中没有写入该事件的设备公钥：${detail}`;
    case 'chain_gap':
    case 'fork':
    case 'prev_mismatch':
    case 'id_conflict':
      return `设备事件链不一致：${detail}`;
    default:
      return assertNever(kind, 'verify issue');
  }
}

/** Parses the raw events; unparseable ones become failures (by index; their id may be garbage). */
export function parseEvents(raw: readonly unknown[]): { events: CaseEvent[]; failures: EvidenceFailure[] } {
  const events: CaseEvent[] = [];
  const failures: EvidenceFailure[] = [];
  raw.forEach((r, index) => {
    const parsed = parseCaseEvent(r);
    if (parsed.ok) events.push(parsed.value);
    else {
      const id = typeof r === 'object' && r !== null && 'id' in r ? String(r.id) : `#${String(index)}`;
      const why = parsed.error.map((f) => `${f.field} ${f.message}`).join('; ');
      failures.push(failure('event_invalid', { kind: 'event', eventId: id, index }, `事件格式无效：${why}`));
    }
  });
  return { events, failures };
}

export async function checkEvents(
  header: ManifestHeader,
  events: readonly CaseEvent[],
  keys: ReadonlyMap<string, CryptoKey>,
): Promise<EvidenceFailure[]> {
  const out: EvidenceFailure[] = [];
  const at = (e: CaseEvent) => ({ kind: 'event' as const, eventId: e.id });
  for (const e of events) {
    if (!isEvidenceEvent(e))
      out.push(failure('event_wrong_type', at(e), `不是证据事件（${e.type}），不应出现在证据包中`));
    if (e.caseId !== header.caseId)
      out.push(
        failure(
          'event_other_case',
          at(e),
          `该证据事件属于案件 ${e.caseId}，不是本包的案件 ${header.caseId}（证据被移到了别的案件）`,
        ),
      );
    if (compareHlc(e.at.hlc, header.exportedHlc) > 0)
      out.push(
        failure(
          'event_after_export',
          at(e),
          `事件时间 ${e.at.hlc} 晚于清单导出时间 ${header.exportedHlc}：清单是旧的或被拼接过`,
        ),
      );
  }
  const report = await verifyEventLog(events, keys, { scope: 'partial' });
  for (const i of report.issues)
    out.push(
      failure(ISSUE_CODES[i.kind], { kind: 'event', eventId: i.eventId }, issueMessage(i.kind, i.detail)),
    );
  out.push(...checkListed(header, events), ...checkReferences(events));
  return out;
}

function checkListed(header: ManifestHeader, events: readonly CaseEvent[]): EvidenceFailure[] {
  const out: EvidenceFailure[] = [];
  const present = new Set(events.map((e) => e.id));
  const listed = new Set(header.eventIds);
  for (const id of listed)
    if (!present.has(id))
      out.push(
        failure('event_missing', { kind: 'event', eventId: id }, '签名的清单头列出了该事件，但包中没有它'),
      );
  for (const id of present)
    if (!listed.has(id))
      out.push(
        failure('event_not_listed', { kind: 'event', eventId: id }, '包中有该事件，但签名的清单头没有列出它'),
      );
  return out;
}

function checkReferences(events: readonly CaseEvent[]): EvidenceFailure[] {
  const added = new Map<string, string>();
  for (const e of events) if (e.type === 'evidence.added') added.set(e.id, e.payload.evidenceId);
  const out: EvidenceFailure[] = [];
  const items = new Set(added.values());
  for (const e of events)
    if (e.type === 'evidence.acknowledged' && !items.has(e.payload.evidenceId))
      out.push(
        failure(
          'reference_missing',
          { kind: 'event', eventId: e.id },
          `质证意见指向的证据 ${e.payload.evidenceId} 不在包中`,
        ),
      );
  for (const e of events)
    if (e.type === 'evidence.retracted' && added.get(e.payload.corrects) !== e.payload.evidenceId)
      out.push(
        failure(
          'reference_missing',
          { kind: 'event', eventId: e.id },
          `撤回事件指向的证据登记事件 ${e.payload.corrects} 不在包中或不是同一份证据`,
        ),
      );
  return out;
}
