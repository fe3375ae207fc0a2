/*
 * 庭审/笔录: the sessions recorded so far with their transcripts; parties read a transcript on screen
 * (large type) and sign it one after another (transcript.signed with the text's hash); later
 * corrections are addenda (notes naming the transcript), never edits. The text is read from
 * transcript.recorded (older cases: the note that carried it), see sessionTranscript.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseState, Session } from '#shared/case/index';
import { SESSION_KIND_ZH, VENUE_ZH } from '#shared/documents/labels';
import { parseTranscript, sessionTranscript } from '#shared/documents/transcript';
import { startSigning, type SigningState } from '#shared/documents/signing';
import { sha256Hex } from '#shared/events/signing';
import { err, ok } from '#shared/util/result';
import { ConfBadge } from './ConfSwitch';
import { SessionRecorder, type ResumedDraft } from './SessionRecorder';
import { SigningOverlay } from './SigningOverlay';
import { parseSnapshot, transcriptDraftKey } from './transcript-draft';
import { useCaseTools, type CaseTools } from './use-case-tools';
import './mediation.css';

function SessionItem({
  session,
  state,
  tools,
  caseId,
}: {
  session: Session;
  state: CaseState;
  tools: CaseTools;
  caseId: string;
}) {
  const { t } = useTranslation();
  const transcript = sessionTranscript(state, session.sessionId);
  const transcriptId = transcript?.transcriptId ?? null;
  const addenda = transcript?.addenda ?? [];
  const [reading, setReading] = useState(false);
  const [signing, setSigning] = useState<SigningState | null>(null);
  const [addendum, setAddendum] = useState('');
  const [corrections, setCorrections] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const text = transcript?.text ?? '';
  const signatures = state.transcripts
    .filter((x) => x.sessionId === session.sessionId)
    .flatMap((x) => x.signatures);

  const openSigning = async () => {
    const h = await sha256Hex(text);
    const r = startSigning({
      missing: [],
      sealed: false,
      textSha256: h,
      currentSha256: h,
      signers: session.participants.map((p) => ({
        name: p.name,
        roleZh: p.role,
        ...(p.partyId === undefined ? {} : { partyId: p.partyId }),
        ...(p.userId === undefined ? {} : { userId: p.userId }),
      })),
    });
    if (!r.ok) {
      setMessage(r.error.zh);
      return;
    }
    setSigning(r.value);
  };

  const finish = async (s: SigningState) => {
    if (transcriptId === null) return err('找不到笔录');
    const stored = await tools.record([
      {
        caseId,
        type: 'transcript.signed',
        payload: {
          transcriptId,
          sessionId: session.sessionId,
          sha256: s.textSha256,
          signatures: [...s.done],
          ...(corrections.trim() === '' ? {} : { correctionsRequested: corrections }),
        },
      },
    ]);
    if (!stored) return err(tools.error ?? '保存失败');
    setSigning(null);
    setReading(false);
    return ok(undefined);
  };

  const recordAddendum = async () => {
    if (addendum.trim() === '' || transcriptId === null) return;
    const stored = await tools.record([
      {
        caseId,
        type: 'note.recorded',
        conf: session.conf,
        payload: {
          noteId: tools.newId(),
          method: 'five_heart',
          stage: 1,
          sessionId: session.sessionId,
          recordedAt: tools.nowIso(),
          fields: { kind: 'transcript_addendum', transcriptId },
          text: addendum,
        },
      },
    ]);
    if (stored) setAddendum('');
  };

  return (
    <li className="stage-card" data-testid="session-item">
      <header className="stage-card__head">
        <h3>
          {SESSION_KIND_ZH[session.kind]}
          {session.mobile ? ' · 流动' : ''}
        </h3>
        <ConfBadge conf={session.conf} state={state} />
      </header>
      <p>
        {session.start.slice(0, 16).replace('T', ' ')} – {session.end.slice(11, 16)} ·{' '}
        {VENUE_ZH[session.venue]}
        {session.place ? ` · ${session.place}` : ''}
        {session.public === true ? ' · 公开' : session.public === false ? ' · 不公开' : ''}
      </p>
      <p className="muted">{session.participants.map((p) => `${p.name}（${p.role}）`).join('、')}</p>
      {transcript && (
        <>
          <ol
            className={`transcript-lines${reading ? ' transcript-lines--reading' : ''}`}
            data-testid="transcript-text"
          >
            {parseTranscript(text).map((l, i) => (
              <li key={`t${String(i)}`}>
                {l.speaker !== '' && <strong>{l.speaker}：</strong>}
                {l.text}
              </li>
            ))}
          </ol>
          {addenda.length > 0 && (
            <div>
              <h4>{t('mediation.hearing.addenda')}</h4>
              {addenda.map((a) => (
                <p key={a.eventId}>{a.text}</p>
              ))}
            </div>
          )}
          {signatures.length > 0 && (
            <p data-testid="transcript-signed">
              {t('mediation.hearing.signedBy', { names: signatures.map((s) => s.signer).join('、') })}
            </p>
          )}
          {signatures.length === 0 &&
            (reading ? (
              <div className="row-form">
                <label className="field">
                  {t('mediation.hearing.corrections')}
                  <input
                    value={corrections}
                    onChange={(e) => {
                      setCorrections(e.target.value);
                    }}
                  />
                </label>
                <button
                  type="button"
                  className="btn btn-primary"
                  data-testid="transcript-sign"
                  onClick={() => void openSigning()}
                >
                  {t('mediation.agreement.sign')}
                </button>
              </div>
            ) : (
              <button
                type="button"
                className="btn"
                data-testid="transcript-read"
                onClick={() => {
                  setReading(true);
                }}
              >
                {t('mediation.hearing.readAndSign')}
              </button>
            ))}
          <div className="row-form">
            <label className="field">
              {t('mediation.hearing.addendum')}
              <input
                value={addendum}
                onChange={(e) => {
                  setAddendum(e.target.value);
                }}
              />
            </label>
            <button type="button" className="btn" onClick={() => void recordAddendum()}>
              {t('mediation.hearing.addAddendum')}
            </button>
          </div>
        </>
      )}
      {message !== null && <p role="alert">{message}</p>}
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
    </li>
  );
}

/** What this device holds for the case's hearing in progress. */
type DraftFound = { kind: 'none' } | { kind: 'resume'; draft: ResumedDraft } | { kind: 'unreadable' };

