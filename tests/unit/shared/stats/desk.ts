/*
 * A test desk for statistics: real signed events from createTestDevice with a clock the test sets to
 * a given China day, so event wall times (referral dates) and payload dates line up. Each case keeps its
 * own event list; `states()` reduces them all.
 */
import { reduceCase, type CaseState } from '#shared/case/index';
import type { CaseKind, Channel, DisputeCategory } from '#shared/domain/case-kinds';
import type { CaseEvent } from '#shared/events/envelope';
import type { EventType, PayloadOf } from '#shared/events/payloads';
import { createTestDevice, type TestDevice } from '#shared/events/testing';

export const HASH = 'ab'.repeat(32);

/** 10:00 China time on `day`, as an RFC 3339 instant. */
export const at = (day: string, hour = 10): string =>
  `${day}T${String(hour - 8).padStart(2, '0')}:00:00.000Z`;

export type Desk = {
  /** Moves the devices' clock to `day` (10:00 China time). */
  day(day: string): void;
  open(o: OpenOptions): Promise<string>;
  emit<T extends EventType>(
    caseId: string,
    type: T,
    payload: PayloadOf<T>,
    by?: 'desk' | 'court',
  ): Promise<CaseEvent>;
  uuid(): string;
  events(caseId: string): CaseEvent[];
  states(): CaseState[];
};

export type OpenOptions = {
  kind: CaseKind;
  day: string;
  channel?: Channel;
  categories?: DisputeCategory[];
  collective?: boolean;
  workerCount?: number;
  originCaseId?: string;
};

export async function createDesk(): Promise<Desk> {
  let now = Date.UTC(2026, 0, 1, 2);
  const clock = (): number => (now += 1000);
  let counter = 0;
  let eventCounter = 0;
  const ids = (): string => {
    eventCounter += 1;
    return `01940000-0000-7000-8000-${eventCounter.toString(16).padStart(12, '0')}`;
  };
  const uuid = (): string => {
    counter += 1;
    return `01930000-0000-7000-8000-${counter.toString(16).padStart(12, '0')}`;
  };
  const desk: TestDevice = await createTestDevice({
    deviceId: 'dev-desk',
    userId: 'user-arb',
    orgId: 'org-arb',
    role: 'arbitrator',
    clock,
    ids,
    maxDriftMs: 1e12,
  });
  const court = await createTestDevice({
    deviceId: 'dev-court',
    userId: 'user-court',
    orgId: 'org-court',
    role: 'mediator',
    clock,
    ids,
    keys: desk.keys,
    maxDriftMs: 1e12,
  });
  const byCase = new Map<string, CaseEvent[]>();
  const d: Desk = {
    day: (day) => {
      // Wall time may go back between cases; the HLC never does, so each case's order is kept.
      now = Date.parse(at(day));
    },
    uuid,
    emit: async (caseId, type, payload, by = 'desk') => {
      const dev = by === 'desk' ? desk : court;
      for (const e of byCase.get(caseId) ?? []) dev.observe(e);
      const e = await dev.emit(caseId, type, payload);
      byCase.set(caseId, [...(byCase.get(caseId) ?? []), e]);
      return e;
    },
    open: async (o) => {
      const caseId = uuid();
      d.day(o.day);
      await d.emit(caseId, 'case.opened', {
        kind: o.kind,
        tempNumber: `临-T-${String(counter)}`,
        channel: o.channel ?? 'walk_in',
        disputeCategories: o.categories ?? ['wage_arrears'],
        caseCause: '追索劳动报酬',
        collective: o.collective ?? false,
        ...(o.workerCount === undefined ? {} : { workerCount: o.workerCount }),
        ...(o.originCaseId === undefined ? {} : { originCaseId: o.originCaseId }),
        receivedAt: at(o.day, 9),
      });
      return caseId;
    },
    events: (caseId) => byCase.get(caseId) ?? [],
    states: () => [...byCase.values()].map((es) => reduceCase(es)),
  };
  return d;
}

export async function accept(d: Desk, caseId: string, day: string): Promise<void> {
  d.day(day);
  await d.emit(caseId, 'case.accepted', { acceptedAt: at(day) });
}

export async function close(
  d: Desk,
  caseId: string,
  day: string,
  closureType: PayloadOf<'case.closed'>['closureType'],
  extra: Partial<PayloadOf<'case.closed'>> = {},
): Promise<void> {
  d.day(day);
  await d.emit(caseId, 'case.closed', { closureType, closedAt: at(day, 16), summary: '结案', ...extra });
}
