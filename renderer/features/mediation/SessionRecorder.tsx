/*
 * A session recorded as it happens: kind, venue and address, mobile or not, public or not, participants
 * with their roles, the recorder; then a transcript typed live with speaker labels (Alt+1…9 switches
 * speaker, Enter adds the line, IME composition is respected). 结束并保存 records session.held and the
 * transcript as transcript.recorded parts (≤ 50,000 characters each), so a long hearing is kept whole.
 * From 开始记录 on, everything typed is autosaved as a draft on this device (transcript-draft.ts), marked
 * on screen as a draft, not a record; reopening the tab resumes it; recording it clears it.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseState } from '#shared/case/index';
import { SESSION_KINDS, VENUES, type SessionKind, type Venue } from '#shared/domain/sessions';
import {
  speakerShortcut,
  transcriptParts,
  transcriptText,
  type TranscriptLine,
} from '#shared/documents/transcript';
import { VENUE_ZH } from '#shared/documents/labels';
import type { Confidentiality } from '#shared/events/envelope';
import { TRANSCRIPT_PART_MAX } from '#shared/events/payloads-proceedings';
import type { Draft } from '../../data/store';
import { SelectField, TextInput } from '../../ui/TextInput';
import {
  createDraftKeeper,
  transcriptDraftKey,
  type DraftStatus,
  type Participant,
  type RecorderSnapshot,
} from './transcript-draft';
import type { CaseTools } from './use-case-tools';

/** Wait this long after the last keystroke before saving the draft (one write per pause in typing). */
export const DRAFT_DEBOUNCE_MS = 400;

/** HH:MM:SS in China time of a store clock reading. */
const clock = (ms: number): string => new Date(ms + 8 * 3600_000).toISOString().slice(11, 19);

const ROLE_ZH = {
  applicant: '申请人',
  respondent: '被申请人',
  third_party: '第三人',
  agent: '委托代理人',
} as const;

/** The transcript as transcript.recorded drafts, part 1, 2, 3 … (none when nothing was typed). */
export const partDrafts = (
  caseId: string,
  conf: Confidentiality,
  sessionId: string,
  transcriptId: string,
  text: string,
): Draft[] =>
  transcriptParts(text, TRANSCRIPT_PART_MAX).map((partText, i) => ({
    caseId,
    type: 'transcript.recorded',
    conf,
    payload: { transcriptId, sessionId, part: i + 1, text: partText },
  }));

/** A draft found on this device for the case, to resume. */
export type ResumedDraft = { snapshot: RecorderSnapshot; savedAt: number };

