/*
 * Which documents this case can produce now, each built from the party view: the application form,
 * notices, service receipt and evidence list always, the acceptance notice once accepted, a transcript
 * per public session that has one, the agreement once drafted, and once it is signed the
 * judicial-confirmation application and the performance record (payments with their proof).
 * Inputs a template needs come from `DocInputs`.
 */
import type { CaseState } from '#shared/case/index';
import {
  buildAcceptanceNotice,
  buildAgreementDocument,
  buildEvidenceList,
  buildApplicationForm,
  buildJudicialConfirmation,
  buildNotice,
  buildPerformanceRecord,
  buildServiceReceipt,
  buildTranscriptDocument,
  partyView,
  performanceOf,
  sessionTranscript,
  type DocumentModel,
  type NoticeInput,
} from '#shared/documents/index';
import { contentOf, docContextOf, editorFromState } from './agreement-editor';

export type DocInputs = {
  readonly orgName: string;
  readonly mediatorName: string;
  readonly today: string;
  readonly notice: NoticeInput;
  readonly courtName: string;
  readonly served: {
    readonly recipientPartyId: string;
    readonly documentTitle: string;
    readonly place: string;
  };
};

/** One producible document: a stable key, its model, and the agreement it belongs to (if any). */
export type Producible = { readonly key: string; readonly doc: DocumentModel; readonly agreementId?: string };

export function producibleDocuments(state: CaseState, inputs: DocInputs): Producible[] {
  const view = partyView(state);
  const ctx = { orgName: inputs.orgName, date: inputs.today };
  const out: Producible[] = [
    { key: 'application', doc: buildApplicationForm(view, ctx) },
    { key: 'notice', doc: buildNotice(view, inputs.notice, ctx) },
    { key: 'receipt', doc: buildServiceReceipt(view, inputs.served, ctx) },
    { key: 'evidence-list', doc: buildEvidenceList(view, ctx) },
  ];
  const accepted = buildAcceptanceNotice(view, ctx);
  if (accepted) out.push({ key: 'acceptance', doc: accepted });
  for (const s of view.sessions) {
    const transcript = sessionTranscript(view, s.sessionId);
    if (!transcript) continue;
    const addenda = transcript.addenda.map((n) => n.text ?? '');
    const marks = view.transcripts
      .filter((x) => x.transcriptId === transcript.transcriptId)
      .flatMap((x) => x.signatures)
      .map((x) => ({
        mark: x.mark === 'refused' ? '拒绝签名' : '已签名',
        ...(x.imageSha256 === undefined ? {} : { imageSha256: x.imageSha256 }),
      }));
    out.push({
      key: `transcript-${s.sessionId}`,
      doc: buildTranscriptDocument(view, s, transcript.text, addenda, ctx, marks),
    });
  }
  if (state.agreement.drafts.length > 0) {
    const editor = editorFromState(state, view, {
      agreementId: '',
      today: inputs.today,
      orgName: inputs.orgName,
      mediatorName: inputs.mediatorName,
    });
    const content = contentOf(editor, view);
    if (content.ok) {
      const signed = state.agreement.signed;
      const marks =
        signed?.signatures.map((x) => ({
          mark: x.mark === 'refused' ? '拒绝签名' : '已签名',
          ...(x.imageSha256 === undefined ? {} : { imageSha256: x.imageSha256 }),
        })) ?? [];
      out.push({
        key: 'agreement',
        doc: buildAgreementDocument(
          view,
          content.value,
          docContextOf(editor),
          marks,
          signed?.sealImageSha256,
        ),
        agreementId: editor.agreementId,
      });
      if (signed)
        out.push({
          key: 'judicial-confirmation',
          doc: buildJudicialConfirmation(
            view,
            { courtName: inputs.courtName, signedOn: signed.signedAt.slice(0, 10) },
            { orgName: editor.orgName, date: inputs.today },
          ),
          agreementId: editor.agreementId,
        });
      const perf = signed ? performanceOf(state, inputs.today, view.payments) : null;
      if (perf)
        out.push({
          key: 'performance',
          doc: buildPerformanceRecord(view, perf, ctx),
          agreementId: perf.agreementId,
        });
    }
  }
  return out;
}
