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
  /** Not recorded by any event yet (see README): always 'unrecorded' for now. */
  acknowledged: 'yes' | 'no' | 'disputed' | 'unrecorded';
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
      acknowledged: 'unrecorded',
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