export function SessionRecorder({
  state,
  tools,
  caseId,
  onDone,
  resume,
}: {
  state: CaseState;
  tools: CaseTools;
  caseId: string;
  onDone: () => void;
  resume?: ResumedDraft | undefined;
}) {
  const { t } = useTranslation();
  const initial = resume?.snapshot;
  const [sessionId] = useState(() => initial?.sessionId ?? tools.newId());
  const [kind, setKind] = useState<SessionKind>(initial?.kind ?? 'hearing');
  const [venue, setVenue] = useState<Venue>(initial?.venue ?? 'site');
  const [place, setPlace] = useState(initial?.place ?? '');
  const [mobile, setMobile] = useState(initial?.mobile ?? true);
  const [isPublic, setPublic] = useState(initial?.isPublic ?? true);
  const [people, setPeople] = useState<Participant[]>(
    () =>
      initial?.people ?? [
        { name: tools.enrollment?.userName ?? '', role: '调解员', partyId: '' },
        ...state.parties.map((p) => ({
          name: p.current.name,
          role: ROLE_ZH[p.current.role],
          partyId: p.partyId,
        })),
      ],
  );
  const [start, setStart] = useState<string | null>(initial?.start ?? null);
  const [lines, setLines] = useState<TranscriptLine[]>(initial?.lines ?? []);
  const [speaker, setSpeaker] = useState(initial?.speaker ?? 0);
  const [utterance, setUtterance] = useState(initial?.utterance ?? '');
  const [message, setMessage] = useState<string | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [draftStatus, setDraftStatus] = useState<DraftStatus>(
    resume ? { kind: 'saved', at: resume.savedAt, resumed: true } : { kind: 'none' },
  );
  const speakers = people.filter((p) => p.name.trim() !== '');

  // The draft: saved a moment after each change once recording started; flushed when the recorder
  // closes; dropped (never re-saved) once the transcript is recorded or discarded.
  const [keeper] = useState(() =>
    createDraftKeeper({
      drafts: tools.drafts,
      key: transcriptDraftKey(caseId),
      ms: DRAFT_DEBOUNCE_MS,
      onStatus: setDraftStatus,
      stored: initial,
    }),
  );
  useEffect(
    () => () => {
      keeper.flush();
    },
    [keeper],
  );
  useEffect(() => {
    if (start === null) return;
    keeper.push({
      sessionId,
      kind,
      venue,
      place,
      mobile,
      isPublic,
      people,
      start,
      lines,
      speaker,
      utterance,
    });
  }, [keeper, sessionId, kind, venue, place, mobile, isPublic, people, start, lines, speaker, utterance]);

  const begin = () => {
    if (speakers.length === 0 || speakers.some((p) => p.role.trim() === '')) {
      setMessage(t('mediation.hearing.needParticipants'));
      return;
    }
    setMessage(null);
    setStart(tools.nowIso());
  };

  const addLine = () => {
    if (utterance.trim() === '') return;
    setLines([...lines, { speaker: speakers[speaker]?.name ?? '', text: utterance.trim() }]);
    setUtterance('');
  };

  const finish = async () => {
    if (start === null) return;
    // A line typed but not yet entered is part of what was said: it is recorded, not dropped.
    const all =
      utterance.trim() === ''
        ? lines
        : [...lines, { speaker: speakers[speaker]?.name ?? '', text: utterance.trim() }];
    const text = transcriptText(all);
    const caucusParty = speakers.find((p) => p.partyId !== '')?.partyId;
    const conf: Confidentiality =
      kind === 'mediation_caucus'
        ? caucusParty === undefined
          ? 'internal'
          : `caucus:${caucusParty}`
        : 'public';
    const recorder = tools.enrollment?.userId;
    keeper.flush();
    const stored = await tools.record([
      {
        caseId,
        type: 'session.held',
        conf,
        payload: {
          sessionId,
          kind,
          venue,
          mobile,
          public: isPublic,
          start,
          end: tools.nowIso(),
          participants: speakers.map((p) => ({
            name: p.name,
            role: p.role,
            ...(p.partyId === '' ? {} : { partyId: p.partyId }),
          })),
          ...(place.trim() === '' ? {} : { place }),
          ...(recorder === undefined ? {} : { recorderId: recorder }),
        },
      },
      ...partDrafts(caseId, conf, sessionId, tools.newId(), text),
    ]);
    if (!stored) return;
    await keeper.close();
    onDone();
  };

  const discard = async () => {
    if (start !== null && !confirmDiscard) {
      setConfirmDiscard(true);
      return;
    }
    await keeper.close();
    onDone();
  };

  const draftLine =
    draftStatus.kind === 'failed'
      ? t('mediation.hearing.draftFailed', { message: draftStatus.message })
      : draftStatus.kind === 'saved'
        ? t(draftStatus.resumed ? 'mediation.hearing.draftResumed' : 'mediation.hearing.draftSaved', {
            time: clock(draftStatus.at),
          })
        : t('mediation.hearing.draftPending');

  if (start !== null)
    return (
      <div
        className="panel"
        data-testid="transcript-editor"
        onKeyDown={(e) => {
          const i = speakerShortcut({ altKey: e.altKey, key: e.key, code: e.code });
          if (i === null || i >= speakers.length) return;
          e.preventDefault();
          setSpeaker(i);
        }}
      >
        <p
          className={`draft-banner${draftStatus.kind === 'failed' ? ' draft-banner--failed' : ''}`}
          role={draftStatus.kind === 'failed' ? 'alert' : 'status'}
          data-testid="transcript-draft"
        >
          <strong>{t('mediation.hearing.draftMark')}</strong> {draftLine}
        </p>
        <p className="muted">{t('mediation.hearing.started', { time: start.slice(11, 16) })}</p>
        <div role="radiogroup" aria-label={t('mediation.hearing.speaker')} className="doc-list">
          {speakers.map((p, i) => (
            <button
              key={`${p.name}-${String(i)}`}
              type="button"
              role="radio"
              aria-checked={i === speaker}
              className={`btn${i === speaker ? ' speaker-current' : ''}`}
              data-testid={`speaker-${String(i + 1)}`}
              onClick={() => {
                setSpeaker(i);
              }}
            >
              {i + 1}. {p.name}（{p.role}）
            </button>
          ))}
        </div>
        <ol className="transcript-lines" data-testid="transcript-lines">
          {lines.map((l, i) => (
            <li key={`l${String(i)}`}>
              <strong>{l.speaker}</strong>：{l.text}
            </li>
          ))}
        </ol>
        <TextInput
          label={`${t('mediation.hearing.utterance')} — ${speakers[speaker]?.name ?? ''}`}
          testId="utterance"
          value={utterance}
          onChange={setUtterance}
          input={{
            onKeyDown: (e) => {
              if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
                e.preventDefault();
                addLine();
              }
            },
            onBlur: () => {
              keeper.flush();
            },
          }}
        />
        <div className="signing-actions">
          <button
            type="button"
            className="btn btn-primary"
            data-testid="session-finish"
            disabled={tools.busy}
            onClick={() => void finish()}
          >
            {t('mediation.hearing.finish')}
          </button>
          <button type="button" className="btn" data-testid="session-discard" onClick={() => void discard()}>
            {confirmDiscard ? t('mediation.hearing.discardConfirm') : t('mediation.hearing.cancel')}
          </button>
          {confirmDiscard && (
            <button
              type="button"
              className="btn"
              data-testid="session-keep"
              onClick={() => {
                setConfirmDiscard(false);
              }}
            >
              {t('mediation.hearing.keepDraft')}
            </button>
          )}
        </div>
        {message !== null && <p role="alert">{message}</p>}
      </div>
    );

  return (
    <div className="panel" data-testid="session-form">
      <div className="stage-form">
        <SelectField
          label={t('mediation.hearing.kind')}
          testId="session-kind"
          value={kind}
          options={SESSION_KINDS.map((k) => ({ value: k, label: t(`mediation.hearing.kinds.${k}`) }))}
          onChange={setKind}
        />
        <SelectField
          label={t('mediation.hearing.venue')}
          testId="session-venue"
          value={venue}
          options={VENUES.map((v) => ({ value: v, label: VENUE_ZH[v] }))}
          onChange={setVenue}
        />
        <TextInput
          label={t('mediation.hearing.place')}
          testId="session-place"
          value={place}
          onChange={setPlace}
        />
        <label className="field field--check">
          <input
            type="checkbox"
            checked={mobile}
            onChange={(e) => {
              setMobile(e.target.checked);
            }}
          />
          {t('mediation.hearing.mobile')}
        </label>
        <label className="field field--check">
          <input
            type="checkbox"
            checked={isPublic}
            onChange={(e) => {
              setPublic(e.target.checked);
            }}
          />
          {t('mediation.hearing.public')}
        </label>
        <p>
          {t('mediation.hearing.recorder')}：{tools.enrollment?.userName ?? '—'}
        </p>
      </div>
      <fieldset>
        <legend>{t('mediation.hearing.participants')}</legend>
        {people.map((p, i) => (
          <div className="row-form" key={`p${String(i)}`}>
            <TextInput
              label={t('mediation.hearing.participantName')}
              value={p.name}
              onChange={(name) => {
                setPeople(people.map((x, j) => (j === i ? { ...x, name } : x)));
              }}
            />
            <TextInput
              label={t('mediation.hearing.participantRole')}
              value={p.role}
              onChange={(role) => {
                setPeople(people.map((x, j) => (j === i ? { ...x, role } : x)));
              }}
            />
            <button
              type="button"
              className="btn"
              onClick={() => {
                setPeople(people.filter((_, j) => j !== i));
              }}
            >
              {t('mediation.hearing.remove')}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn"
          onClick={() => {
            setPeople([...people, { name: '', role: '', partyId: '' }]);
          }}
        >
          {t('mediation.hearing.addParticipant')}
        </button>
      </fieldset>
      <button type="button" className="btn btn-primary" data-testid="session-start" onClick={begin}>
        {t('mediation.hearing.start')}
      </button>
      {message !== null && <p role="alert">{message}</p>}
    </div>
  );
}
