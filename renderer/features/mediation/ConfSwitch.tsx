/* The confidentiality switch of a note: 正卷 (public) · 副卷 (internal) · 背靠背 with which party. */
import { useTranslation } from 'react-i18next';
import type { CaseState } from '#shared/case/index';
import type { Confidentiality } from '#shared/events/envelope';

export type ConfChoice = { level: 'public' | 'internal' | 'caucus'; partyId: string };

/** The envelope conf of a choice, or null when a caucus note has no party yet. */
export const confOf = (c: ConfChoice): Confidentiality | null =>
  c.level === 'caucus' ? (c.partyId === '' ? null : `caucus:${c.partyId}`) : c.level;

export function ConfSwitch({
  value,
  onChange,
  state,
  idPrefix,
}: {
  value: ConfChoice;
  onChange: (c: ConfChoice) => void;
  state: CaseState;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const principals = state.parties.filter((p) => p.current.role !== 'agent');
  return (
    <fieldset className="conf-switch" data-testid={`${idPrefix}-conf`}>
      <legend>{t('mediation.conf.label')}</legend>
      {(['public', 'internal', 'caucus'] as const).map((level) => (
        <label key={level} className={`conf-option conf-option--${level}`}>
          <input
            type="radio"
            name={`${idPrefix}-conf`}
            value={level}
            checked={value.level === level}
            onChange={() => {
              onChange({ ...value, level });
            }}
          />
          {t(`mediation.conf.${level}`)}
        </label>
      ))}
      {value.level === 'caucus' && (
        <label>
          {t('mediation.conf.party')}
          <select
            value={value.partyId}
            data-testid={`${idPrefix}-conf-party`}
            onChange={(e) => {
              onChange({ ...value, partyId: e.target.value });
            }}
          >
            <option value="">—</option>
            {principals.map((p) => (
              <option key={p.partyId} value={p.partyId}>
                {p.current.name}
              </option>
            ))}
          </select>
        </label>
      )}
    </fieldset>
  );
}

/** The badge of a note's confidentiality; caucus notes are visibly marked with the party's name. */
export function ConfBadge({ conf, state }: { conf: Confidentiality; state: CaseState }) {
  const { t } = useTranslation();
  if (conf === 'public')
    return <span className="conf-badge conf-badge--public">{t('mediation.conf.public')}</span>;
  if (conf === 'internal')
    return <span className="conf-badge conf-badge--internal">{t('mediation.conf.internal')}</span>;
  const id = conf.slice('caucus:'.length);
  const name = state.parties.find((p) => p.partyId === id)?.current.name ?? '';
  return <span className="conf-badge conf-badge--caucus">{t('mediation.conf.caucusWith', { name })}</span>;
}
