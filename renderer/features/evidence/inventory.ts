/*
 * The 证据清单 (evidence inventory) of a case as rows: number, name, source, what it proves, original
 * or copy, submitted by, and the other party's position. Used by the on-screen table, its print view
 * and the 证据清单.html of the verification package, so all three always agree.
 */
import type { CaseState, Evidence } from '#shared/case/index';
import type { ClaimItem } from '#shared/domain/claim-items';

export type InventoryRow = {
  no: number;
  evidenceId: string;
  name: string;
  fileName: string;
  source: string;
  proves: string;
  original: 'original' | 'copy' | 'unknown';
  submittedBy: string;
  /** The other party's latest position (evidence.acknowledged), 'unrecorded' when none. */
  acknowledged: 'yes' | 'no' | 'disputed' | 'unrecorded';
  /** Whose position `acknowledged` is (a party's name), null when unrecorded. */
  acknowledgedBy: string | null;
  /** The party asked for a position: the other side of the submitter; null when the case has none. */
  otherParty: { partyId: string; name: string } | null;
  sha256: string;
  size: number;
  mime: string;
  capturedAt: string;
  retracted: { reason: string } | null;
  item: Evidence;
};

export type InventoryLabels = {
  claimLabel: (item: ClaimItem) => string;
  collectedOnSite: string;
  unknownParty: string;
};

const SIDE: Readonly<Record<string, 'applicant' | 'respondent'>> = {
  applicant: 'applicant',
  respondent: 'respondent',
};

/**
 * The party whose position on an item counts as "the other party's": the first party of the side
 * opposite the submitter's (an agent stands with no side, so it is skipped); for evidence collected on
 * site or submitted by a third party, the first respondent.
 */
export function otherPartyOf(state: CaseState, e: Evidence): { partyId: string; name: string } | null {
  const submitter = state.parties.find((p) => p.partyId === e.submittedByPartyId);
  const side = submitter ? SIDE[submitter.current.role] : undefined;
  const want = side === 'respondent' ? 'applicant' : 'respondent';
  const p = state.parties.find((x) => x.current.role === want && x.partyId !== e.submittedByPartyId);
  return p ? { partyId: p.partyId, name: p.current.name } : null;
}

export function inventoryRows(state: CaseState, labels: InventoryLabels): InventoryRow[] {
  const party = (id: string | undefined) =>
    id === undefined
      ? null
      : (state.parties.find((p) => p.partyId === id)?.current.name ?? labels.unknownParty);
  const claim = (id: string) => {
    const c = state.claims.find((x) => x.claimId === id);
    return c ? (c.current.description ?? labels.claimLabel(c.current.item)) : null;
  };
  return state.evidence.map((e, i) => {
    const submitter = party(e.submittedByPartyId);
    // The latest position of a party other than the submitter (the list keeps one per party, in order).
    const acks = (e.acknowledgements ?? []).filter((a) => a.partyId !== e.submittedByPartyId);
    const ack = acks.reduce<(typeof acks)[number] | null>(
      (m, a) => (m === null || a.at >= m.at ? a : m),
      null,
    );
    return {
      no: i + 1,
      evidenceId: e.evidenceId,
      name: e.caption || e.fileName,
      fileName: e.fileName,
      source: submitter ?? labels.collectedOnSite,
      proves: e.claimIds
        .map(claim)
        .filter((x): x is string => x !== null)
        .join('；'),
      original: e.originalSeen === undefined ? 'unknown' : e.originalSeen ? 'original' : 'copy',
      submittedBy: submitter ?? labels.collectedOnSite,
      acknowledged: ack?.position ?? 'unrecorded',
      acknowledgedBy: ack ? party(ack.partyId) : null,
      otherParty: otherPartyOf(state, e),
      sha256: e.sha256,
      size: e.size,
      mime: e.mime,
      capturedAt: e.capturedAt,
      retracted: e.retracted ? { reason: e.retracted.reason } : null,
      item: e,
    };
  });
}

const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** A standalone, script-free HTML inventory for the verification package. */
export function inventoryHtml(
  title: string,
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  note: string,
): string {
  const th = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}td,th{border:1px solid #444;padding:4px 6px;font-size:12px;vertical-align:top}td:last-child{font-family:monospace;word-break:break-all}</style>
</head><body><h1>${escapeHtml(title)}</h1>
<table><thead><tr>${th}</tr></thead><tbody>
${body}
</tbody></table><p>${escapeHtml(note)}</p></body></html>
`;
}