/** The transcript draft of the case on this device; a draft of a session already recorded is cleared. */
function useTranscriptDraft(caseId: string, tools: CaseTools, recorded: readonly string[] | null) {
  return useQuery({
    queryKey: ['transcript-draft', caseId],
    enabled: recorded !== null,
    queryFn: async (): Promise<DraftFound> => {
      const key = transcriptDraftKey(caseId);
      const stored = await tools.drafts.load(key);
      if (stored === null) return { kind: 'none' };
      const snapshot = parseSnapshot(stored.value);
      if (snapshot === null) return { kind: 'unreadable' };
      // Recorded already (the app stopped between recording and clearing): nothing is lost by clearing.
      if (recorded?.includes(snapshot.sessionId)) {
        await tools.drafts.clear(key);
        return { kind: 'none' };
      }
      return { kind: 'resume', draft: { snapshot, savedAt: stored.savedAt } };
    },
  });
}

export function HearingTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const tools = useCaseTools(caseId);
  const client = useQueryClient();
  const [recording, setRecording] = useState(false);
  const draft = useTranscriptDraft(
    caseId,
    tools,
    tools.state ? tools.state.sessions.map((s) => s.sessionId) : null,
  );
  if (tools.loading || (tools.state !== null && draft.isPending))
    return <p className="muted">{t('mediation.loading')}</p>;
  const state = tools.state;
  if (state === null) return <p className="muted">{t('mediation.notFound')}</p>;
  const found: DraftFound = draft.data ?? { kind: 'none' };
  const resume = found.kind === 'resume' ? found.draft : undefined;
  const done = () => {
    setRecording(false);
    client.setQueryData<DraftFound>(['transcript-draft', caseId], { kind: 'none' });
  };
  return (
    <section className="hearing" data-testid="panel-hearing">
      <h2>{t('mediation.hearing.title')}</h2>
      {found.kind === 'unreadable' && (
        <div role="alert" className="form-error" data-testid="transcript-draft-unreadable">
          <p>{t('mediation.hearing.draftUnreadable')}</p>
          <button
            type="button"
            className="btn"
            onClick={() => {
              void tools.drafts.clear(transcriptDraftKey(caseId)).then(done);
            }}
          >
            {t('mediation.hearing.draftDrop')}
          </button>
        </div>
      )}
      {recording || resume ? (
        <SessionRecorder state={state} tools={tools} caseId={caseId} onDone={done} resume={resume} />
      ) : (
        <button
          type="button"
          className="btn btn-primary"
          data-testid="session-new"
          onClick={() => {
            setRecording(true);
          }}
        >
          {t('mediation.hearing.new')}
        </button>
      )}
      {tools.error !== null && (
        <p role="alert" className="form-error">
          {tools.error}
        </p>
      )}
      <h3>{t('mediation.hearing.sessions')}</h3>
      {state.sessions.length === 0 ? (
        <p className="muted">{t('mediation.hearing.none')}</p>
      ) : (
        <ul className="notes">
          {state.sessions.map((s) => (
            <SessionItem key={s.eventId} session={s} state={state} tools={tools} caseId={caseId} />
          ))}
        </ul>
      )}
    </section>
  );
}
