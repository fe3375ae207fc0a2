/*
 * 协议与履行: the draft on the left as it will print (A4, amounts in ¥ and 大写), the terms on the
 * right; 保存草稿 records the basis note + agreement.drafted with the text's hash; 签署 opens the
 * full-screen pad per signer and, after the last one, records agreement.signed (sealed). A sealed
 * agreement cannot be edited: changes are addenda. Below: the next step's deadline and performance.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseState } from '#shared/case/index';
import { caseDeadlines } from '#shared/case/case-deadlines';
import {
  buildAgreementDocument,
  missingForAgreement,
  missingMessage,
  partyView,
  principals,
  refuseIfSealed,
  renderText,
  signedPayload,
  startSigning,
  validateAgreement,
  type SigningState,
} from '#shared/documents/index';
import { sha256Hex } from '#shared/events/signing';
import { formatYuan } from '#shared/law/money';
import { err, ok } from '#shared/util/result';
import { currentHolidayCalendar } from '../../app/holiday-calendar';
import { AgreementForm } from './AgreementForm';
import { contentOf, docContextOf, editorFromState, type EditorState } from './agreement-editor';
import { DocumentSheet } from './DocumentSheet';
import { PerformancePanel } from './PerformancePanel';
import { SigningOverlay } from './SigningOverlay';
import { useCaseTools, type CaseTools } from './use-case-tools';
import './mediation.css';

export function AgreementTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const tools = useCaseTools(caseId);
  if (tools.loading) return <p className="muted">{t('mediation.loading')}</p>;
  if (tools.state === null) return <p className="muted">{t('mediation.notFound')}</p>;
  const state = tools.state;
  // A new draft or signature re-reads the editor from the events.
  const key = `${state.agreement.drafts.at(-1)?.eventId ?? 'new'}-${String(state.agreement.sealed)}`;
  return <Workspace key={key} state={state} tools={tools} caseId={caseId} />;
}

function Workspace({ state, tools, caseId }: { state: CaseState; tools: CaseTools; caseId: string }) {
  const { t } = useTranslation();
  const view = useMemo(() => partyView(state), [state]);
  const sealed = state.agreement.sealed;
  const [editor, setEditor] = useState<EditorState>(() =>
    editorFromState(state, view, {
      agreementId: tools.newId(),
      today: tools.today,
      orgName: tools.enrollment?.orgName ?? '',
      mediatorName: tools.enrollment?.userName ?? '',
    }),
  );
  const [problems, setProblems] = useState<string[]>([]);
  const [signing, setSigning] = useState<SigningState | null>(null);
  const [hash, setHash] = useState('');
  const [addendum, setAddendum] = useState('');
  const [seal, setSeal] = useState<string | null>(null);

  const content = contentOf(editor, view);
  const marks = sealed
    ? (state.agreement.signed?.signatures.map((s) => (s.mark === 'refused' ? '拒绝签名' : '已签名')) ?? [])
    : [];
  const doc = content.ok ? buildAgreementDocument(view, content.value, docContextOf(editor), marks) : null;
  const unsignedText = content.ok
    ? renderText(buildAgreementDocument(view, content.value, docContextOf(editor)))
    : '';
  useEffect(() => {
    let live = true;
    void sha256Hex(unsignedText).then((h) => {
      if (live) setHash(h);
    });
    return () => {
      live = false;
    };
  }, [unsignedText]);

  const draft = state.agreement.drafts.at(-1);
  const savedHash = draft?.agreementId === editor.agreementId ? draft.textSha256 : null;

  const saveDraft = async () => {
    const sealedCheck = refuseIfSealed(sealed);
    if (!sealedCheck.ok) {
      setProblems([sealedCheck.error.zh]);
      return;
    }
    if (!content.ok) {
      setProblems(content.error.map((m) => m.zh));
      return;
    }
    const valid = validateAgreement(content.value);
    if (!valid.ok) {
      setProblems(valid.error.map((m) => m.zh));
      return;
    }
    const textSha256 = await sha256Hex(unsignedText);
    const c = content.value;
    const stored = await tools.record([
      {
        caseId,
        type: 'note.recorded',
        conf: 'public',
        payload: {
          noteId: tools.newId(),
          method: 'five_heart',
          stage: 5,
          recordedAt: tools.nowIso(),
          fields: {
            kind: 'agreement_basis',
            agreementId: c.agreementId,
            ...c.basis,
            nonMonetary: editor.nonMonetary,
            date: editor.date,
            orgName: editor.orgName,
            mediatorName: editor.mediatorName,
          },
        },
      },
      {
        caseId,
        type: 'agreement.drafted',
        payload: {
          agreementId: c.agreementId,
          textSha256,
          terms: [...c.terms],
          totalFen: valid.value.totalFen,
          nextStep: c.nextStep,
          ...(c.instalments.length > 0 ? { instalments: [...c.instalments] } : {}),
        },
      },
    ]);
    if (stored) setProblems([]);
  };

  const sign = async () => {
    const missing = missingForAgreement(state);
    // The hash of the text as it is now, not the one the effect last computed: a click right after a
    // save must not meet a hash still being computed and be told the text changed.
    const current = await sha256Hex(unsignedText);
    const r = startSigning({
      missing: missing.length > 0 ? [{ zh: missingMessage(missing).zh.replace(/^[^：]*：/, '') }] : [],
      sealed,
      textSha256: savedHash,
      currentSha256: current,
      signers: [
        ...principals(view, 'applicant').map((p) => ({
          name: p.current.name,
          roleZh: '申请人',
          partyId: p.partyId,
        })),
        ...principals(view, 'respondent').map((p) => ({
          name: p.current.name,
          roleZh: '被申请人',
          partyId: p.partyId,
        })),
        {
          name: editor.mediatorName,
          roleZh: '调解员',
          ...(tools.enrollment ? { userId: tools.enrollment.userId } : {}),
        },
      ],
    });
    if (!r.ok) {
      setProblems([r.error.zh]);
      return;
    }
    setProblems([]);
    setSigning(r.value);
  };

  const finish = async (s: SigningState) => {
    const payload = signedPayload(s, editor.agreementId, tools.nowIso());
    if (!payload.ok) return err(payload.error);
    const withSeal = seal === null ? payload.value : { ...payload.value, sealImageSha256: seal };
    const stored = await tools.record([{ caseId, type: 'agreement.signed', payload: withSeal }]);
    if (!stored) return err(tools.error ?? '保存失败');
    setSigning(null);
    return ok(undefined);
  };

  const recordAddendum = async () => {
    if (addendum.trim() === '') return;
    const stored = await tools.record([
      {
        caseId,
        type: 'note.recorded',
        conf: 'public',
        payload: {
          noteId: tools.newId(),
          method: 'five_heart',
          stage: 5,
          recordedAt: tools.nowIso(),
          fields: { kind: 'agreement_addendum', agreementId: editor.agreementId },
          text: addendum,
        },
      },
    ]);
    if (stored) setAddendum('');
  };

  const nextRule =
    editor.nextStep === 'judicial_confirmation'
      ? 'judicialConfirmationApplication'
      : editor.nextStep === 'arbitral_review'
        ? 'arbitralReviewApplication'
        : null;
  const deadline =
    sealed && nextRule !== null
      ? caseDeadlines(state, currentHolidayCalendar(), tools.today).find((d) => d.ruleId === nextRule)
      : undefined;
  const addenda = state.notes.filter(
    (n) => n.fields['kind'] === 'agreement_addendum' && n.supersededBy === null,
  );

  return (
    <section className="agreement" data-testid="panel-agreement">
      <h2>
        {t('mediation.agreement.title')}{' '}
        {sealed && (
          <span className="sealed-badge" data-testid="agreement-sealed">
            {t('mediation.agreement.sealed')}
          </span>
        )}
      </h2>
      <div className="agreement__split">
        <div>
          <p className="muted">{t('mediation.agreement.preview')}</p>
          {doc && <DocumentSheet doc={doc} testId="agreement-preview" />}
          <p className="hash" data-testid="agreement-hash">
            {t('mediation.agreement.hash')} {sealed ? state.agreement.signed?.textSha256 : hash}
          </p>
        </div>
        <div>
          <AgreementForm value={editor} onChange={setEditor} view={view} disabled={sealed} />
          {content.ok && (
            <p data-testid="agreement-total">
              {t('mediation.agreement.total', {
                amount: formatYuan(content.value.terms.reduce((s, x) => s + (x.amountFen ?? 0), 0)),
              })}
            </p>
          )}
          {!sealed && (
            <div className="signing-actions">
              <button
                type="button"
                className="btn"
                data-testid="agreement-save"
                disabled={tools.busy}
                onClick={() => void saveDraft()}
              >
                {t('mediation.agreement.saveDraft')}
              </button>
              <button
                type="button"
                className="btn btn-primary"
                data-testid="agreement-sign"
                onClick={() => void sign()}
              >
                {t('mediation.agreement.sign')}
              </button>
            </div>
          )}
          {!sealed && (
            <label className="field">
              {t('mediation.agreement.seal')}
              <input
                type="file"
                accept="image/*"
                data-testid="agreement-seal"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (!file) return;
                  void tools.storeImage(file).then((r) => {
                    if (r.ok) setSeal(r.sha256);
                    else setProblems([r.message]);
                  });
                }}
              />
              {seal !== null && <span className="hash">{seal}</span>}
            </label>
          )}
          {savedHash !== null && !sealed && (
            <p className="hash" data-testid="agreement-draft-saved">
              {t('mediation.agreement.draftSaved', { hash: savedHash.slice(0, 16) })}
            </p>
          )}
          {[...problems, ...(tools.error === null ? [] : [tools.error])].map((p) => (
            <p key={p} role="alert" className="form-error" data-testid="agreement-problem">
              {p}
            </p>
          ))}
          {sealed && (
            <>
              <p className="muted">{t('mediation.agreement.sealedHint')}</p>
              {deadline && (
                <p data-testid="agreement-deadline">
                  {t('mediation.agreement.deadline', { name: deadline.nameZh, due: deadline.due ?? '—' })}
                </p>
              )}
              {addenda.map((n) => (
                <p key={n.eventId} className="note">
                  {n.text}
                </p>
              ))}
              <label className="field">
                {t('mediation.agreement.addendum')}
                <textarea
                  rows={2}
                  value={addendum}
                  onChange={(e) => {
                    setAddendum(e.target.value);
                  }}
                />
              </label>
              <button type="button" className="btn" onClick={() => void recordAddendum()}>
                {t('mediation.agreement.addAddendum')}
              </button>
            </>
          )}
        </div>
      </div>
      <PerformancePanel state={state} tools={tools} caseId={caseId} />
      {signing && (
        <SigningOverlay
          initial={signing}
          nowIso={tools.nowIso}
          storeSignature={tools.storeSignature}
          onComplete={finish}
          onCancel={() => {
            setSigning(null);
          }}
        />
      )}
    </section>
  );
}
