import { describe, expect, it } from 'vitest';
import { reduceCase } from '#shared/case/reduce';
import { activeTriggers } from '#shared/case/deadline-triggers';
import { SAMPLE_IDS, SAMPLE_PAYLOADS as P } from '#shared/events/testing-samples';
import { CASE, fakeDevice } from './builder';

const A = SAMPLE_IDS;
const codes = (s: ReturnType<typeof reduceCase>) => s.problems.map((p) => p.code);

describe('reduceCase: a mediation case from start to end', () => {
  const d = fakeDevice(1);
  const hub = fakeDevice(9, 'admin');
  const events = [
    d.emit('case.opened', { ...P['case.opened'], knewOrShouldHaveKnownDate: '2026-10-01' }),
    d.emit('case.accepted', P['case.accepted']),
  ];
  hub.observe(events[1]!);
  events.push(hub.emit('case.numbered', P['case.numbered']));
  d.observe(events[2]!);
  events.push(
    d.emit('case.assigned', P['case.assigned']),
    d.emit('party.added', P['party.added']),
    d.emit('party.added', { partyId: A.employer, role: 'respondent', kind: 'employer', name: '某建筑公司' }),
    d.emit('claim.added', P['claim.added']),
    d.emit('evidence.added', P['evidence.added']),
    d.emit('note.recorded', P['note.recorded'], { conf: `caucus:${A.worker}` }),
    d.emit('session.held', P['session.held']),
    d.emit('agreement.drafted', P['agreement.drafted']),
    d.emit('agreement.signed', P['agreement.signed']),
    d.emit('payment.recorded', P['payment.recorded']),
    d.emit('payment.recorded', { ...P['payment.recorded'], paymentId: A.document, amountFen: 500_000 }),
    d.emit('stage.advanced', { to: 'performed' }),
    d.emit('case.closed', P['case.closed']),
  );
  const s = reduceCase(events);

  it('walks the mediation machine', () => {
    expect(s.statusHistory.map((h) => h.to)).toEqual([
      'registered',
      'accepted',
      'assigned',
      'in_session',
      'agreement_signed',
      'performing',
      'performed',
      'closed',
    ]);
    expect(s.problems).toEqual([]);
    expect(s.inConflict).toBe(false);
  });

  it('keeps numbers, people, money and records', () => {
    expect(s.numbers.temporary).toBe('临-A1B2-1');
    expect(s.opening?.knewOrShouldHaveKnownDate).toBe('2026-10-01');
    expect(s.acceptedAt).toBe('2026-11-28T09:00:00.000Z');
    expect(s.numbers.official?.number).toBe('荆劳人仲字〔2026〕第1号');
    expect(s.assignee?.assigneeId).toBe('user-mediator');
    expect(s.parties.map((p) => p.current.name)).toEqual(['张三', '某建筑公司']);
    expect(s.amountClaimedFen).toBe(1_200_000);
    expect(s.amountRecoveredFen).toBe(1_000_000);
    expect(s.agreement.sealed).toBe(true);
    expect(s.notes[0]?.conf).toBe(`caucus:${A.worker}`);
    expect(s.closure?.closureType).toBe('mediated_performed');
    expect(s.audit).toHaveLength(events.length);
    expect(s.audit.at(-1)?.summary).toBe('结案：mediated_performed');
  });

  it('keeps deadline triggers as data', () => {
    expect(activeTriggers(s.deadlines.triggers).map((t) => [t.ruleId, t.trigger])).toEqual([
      ['mediationPeriod', '2026-11-28'],
      ['limitation', '2026-10-01'],
    ]);
  });
});

