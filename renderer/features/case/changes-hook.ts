/* The text of one correction of a party or claim (old → new), from the case's events. */
import { useCaseEvents } from '../../app/data-provider';
import { describeChanges, valuesBefore } from './changes';

export function useHistoryText(caseId: string, itemId: string) {
  const events = useCaseEvents(caseId).data ?? [];
  return (eventId: string, changes: object): string => {
    const e = events.find((x) => x.id === eventId);
    return describeChanges(changes as Record<string, unknown>, e ? valuesBefore(events, itemId, e) : null);
  };
}
