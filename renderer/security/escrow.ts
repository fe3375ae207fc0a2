/*
 * Escrow of the device data key at enrollment (#8 part 3, hub/README "Recovering a device"). The
 * passphrase is checked first, so a mistyped one never uses up the one-time code; the hub's enrollment
 * answer names the organisation's recovery public key; the data key is wrapped to it (RSA-OAEP-256),
 * kept in the key file and sent with PUT /v1/devices/recovery-key. Only after the hub answers 204 is the
 * escrow recorded as held by the hub. The enrollment stands even when the escrow fails: the outcome
 * says why, and the page tells the user.
 */
import { err, ok, type Result } from '#shared/util/result';
import { enrollDevice, type EnrollDeps, type EnrollFailure, type EnrollInput } from '../sync/enroll';
import { createHubClient, normalizeHubUrl, type FetchLike } from '../sync/hub-client';
import { createTokenSource } from '../sync/session';
import type { SyncLocal } from '../data/outbox';
import type { Enrollment } from '../data/store';
import type { Keyring, KeyringError } from './keyring';

/** What became of the escrow. `no_org_key`: the hub's organisation has no recovery key yet. */
export type EscrowOutcome =
  | { state: 'escrowed'; deviceId: string }
  | { state: 'no_org_key' }
  | { state: 'failed'; reason: 'wrap' | 'hub'; detail: string };

export type EnrollEscrowFailure =
  { kind: 'enroll'; failure: EnrollFailure } | { kind: 'passphrase'; error: KeyringError };

/** Sends the wrap to the hub; 204 is the only success. */
export async function putRecoveryKey(
  fetchFn: FetchLike,
  hubUrl: string,
  token: string,
  wrappedRecoveryKey: string,
): Promise<Result<void, string>> {
  try {
    const res = await fetchFn(`${normalizeHubUrl(hubUrl)}/v1/devices/recovery-key`, {
      method: 'PUT',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        'Accept-Language': 'zh-CN',
      },
      body: JSON.stringify({ wrappedRecoveryKey }),
    });
    if (res.status === 204) return ok(undefined);
    const body = await res.text().catch(() => '');
    return err(`HTTP ${String(res.status)} ${body.slice(0, 200)}`);
  } catch (e) {
    return err(e instanceof Error ? e.message : String(e));
  }
}

export type EnrollWithEscrowDeps = Omit<EnrollDeps, 'afterEnroll'> & { keyring: Keyring; fetch: FetchLike };

/** Enrolls this device and escrows its data key to the organisation (see the file comment). */
export async function enrollWithEscrow(
  d: EnrollWithEscrowDeps,
  input: EnrollInput,
  passphrase: string,
): Promise<Result<{ enrollment: Enrollment; escrow: EscrowOutcome }, EnrollEscrowFailure>> {
  const handle = await d.keyring.openEscrow(passphrase);
  if (!handle.ok) return err({ kind: 'passphrase', error: handle.error });
  let escrow: EscrowOutcome = { state: 'failed', reason: 'hub', detail: 'no answer' };
  try {
    const enrolled = await enrollDevice(
      {
        local: d.local,
        publicKey: d.publicKey,
        fetch: d.fetch,
        afterEnroll: async (a) => {
          if (!a.recoveryPublicKey) {
            escrow = { state: 'no_org_key' };
            return;
          }
          const wrapped = await handle.value.wrap(a.recoveryPublicKey);
          handle.value.close(); // the raw key is not needed for the network round trip
          if (!wrapped.ok) {
            escrow = { state: 'failed', reason: 'wrap', detail: wrapped.error.message };
            return;
          }
          const put = await putRecoveryKey(d.fetch, a.hubUrl, a.token, wrapped.value);
          if (!put.ok) {
            escrow = { state: 'failed', reason: 'hub', detail: put.error };
            return;
          }
          const marked = await d.keyring.markEscrowed(a.deviceId, wrapped.value);
          escrow = marked.ok
            ? { state: 'escrowed', deviceId: a.deviceId }
            : { state: 'failed', reason: 'wrap', detail: marked.error.message };
        },
      },
      input,
    );
    if (!enrolled.ok) return err({ kind: 'enroll', failure: enrolled.error });
    return ok({ enrollment: enrolled.value, escrow });
  } finally {
    handle.value.close();
  }
}

/**
 * Sends the wrap kept in the key file again (the hub refused or was unreachable right after
 * enrollment). Needs no passphrase: the wrap is already encrypted to the organisation key.
 */
export async function retryEscrow(
  d: { keyring: Keyring; local: SyncLocal; fetch: FetchLike; now: () => number },
  enrollment: Pick<Enrollment, 'hubUrl' | 'deviceId'>,
): Promise<EscrowOutcome> {
  const info = await d.keyring.info();
  if (!info.ok) return { state: 'failed', reason: 'wrap', detail: info.error.message };
  const recovery = info.value?.recovery;
  if (!recovery) return { state: 'no_org_key' };
  if (recovery.hub?.deviceId === enrollment.deviceId)
    return { state: 'escrowed', deviceId: enrollment.deviceId };
  const tokens = createTokenSource(d.local, createHubClient(enrollment.hubUrl, d.fetch), d.now);
  const put = await tokens.withToken(async (token) => {
    const r = await putRecoveryKey(d.fetch, enrollment.hubUrl, token, recovery.wrapped);
    return r.ok ? ok(r.value) : err({ kind: 'network' as const, message: r.error });
  });
  if (!put.ok) return { state: 'failed', reason: 'hub', detail: put.error.message };
  const marked = await d.keyring.markEscrowed(enrollment.deviceId, recovery.wrapped);
  return marked.ok
    ? { state: 'escrowed', deviceId: enrollment.deviceId }
    : { state: 'failed', reason: 'wrap', detail: marked.error.message };
}
