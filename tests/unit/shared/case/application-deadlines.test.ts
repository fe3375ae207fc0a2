/*
 * Which application period a signed mediation agreement starts (#6): only the next step the parties
 * chose, from the day the agreement takes effect (signed and sealed, China time), counted with the
 * State Council holiday calendar shipped with the app (the same data as /shared/data/cn-holidays.json).
 */
import { describe, expect, it } from 'vitest';
import { caseDeadlines } from '#shared/case/case-deadlines';
import { reduceCase } from '#shared/case/reduce';
import type { CaseEvent } from '#shared/events/envelope';
import type { PayloadOf } from '#shared/events/payloads';
import { SAMPLE_PAYLOADS as P } from '#shared/events/testing-samples';
import { bundledHolidayCalendar } from '#shared/law/bundled-data';
import type { HolidayCalendar } from '#shared/law/calendar';
import { fakeDevice } from './builder';

const loaded = bundledHolidayCalendar();
if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
const cal: HolidayCalendar = loaded.value;

type NextStep = PayloadOf<'agreement.drafted'>['nextStep'];
const APPLICATION_RULES = ['judicialConfirmationApplication', 'arbitralReviewApplication'];

function signedCase(
  nextStep: NextStep,
  signings: { signedAt: string; sealed: boolean }[],
  kind: PayloadOf<'case.opened'>['kind'] = 'mediation',
): CaseEvent[] {
  const d = fakeDevice(1, kind === 'arbitration' ? 'arbitrator' : 'mediator');
  return [
    d.emit('case.opened', { ...P['case.opened'], kind }),
    d.emit('case.accepted', P['case.accepted']),
    d.emit('case.assigned', P['case.assigned']),
    d.emit('session.held', P['session.held']),
    d.emit('agreement.drafted', { ...P['agreement.drafted'], nextStep }),
    ...signings.map((s, i) =>
      d.emit('agreement.signed', {
        ...P['agreement.signed'],
        signatures: [{ signer: i === 0 ? '张三' : '某建筑公司', mark: 'signature' }],
        ...s,
      }),
    ),
  ];
}

/** The application deadlines of the case as the deadline list shows them: rule → trigger → due. */
const applicationDeadlines = (events: CaseEvent[]): string[] =>
  caseDeadlines(reduceCase(events), cal, '2026-01-20')
    .filter((d) => APPLICATION_RULES.includes(d.ruleId))
    .map((d) => `${d.ruleId} ${d.trigger} → ${d.due ?? d.problem ?? ''}`);

describe('application periods after a mediation agreement (domain.md §1.14, §3.2)', () => {
  it('judicial confirmation: 30 days from the China-time signing day, past 春节 to the next working day', () => {
    // 2026-01-15 17:30Z is 01-16 01:30 in China; +30 = 02-15, inside 春节 (02-15…02-23) → 02-24.
    const events = signedCase('judicial_confirmation', [
      { signedAt: '2026-01-15T17:30:00.000Z', sealed: true },
    ]);
    expect(applicationDeadlines(events)).toEqual(['judicialConfirmationApplication 2026-01-16 → 2026-02-24']);
  });

  it('arbitral review: 15 days, 国庆 rolls the last day to 10-08; no judicial-confirmation clock', () => {
    // 09-20 (a make-up working Sunday) + 15 = 10-05, inside 国庆 (10-01…10-07) → 10-08.
    const events = signedCase('arbitral_review', [{ signedAt: '2026-09-20T02:00:00.000Z', sealed: true }]);
    expect(applicationDeadlines(events)).toEqual(['arbitralReviewApplication 2026-09-20 → 2026-10-08']);
  });

  it('performing now or by instalments starts no application clock', () => {
    for (const step of ['perform_now', 'instalments'] as const) {
      const events = signedCase(step, [{ signedAt: '2026-01-15T02:00:00.000Z', sealed: true }]);
      expect(applicationDeadlines(events)).toEqual([]);
    }
  });

  it('starts on the signing that seals the agreement (when it takes effect), not the first signature', () => {
    const events = signedCase('judicial_confirmation', [
      { signedAt: '2026-01-05T02:00:00.000Z', sealed: false },
      { signedAt: '2026-01-09T02:00:00.000Z', sealed: true },
      { signedAt: '2026-01-12T02:00:00.000Z', sealed: true },
    ]);
    // 01-09 + 30 = 02-08, a Sunday → Monday 02-09.
    expect(applicationDeadlines(events)).toEqual(['judicialConfirmationApplication 2026-01-09 → 2026-02-09']);
    expect(reduceCase(events.slice(0, 6)).deadlines.triggers.map((t) => t.ruleId)).toEqual([
      'mediationPeriod',
    ]);
  });

  it('an agreement reached inside arbitration (a 调解书) starts neither clock', () => {
    const events = signedCase(
      'judicial_confirmation',
      [{ signedAt: '2026-01-15T02:00:00.000Z', sealed: true }],
      'arbitration',
    );
    expect(applicationDeadlines(events)).toEqual([]);
  });

  it('the 15-day mediation period stops running once the agreement takes effect', () => {
    const events = signedCase('perform_now', [
      { signedAt: '2026-01-05T02:00:00.000Z', sealed: false },
      { signedAt: '2026-01-09T02:00:00.000Z', sealed: true },
    ]);
    const running = (n: number) =>
      caseDeadlines(reduceCase(events.slice(0, n)), cal, '2026-01-20').map((d) => d.ruleId);
    expect(running(6)).toContain('mediationPeriod');
    expect(running(7)).not.toContain('mediationPeriod');
  });

  it('an application period stops once the application is made (referral or status move)', () => {
    const d = fakeDevice(2);
    const signed = signedCase('judicial_confirmation', [
      { signedAt: '2026-01-15T02:00:00.000Z', sealed: true },
    ]);
    for (const e of signed) d.observe(e);
    const referred = d.emit('case.referred', P['case.referred']);
    expect(applicationDeadlines([...signed, referred])).toEqual([]);

    const review = signedCase('arbitral_review', [{ signedAt: '2026-09-20T02:00:00.000Z', sealed: true }]);
    for (const e of review) d.observe(e);
    const moved = d.emit('stage.advanced', { to: 'ar_requested' });
    const s = reduceCase([...review, moved]);
    expect([s.status, applicationDeadlines([...review, moved])]).toEqual(['ar_requested', []]);
    expect(s.deadlines.met.map((m) => m.ruleId)).toEqual(['mediationPeriod', 'arbitralReviewApplication']);
  });
});
