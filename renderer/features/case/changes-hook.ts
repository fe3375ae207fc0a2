/* The text of one correction of a party or claim (old → new), from the case's events, in the UI language. */
import { useTranslation } from 'react-i18next';
import { useCaseEvents } from '../../app/data-provider';
import type { caseFileZh } from '../../i18n/features/caseFile';
import { CHANGE_FIELDS, describeChanges, valuesBefore, type ChangeWords } from './changes';

type ChangeField = keyof typeof caseFileZh.changes.fields;

const isChangeField = (k: string): k is ChangeField => CHANGE_FIELDS.includes(k);

/** caseFile.changes in the current UI language. */
export function useChangeWords(): ChangeWords {
  const { t } = useTranslation();
  return {
    field: (key) => (isChangeField(key) ? t(`caseFile.changes.fields.${key}`) : key),
    yes: t('caseFile.changes.yes'),
    no: t('caseFile.changes.no'),
    reason: (reason) => t('caseFile.changes.reason', { reason }),
    labelled: (field, value) => t('caseFile.changes.labelled', { field, value }),
    join: (first, next) => t('caseFile.changes.joined', { first, next }),
  };
}

export function useHistoryText(caseId: string, itemId: string) {
  const events = useCaseEvents(caseId).data ?? [];
  const words = useChangeWords();
  return (eventId: string, changes: object): string => {
    const e = events.find((x) => x.id === eventId);
    return describeChanges(
      changes as Record<string, unknown>,
      e ? valuesBefore(events, itemId, e) : null,
      words,
    );
  };
}
