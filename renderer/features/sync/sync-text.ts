/* Words for sync outcomes: a run's failure, a rejection reason, times and sizes. */
import type { TFunction } from 'i18next';
import { PUSH_REJECTION_REASONS } from '#shared/sync/errors';
import type { RunFailure } from '../../sync/engine';

export function failureText(t: TFunction, f: RunFailure): string {
  switch (f.kind) {
    case 'not_enrolled':
      return t('sync.failure.not_enrolled');
    case 'revoked':
      return t(`sync.failure.${f.code}`);
    case 'network':
      return t('sync.failure.network');
    case 'hub':
      return t('sync.failure.hub', { code: f.code, message: f.message });
    case 'bad_response':
      return t('sync.failure.bad_response', { message: f.message });
    case 'local':
      return t('sync.failure.local', { message: f.message });
  }
}

const KNOWN = [...PUSH_REJECTION_REASONS, 'payload_too_large'] as const;
type Known = (typeof KNOWN)[number];

/** The stored `reason[: detail]` of a rejection, split, with the reason's explanation. */
export function rejectionText(
  t: TFunction,
  lastError: string,
): { reason: string; text: string; detail: string } {
  const at = lastError.indexOf(':');
  const reason = at < 0 ? lastError : lastError.slice(0, at);
  const detail = at < 0 ? '' : lastError.slice(at + 1).trim();
  const known = (KNOWN as readonly string[]).includes(reason);
  const text = known ? t(`sync.reasons.${reason as Known}`) : t('sync.reasons.unknown', { reason });
  return { reason, text, detail };
}

export function formatTime(ms: number, language: string): string {
  return new Date(ms).toLocaleString(language === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai' });
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${String(n)} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

const QUARANTINE = [
  'schema_invalid',
  'bad_hash',
  'bad_signature',
  'unknown_device',
  'chain_gap',
  'fork',
  'prev_mismatch',
  'id_conflict',
] as const;
type QuarantineReason = (typeof QUARANTINE)[number];

/** Why a pulled record is in the quarantine, in words. */
export function quarantineText(t: TFunction, why: string): string {
  return (QUARANTINE as readonly string[]).includes(why)
    ? t(`sync.quarantine.reasons.${why as QuarantineReason}`)
    : t('sync.quarantine.reasons.unknown', { reason: why });
}
