/*
 * The case record: parties, claims, evidence and notes. Collections only grow. A correction must
 * name an event of the same item (`corrects`); one that points elsewhere is a problem and changes
 * nothing, so a mistaken correction can never silently rewrite another party.
 */
import type { CaseEventOf } from '#shared/events/envelope';
import { restartAwardClock } from './deadline-triggers';
import type { Claim, Party } from './state';
import { chinaDate, problem, type Work } from './work';

const eventsOf = (item: Party | Claim): string[] => [item.eventId, ...item.history.map((h) => h.eventId)];

export function applyPartyAdded(w: Work, e: CaseEventOf<'party.added'>): void {
  const { partyId, ...fields } = e.payload;
  if (w.s.parties.some((p) => p.partyId === partyId)) {
    problem(w, e, 'duplicate_item', '当事人已存在');
    return;
  }
  w.s.parties.push({ partyId, eventId: e.id, current: fields, history: [] });
  restartAwardClock(w, e, chinaDate(e.at.wall));
}

export function applyPartyCorrected(w: Work, e: CaseEventOf<'party.corrected'>): void {
  const party = w.s.parties.find((p) => p.partyId === e.payload.partyId);
  if (party === undefined) {
    problem(w, e, 'unknown_party', '没有这个当事人');
    return;
  }
  if (!eventsOf(party).includes(e.payload.corrects)) {
    problem(w, e, 'wrong_target', '更正指向的记录不是这个当事人的');
    return;
  }
  party.current = { ...party.current, ...e.payload.changes };
  party.history.push({ eventId: e.id, changes: e.payload.changes, reason: e.payload.reason });
}

const claimed = (c: Claim): number => (c.current.withdrawn ? 0 : (c.current.amountClaimedFen ?? 0));
const total = (w: Work): number => w.s.claims.reduce((sum, c) => sum + claimed(c), 0);

export function applyClaimAdded(w: Work, e: CaseEventOf<'claim.added'>): void {
  const { claimId, ...fields } = e.payload;
  if (w.s.claims.some((c) => c.claimId === claimId)) {
    problem(w, e, 'duplicate_item', '请求事项已存在');
    return;
  }
  w.s.claims.push({ claimId, eventId: e.id, current: { ...fields, withdrawn: false }, history: [] });
  w.s.amountClaimedFen = total(w);
  restartAwardClock(w, e, chinaDate(e.at.wall));
}

export function applyClaimCorrected(w: Work, e: CaseEventOf<'claim.corrected'>): void {
  const claim = w.s.claims.find((c) => c.claimId === e.payload.claimId);
  if (claim === undefined) {
    problem(w, e, 'unknown_claim', '没有这个请求事项');
    return;
  }
  if (!eventsOf(claim).includes(e.payload.corrects)) {
    problem(w, e, 'wrong_target', '更正指向的记录不是这个请求事项的');
    return;
  }
  claim.current = { ...claim.current, ...e.payload.changes };
  claim.history.push({ eventId: e.id, changes: e.payload.changes, reason: e.payload.reason });
  w.s.amountClaimedFen = total(w);
}

export function applyEvidenceAdded(w: Work, e: CaseEventOf<'evidence.added'>): void {
  if (w.s.evidence.some((x) => x.evidenceId === e.payload.evidenceId)) {
    problem(w, e, 'duplicate_item', '证据已存在');
    return;
  }
  w.s.evidence.push({
    ...e.payload,
    claimIds: [...e.payload.claimIds],
    eventId: e.id,
    conf: e.conf,
    retracted: null,
  });
}

export function applyEvidenceRetracted(w: Work, e: CaseEventOf<'evidence.retracted'>): void {
  const item = w.s.evidence.find((x) => x.evidenceId === e.payload.evidenceId);
  if (item === undefined) {
    problem(w, e, 'unknown_evidence', '没有这份证据');
    return;
  }
  if (item.eventId !== e.payload.corrects) {
    problem(w, e, 'wrong_target', '撤回指向的记录不是这份证据');
    return;
  }
  if (item.retracted !== null) {
    problem(w, e, 'duplicate_item', '证据已经撤回');
    return;
  }
  item.retracted = { eventId: e.id, reason: e.payload.reason };
}

export function applyEvidenceAcknowledged(w: Work, e: CaseEventOf<'evidence.acknowledged'>): void {
  const item = w.s.evidence.find((x) => x.evidenceId === e.payload.evidenceId);
  if (item === undefined) {
    problem(w, e, 'unknown_evidence', '没有这份证据');
    return;
  }
  if (!w.s.parties.some((p) => p.partyId === e.payload.partyId)) {
    problem(w, e, 'unknown_party', '没有这个当事人');
    return;
  }
  const { partyId, position, note } = e.payload;
  const ack = { partyId, position, ...(note !== undefined ? { note } : {}), eventId: e.id, at: e.at.wall };
  item.acknowledgements = [...(item.acknowledgements ?? []).filter((a) => a.partyId !== partyId), ack];
}

export function applyNote(w: Work, e: CaseEventOf<'note.recorded'>): void {
  const p = e.payload;
  if (p.corrects === undefined && w.s.notes.some((n) => n.noteId === p.noteId)) {
    problem(w, e, 'duplicate_item', '笔记已存在');
    return;
  }
  const replaced = p.corrects === undefined ? undefined : w.s.notes.find((n) => n.eventId === p.corrects);
  if (p.corrects !== undefined && replaced === undefined) {
    problem(w, e, 'wrong_target', '没有被更正的笔记');
    return;
  }
  if (replaced !== undefined && replaced.noteId !== p.noteId) {
    problem(w, e, 'wrong_target', '更正指向的记录不是这条笔记');
    return;
  }
  if (replaced !== undefined) replaced.supersededBy = e.id;
  w.s.notes.push({
    ...p,
    eventId: e.id,
    conf: e.conf,
    authorUserId: e.actor.userId,
    corrects: p.corrects ?? null,
    supersededBy: null,
  });
}