describe('reduceCase: problems are recorded, never thrown', () => {
  it('refuses a move the machine does not allow', () => {
    const d = fakeDevice(1);
    const s = reduceCase([
      d.emit('case.opened', P['case.opened']),
      d.emit('stage.advanced', { to: 'performed' }),
    ]);
    expect(s.status).toBe('registered');
    expect(codes(s)).toEqual(['invalid_transition']);
  });

  it('refuses a status of another machine', () => {
    const d = fakeDevice(1);
    const s = reduceCase([
      d.emit('case.opened', P['case.opened']),
      d.emit('stage.advanced', { to: 'hearing_held' }),
    ]);
    expect(codes(s)).toEqual(['unknown_status']);
  });

  it('records events before the case is opened, of another case, or a second opening', () => {
    const d = fakeDevice(1);
    const early = d.emit('review.commented', P['review.commented']);
    const s = reduceCase([
      early,
      d.emit('case.opened', P['case.opened']),
      d.emit('case.opened', P['case.opened']),
      d.emit('review.commented', P['review.commented'], { caseId: '01930000-0000-7000-8000-0000000000bb' }),
    ]);
    expect(codes(s)).toEqual(['not_opened', 'opened_twice', 'wrong_case']);
  });

  it('keeps one of two different events sharing an id, and says so', () => {
    const d = fakeDevice(1);
    const opened = d.emit('case.opened', P['case.opened']);
    const twin = { ...opened, hash: 'f'.repeat(64) };
    expect(codes(reduceCase([opened, twin]))).toEqual(['duplicate_id']);
    expect(reduceCase([twin, opened])).toEqual(reduceCase([opened, twin]));
  });

  it('closes with a closure type of another kind, but flags it', () => {
    const d = fakeDevice(1);
    const s = reduceCase([
      d.emit('case.opened', P['case.opened']),
      d.emit('case.closed', { ...P['case.closed'], closureType: 'award_final' }),
    ]);
    expect(s.status).toBe('closed');
    expect(codes(s)).toEqual(['closure_type_mismatch']);
  });
});

describe('reduceCase: corrections and retractions', () => {
  it('applies a correction to the party it names, keeping history', () => {
    const d = fakeDevice(1);
    const opened = d.emit('case.opened', P['case.opened']);
    const added = d.emit('party.added', P['party.added']);
    const fix = d.emit('party.corrected', { ...P['party.corrected'], corrects: added.id });
    const s = reduceCase([opened, added, fix]);
    expect(s.parties[0]?.current.phone).toBe('13800000000');
    expect(s.parties[0]?.history).toEqual([
      { eventId: fix.id, changes: { phone: '13800000000' }, reason: '当事人更正电话' },
    ]);
    expect(
      reduceCase([opened, added, d.emit('party.corrected', P['party.corrected'])]).problems[0]?.code,
    ).toBe('wrong_target');
  });

  it('corrects and withdraws claims, recomputing the total', () => {
    const d = fakeDevice(1);
    const opened = d.emit('case.opened', P['case.opened']);
    const claim = d.emit('claim.added', P['claim.added']);
    const fix = d.emit('claim.corrected', { ...P['claim.corrected'], corrects: claim.id });
    expect(reduceCase([opened, claim, fix]).amountClaimedFen).toBe(1_100_000);
    const out = d.emit('claim.corrected', {
      corrects: fix.id,
      claimId: A.claim,
      changes: { withdrawn: true },
      reason: '撤回',
    });
    expect(reduceCase([opened, claim, fix, out]).amountClaimedFen).toBe(0);
  });

  it('keeps retracted evidence, marked', () => {
    const d = fakeDevice(1);
    const opened = d.emit('case.opened', P['case.opened']);
    const ev = d.emit('evidence.added', P['evidence.added']);
    const out = d.emit('evidence.retracted', { ...P['evidence.retracted'], corrects: ev.id });
    const s = reduceCase([
      opened,
      ev,
      out,
      d.emit('evidence.retracted', { ...P['evidence.retracted'], corrects: ev.id }),
    ]);
    expect(s.evidence).toHaveLength(1);
    expect(s.evidence[0]?.retracted).toEqual({ eventId: out.id, reason: '拍错了' });
    expect(codes(s)).toEqual(['duplicate_item']);
  });

  it('supersedes a note by a later version', () => {
    const d = fakeDevice(1);
    const opened = d.emit('case.opened', P['case.opened']);
    const n1 = d.emit('note.recorded', P['note.recorded']);
    const n2 = d.emit('note.recorded', { ...P['note.recorded'], corrects: n1.id, fields: { emotion: 2 } });
    const s = reduceCase([opened, n1, n2]);
    expect(s.notes.map((n) => [n.eventId, n.supersededBy])).toEqual([
      [n1.id, n2.id],
      [n2.id, null],
    ]);
  });
});

