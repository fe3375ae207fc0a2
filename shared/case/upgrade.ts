/*
 * States stored by an older reducer: the renderer keeps each case's reduced state (renderer/data
 * projections) and only re-reduces a case when it gets a new event, so a state read back may lack
 * fields the reducer has gained since. This fills them with what the reducer gives for events that
 * predate them, so screens never read `undefined` where the type promises a value. (A full rebuild
 * from the events gives the exact new state; this is the safe reading until then.)
 */
import type { Confidentiality } from '#shared/events/envelope';
import type { CaseState, Payment } from './state';

/** A stored state as an older reducer may have written it (fields added for #6 possibly missing). */
export type StoredCaseState = Omit<CaseState, 'transcriptTexts' | 'deadlines' | 'payments'> & {
  transcriptTexts?: CaseState['transcriptTexts'];
  deadlines: Omit<CaseState['deadlines'], 'met'> & { met?: CaseState['deadlines']['met'] };
  payments: (Omit<Payment, 'evidenceIds' | 'conf'> & { evidenceIds?: string[]; conf?: Confidentiality })[];
};

export function upgradeCaseState(s: StoredCaseState): CaseState {
  return {
    ...s,
    transcriptTexts: s.transcriptTexts ?? [],
    deadlines: { ...s.deadlines, met: s.deadlines.met ?? [] },
    payments: s.payments.map((p) => ({
      ...p,
      evidenceIds:
        p.evidenceIds ?? s.evidence.filter((x) => x.sha256 === p.proofSha256).map((x) => x.evidenceId),
      conf: p.conf ?? 'public',
    })),
  };
}
