/*
 * Enrolling this laptop: the one-time code and the device's public key go to the hub; its answer (the
 * device id, user, organisation, tokens and the hub's own signing key) is checked against the contract
 * and saved. Only then is the device "enrolled": a failed or garbled answer changes nothing here.
 */
import type { HubErrorCode } from '#shared/sync/errors';
import { enrollRequestSchema } from '#shared/sync/wire';
import { err, ok, type Result } from '#shared/util/result';
import type { SyncLocal } from '../data/outbox';
import type { Enrollment } from '../data/store';
import { createHubClient, normalizeHubUrl, type FetchLike } from './hub-client';

export type EnrollInput = { hubUrl: string; code: string; deviceName: string };

/** Why enrollment failed; the page words each one (i18n `enroll.errors.<code>`). */
export type EnrollFailureCode =
  HubErrorCode | 'network' | 'bad_response' | 'invalid_url' | 'invalid_input' | 'already_enrolled';
export type EnrollFailure = {
  code: EnrollFailureCode;
  detail: string;
  field?: 'hubUrl' | 'code' | 'deviceName';
};

/** http(s) with no credentials, path ignored; anything else is not a hub address. */
export function checkHubUrl(raw: string): Result<string, EnrollFailure> {
  let url: URL;
  try {
    url = new URL(normalizeHubUrl(raw));
  } catch {
    return err({ code: 'invalid_url', detail: raw, field: 'hubUrl' });
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username !== '' || url.password !== '')
    return err({ code: 'invalid_url', detail: raw, field: 'hubUrl' });
  return ok(normalizeHubUrl(url.href));
}

/** What the hub answered that enrollment itself does not keep: the escrow of #8 needs it. */
export type EnrolledAnswer = {
  hubUrl: string;
  deviceId: string;
  token: string;
  recoveryPublicKey: JsonWebKey | null;
};

export type EnrollDeps = {
  local: SyncLocal;
  publicKey: () => Promise<JsonWebKey>;
  fetch: FetchLike;
  /** Runs once the enrollment is saved (escrow of the data key, #8); enrollment stands either way. */
  afterEnroll?: (answer: EnrolledAnswer) => Promise<void>;
};

export async function enrollDevice(
  d: EnrollDeps,
  input: EnrollInput,
): Promise<Result<Enrollment, EnrollFailure>> {
  if (await d.local.enrollment()) return err({ code: 'already_enrolled', detail: '' });
  const hubUrl = checkHubUrl(input.hubUrl);
  if (!hubUrl.ok) return hubUrl;
  const request = enrollRequestSchema.safeParse({
    code: input.code.trim(),
    deviceName: input.deviceName,
    publicKey: await d.publicKey(),
  });
  if (!request.success) {
    const path = String(request.error.issues[0]?.path[0] ?? '');
    const field = path === 'code' || path === 'deviceName' ? path : undefined;
    return err({ code: 'invalid_input', detail: request.error.message, ...(field ? { field } : {}) });
  }
  const answer = await createHubClient(hubUrl.value, d.fetch).enroll(request.data);
  if (!answer.ok) {
    const f = answer.error;
    switch (f.kind) {
      case 'network':
        return err({ code: 'network', detail: f.message, field: 'hubUrl' });
      case 'bad_response':
        return err({ code: 'bad_response', detail: f.message, field: 'hubUrl' });
      case 'hub':
        return err({
          code: f.code,
          detail: f.message,
          ...(f.code === 'unauthenticated' ? { field: 'code' } : {}),
        });
    }
  }
  const a = answer.value;
  const enrollment: Enrollment = {
    deviceId: a.deviceId,
    userId: a.user.id,
    userName: a.user.name,
    orgId: a.org.id,
    orgName: a.org.name,
    orgKind: a.org.kind,
    caseNumberPrefix: a.org.caseNumberPrefix,
    roles: a.user.roles,
    hubUrl: hubUrl.value,
  };
  // Session first: an enrollment without tokens could never sync, tokens without it are never used.
  await d.local.saveSession({
    token: a.token,
    tokenExpiresAt: a.tokenExpiresAt,
    refreshToken: a.refreshToken,
    hubPublicKey: a.hubPublicKey,
    hubDeviceId: a.hubDeviceId,
  });
  await d.local.saveEnrollment(enrollment);
  await d.afterEnroll?.({
    hubUrl: hubUrl.value,
    deviceId: a.deviceId,
    token: a.token,
    recoveryPublicKey: a.recoveryPublicKey,
  });
  return ok(enrollment);
}