describe('reduceCase: conflicts between devices', () => {
  it('two closures put the case in conflict until resolved', () => {
    const a = fakeDevice(1);
    const b = fakeDevice(2);
    const opened = a.emit('case.opened', P['case.opened']);
    b.observe(opened);
    const c1 = a.emit('case.closed', P['case.closed']);
    const c2 = b.emit('case.closed', { ...P['case.closed'], closureType: 'failed', summary: '调解不成' });
    const s = reduceCase([opened, c1, c2]);
    expect(s.inConflict).toBe(true);
    expect(s.conflicts).toHaveLength(1);
    expect(s.conflicts[0]?.eventIds.sort()).toEqual([c1.id, c2.id].sort());
    a.observe(c2);
    const conflictId = s.conflicts[0]?.id ?? '';
    const keepB = a.emit('conflict.resolved', { conflictId, keep: c2.id, reason: '以实际情况为准' });
    const r = reduceCase([opened, c1, c2, keepB]);
    expect(r.inConflict).toBe(false);
    expect(r.closure?.closureType).toBe('failed');
    const none = a.emit('conflict.resolved', { conflictId, keep: null, reason: '都作废' });
    const n = reduceCase([opened, c1, c2, keepB, none]);
    expect([n.closure, n.status]).toEqual([null, 'registered']);
  });

  it('incompatible moves from concurrent devices conflict; from one device they are a problem', () => {
    const a = fakeDevice(1, 'clerk');
    const b = fakeDevice(2, 'clerk');
    const opened = a.emit('case.opened', { ...P['case.opened'], kind: 'arbitration' });
    b.observe(opened);
    const accept = a.emit('case.accepted', P['case.accepted']);
    b.advance(60_000);
    const refuse = b.emit('stage.advanced', { to: 'not_accepted' });
    const s = reduceCase([opened, accept, refuse]);
    expect(s.status).toBe('accepted');
    expect(s.conflicts.map((c) => c.kind)).toEqual(['transition']);
    a.observe(refuse);
    const fix = a.emit('conflict.resolved', {
      conflictId: s.conflicts[0]?.id ?? '',
      keep: refuse.id,
      reason: '管辖错误',
    });
    expect(reduceCase([opened, accept, refuse, fix]).status).toBe('not_accepted');
    const same = reduceCase([opened, accept, a.emit('stage.advanced', { to: 'not_accepted' })]);
    expect([same.inConflict, codes(same)]).toEqual([false, ['invalid_transition']]);
  });

  it('two different signed agreements conflict; the same text signed twice adds signatures', () => {
    const a = fakeDevice(1);
    const b = fakeDevice(2);
    const opened = a.emit('case.opened', P['case.opened']);
    b.observe(opened);
    const s1 = a.emit('agreement.signed', P['agreement.signed']);
    b.advance(60_000);
    const same = b.emit('agreement.signed', {
      ...P['agreement.signed'],
      signatures: [{ signer: '李四', mark: 'seal' }],
    });
    const merged = reduceCase([opened, s1, same]);
    expect(merged.agreement.signed?.signatures.map((x) => x.signer)).toEqual(['张三', '李四']);
    const other = b.emit('agreement.signed', { ...P['agreement.signed'], textSha256: 'b'.repeat(64) });
    expect(reduceCase([opened, s1, other]).conflicts.map((c) => c.kind)).toEqual(['agreement']);
  });
});

