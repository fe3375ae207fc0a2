/*
 * A session recorded as it happens: kind, venue and address, mobile or not, public or not, participants
 * with their roles, the recorder; then a transcript typed live with speaker labels (Alt+1…9 switches
 * speaker, Enter adds the line, IME composition is respected). 结束并保存 records session.held and the
 * transcript as transcript.recorded parts (≤ 50,000 characters each), so a long hearing is kept whole.
 */
import { useState } from 'react';
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
import type { CaseTools } from './use-case-tools';

type Participant = { name: string; role: string; partyId: string };

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

export function SessionRecorder({
  state,
  tools,
  caseId,
  onDone,
}: {
  state: CaseState;
  tools: CaseTools;
  caseId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<SessionKind>('hearing');
  const [venue, setVenue] = useState<Venue>('site');
  const [place, setPlace] = useState('');
  const [mobile, setMobile] = useState(true);
  const [isPublic, setPublic] = useState(true);
  const [people, setPeople] = useState<Participant[]>(() => [
    { name: tools.enrollment?.userName ?? '', role: '调解员', partyId: '' },
    ...state.parties.map((p) => ({
      name: p.current.name,
      role: ROLE_ZH[p.current.role],
      partyId: p.partyId,
    })),
  ]);
  const [start, setStart] = useState<string | null>(null);
  const [lines, setLines] = useState<TranscriptLine[]>([]);
  const [speaker, setSpeaker] = useState(0);
  const [utterance, setUtterance] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const speakers = people.filter((p) => p.name.trim() !== '');

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
    const text = transcriptText(lines);
    const sessionId = tools.newId();
    const caucusParty = speakers.find((p) => p.partyId !== '')?.partyId;
    const conf: Confidentiality =
      kind === 'mediation_caucus'
        ? caucusParty === undefined
          ? 'internal'
          : `caucus:${caucusParty}`
        : 'public';
    const recorder = tools.enrollment?.userId;
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
    if (stored) onDone();
  };

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
        <label className="field">
          {t('mediation.hearing.utterance')} — {speakers[speaker]?.name}
          <input
            data-testid="utterance"
            value={utterance}
            onChange={(e) => {
              setUtterance(e.target.value);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
                e.preventDefault();
                addLine();
              }
            }}
          />
        </label>
        <div className="signing-actions">
          <button
            type="button"
            className="btn btn-primary"
            data-testid="session-finish"
            onClick={() => void finish()}
          >
            {t('mediation.hearing.finish')}
          </button>
          <button type="button" className="btn" onClick={onDone}>
            {t('mediation.hearing.cancel')}
          </button>
        </div>
        {message !== null && <p role="alert">{message}</p>}
      </div>
    );

  return (
    <div className="panel" data-testid="session-form">
      <div className="stage-form">
        <label className="field">
          {t('mediation.hearing.kind')}
          <select
            data-testid="session-kind"
            value={kind}
            onChange={(e) => {
              setKind(SESSION_KINDS.find((k) => k === e.target.value) ?? 'hearing');
            }}
          >
            {SESSION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`mediation.hearing.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('mediation.hearing.venue')}
          <select
            data-testid="session-venue"
            value={venue}
            onChange={(e) => {
              setVenue(VENUES.find((v) => v === e.target.value) ?? 'other');
            }}
          >
            {VENUES.map((v) => (
              <option key={v} value={v}>
                {VENUE_ZH[v]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('mediation.hearing.place')}
          <input
            data-testid="session-place"
            value={place}
            onChange={(e) => {
              setPlace(e.target.value);
            }}
          />
        </label>
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
            <label className="field">
              {t('mediation.hearing.participantName')}
              <input
                value={p.name}
                onChange={(e) => {
                  setPeople(people.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)));
                }}
              />
            </label>
            <label className="field">
              {t('mediation.hearing.participantRole')}
              <input
                value={p.role}
                onChange={(e) => {
                  setPeople(people.map((x, j) => (j === i ? { ...x, role: e.target.value } : x)));
                }}
              />
            </label>
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
