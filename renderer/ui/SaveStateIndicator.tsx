/* The save state of what is on screen, in the top bar. */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { assertNever } from '#shared/util/assert-never';
import { useSaveState, type SaveState } from '../stores/save-state';
import type { IconName } from './icons';
import { StatusPill, type Tone } from './StatusPill';

type Look = { icon: IconName; text: string; tone: Tone };

export function describeSaveState(state: SaveState, t: TFunction): Look {
  switch (state) {
    case 'saving':
      return { icon: 'saving', text: t('saveState.saving'), tone: 'neutral' };
    case 'saved-local':
      return { icon: 'savedLocal', text: t('saveState.savedLocal'), tone: 'ok' };
    case 'synced':
      return { icon: 'synced', text: t('saveState.synced'), tone: 'ok' };
    case 'sync-failed':
      return { icon: 'syncFailed', text: t('saveState.syncFailed'), tone: 'warn' };
    case 'conflict':
      return { icon: 'conflict', text: t('saveState.conflict'), tone: 'danger' };
    case 'save-failed':
      return { icon: 'saveFailed', text: t('saveState.saveFailed'), tone: 'danger' };
    default:
      return assertNever(state);
  }
}

export function SaveStateIndicator() {
  const { t } = useTranslation();
  const state = useSaveState();
  const look = describeSaveState(state, t);
  return <StatusPill testId="save-state" label={t('saveState.label')} {...look} />;
}