describe('reduceCase: time, referrals and review workflow', () => {
  it('turns suspension and resumption into a pause, and extensions into data', () => {
    const d = fakeDevice(1, 'arbitrator');
    const opened = d.emit('case.opened', { ...P['case.opened'], kind: 'arbitration' });
    const s = reduceCase([
      opened,
      d.emit('case.accepted', P['case.accepted']),
      d.emit('case.suspended', P['case.suspended']),
      d.emit('case.resumed', P['case.resumed']),
      d.emit('case.resumed', P['case.resumed']),
      d.emit('deadline.extension_requested', P['deadline.extension_requested']),
      d.emit('deadline.extended', P['deadline.extended']),
    ]);
    expect(s.deadlines.pauses.map((p) => [p.from, p.to])).toEqual([['2026-11-28', '2026-12-09']]);
    expect(s.suspended).toBeNull();
    expect(s.deadlines.extensions.map((x) => [x.ruleId, x.days])).toEqual([['awardTimeLimit', 15]]);
    expect(s.deadlines.extensionRequests[0]?.status).toBe('approved');
    expect(codes(s)).toEqual(['not_suspended']);
    expect(activeTriggers(s.deadlines.triggers).map((t) => t.ruleId)).toContain('awardTimeLimit');
  });

  it('restarts the award clock when a claim is added after acceptance (Rules Art. 46)', () => {
    const d = fakeDevice(1, 'arbitrator');
    const opened = d.emit('case.opened', { ...P['case.opened'], kind: 'arbitration' });
    const accepted = d.emit('case.accepted', P['case.accepted']);
    d.advance(5 * 86_400_000);
    const claim = d.emit('claim.added', P['claim.added']);
    const award = reduceCase([opened, accepted, claim]).deadlines.triggers.filter(
      (t) => t.ruleId === 'awardTimeLimit',
    );
    expect(award.map((t) => [t.trigger, t.restarts])).toEqual([
      ['2026-11-28', null],
      ['2026-12-03', accepted.id],
    ]);
  });

  it('follows a judicial confirmation referral to its ruling', () => {
    const d = fakeDevice(1);
    const court = fakeDevice(3, 'clerk');
    const ev = [
      d.emit('case.opened', P['case.opened']),
      d.emit('case.accepted', P['case.accepted']),
      d.emit('case.assigned', P['case.assigned']),
      d.emit('session.held', P['session.held']),
      d.emit('agreement.signed', P['agreement.signed']),
      d.emit('case.referred', P['case.referred']),
    ];
    court.observe(ev[5]!);
    ev.push(court.emit('referral.answered', P['referral.answered']));
    const s = reduceCase(ev);
    expect(s.status).toBe('jc_confirmed');
    expect(s.referrals[0]).toMatchObject({
      status: 'confirmed',
      rulingNumber: '(2026)鄂0802民特调确字第1号',
    });
  });

  it('tracks closure requests, approvals and returns', () => {
    const d = fakeDevice(1);
    const sup = fakeDevice(2, 'supervisor');
    const opened = d.emit('case.opened', P['case.opened']);
    const req = d.emit('closure.requested', P['closure.requested']);
    sup.observe(req);
    const back = sup.emit('case.returned', { reason: '缺少回访记录', requestId: A.request });
    const s = reduceCase([opened, req, back, sup.emit('closure.approved', P['closure.approved'])]);
    expect(s.closureRequests[0]).toMatchObject({ status: 'returned', decidedBy: back.id });
    expect(s.returns).toHaveLength(1);
    expect(codes(s)).toEqual(['duplicate_item']);
  });

  it('records who revealed which masked field', () => {
    const d = fakeDevice(1);
    const s = reduceCase([
      d.emit('case.opened', P['case.opened']),
      d.emit('audit.revealed', P['audit.revealed']),
    ]);
    expect(s.reveals[0]).toMatchObject({ field: 'idNumber', userId: 'user-1', partyId: A.worker });
  });

  it('reduces an empty log to the empty state', () => {
    expect(reduceCase([]).caseId).toBeNull();
  });

  it('uses the case id constant', () => {
    expect(CASE).toMatch(/^0193/);
  });
});
