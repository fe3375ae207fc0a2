/*
 * 时间线: every event with who (role and user), when (claimed wall time and HLC), where (the location
 * the event carries, if any) and what; corrections under what they correct.
 */
import { useTranslation } from 'react-i18next';
import type { CaseEvent } from '#shared/events/envelope';
import { useCaseEvents } from '../../app/data-provider';
import { useVocab } from '../../ui/vocab';
import { useCaseFile } from './use-case-file';
import { useChangeWords } from './changes-hook';
import { eventDetail, timelineLines } from './timeline';

const placeOf = (e: CaseEvent | undefined): string => {
  const loc = (e?.payload as { location?: { description?: string; lat?: number; lng?: number } } | undefined)
    ?.location;
  if (!loc) return '';
  if (loc.description) return loc.description;
  return loc.lat !== undefined && loc.lng !== undefined ? `${loc.lat.toFixed(5)}, ${loc.lng.toFixed(5)}` : '';
};

const wallText = (iso: string): string =>
  new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

export function TimelineTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const words = useChangeWords();
  const state = useCaseFile(caseId).data;
  const events = useCaseEvents(caseId).data ?? [];
  if (!state) return null;
  const byId = new Map(events.map((e) => [e.id, e]));
  const lines = timelineLines(state.audit);
  return (
    <ol className="timeline" data-testid="tab-timeline">
      {lines.map(({ entry, depth, correctsSummary }) => (
        <li
          key={entry.eventId}
          className={`timeline__item${depth > 0 ? ' timeline__item--correction' : ''}`}
          style={{ marginLeft: `${String(Math.min(depth, 3) * 2)}rem` }}
          data-testid="timeline-item"
        >
          <div className="timeline__when">
            <strong>{wallText(entry.wall)}</strong>
            <small className="muted">{t('caseFile.timeline.hlc', { hlc: entry.hlc })}</small>
          </div>
          <div className="timeline__what">
            {depth > 0 && correctsSummary ? (
              <span className="badge badge--warn">
                {t('caseFile.timeline.corrects', { what: correctsSummary })}
              </span>
            ) : null}
            <span>{entry.summary}</span>
            <span className="timeline__detail">{eventDetail(byId.get(entry.eventId), events, words)}</span>
            {entry.conf !== 'public' ? (
              <span className="badge">
                {entry.conf === 'internal' ? t('caseFile.timeline.internal') : t('caseFile.timeline.caucus')}
              </span>
            ) : null}
          </div>
          <div className="timeline__who muted">
            {vocab('actorRole', entry.actor.role)} · {entry.actor.userId.slice(-6)} ·{' '}
            {t('caseFile.timeline.device', { id: entry.actor.deviceId.slice(-6) })}
          </div>
          <div className="timeline__where muted">{placeOf(byId.get(entry.eventId))}</div>
        </li>
      ))}
    </ol>
  );
}
