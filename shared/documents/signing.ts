/*
 * The signing flow of an agreement or a transcript as a small pure state machine: it may start only
 * when nothing required is missing and the text is not sealed, collects one signature per signer in
 * order, and ends with the payload of agreement.signed (text hash + each signature image's hash).
 */
import type { PayloadOf } from '#shared/events/envelope';
import type { Signature } from '#shared/events/payload-common';
import { msg, type LawMessage } from '#shared/law/messages';
import { err, ok, type Result } from '#shared/util/result';

/** Who signs, in order: the parties, then the mediator. */
export type Signer = {
  readonly name: string;
  readonly roleZh: string;
  readonly partyId?: string;
  readonly userId?: string;
};

export type SigningState =
  | {
      readonly phase: 'signing';
      readonly textSha256: string;
      readonly signers: readonly Signer[];
      readonly done: readonly Signature[];
    }
  | {
      readonly phase: 'complete';
      readonly textSha256: string;
      readonly signers: readonly Signer[];
      readonly done: readonly Signature[];
    };

export type StartInput = {
  readonly missing: readonly { readonly zh: string }[];
  readonly sealed: boolean;
  readonly textSha256: string | null;
  /** The hash of the text on screen now; signing a text other than the saved draft is refused. */
  readonly currentSha256: string;
  readonly signers: readonly Signer[];
};

/** Opens the flow, or says why not (missing ★ fields, sealed, unsaved draft, nobody to sign). */
export function startSigning(i: StartInput): Result<SigningState, LawMessage> {
  if (i.sealed) return err(msg('sign_sealed', '协议已封存，不能再次签署', 'Already sealed'));
  if (i.missing.length > 0)
    return err(
      msg(
        'sign_missing',
        `尚有必填项未填写，不能签署：${i.missing.map((m) => m.zh).join('、')}`,
        'Required fields are missing',
      ),
    );
  if (i.textSha256 === null)
    return err(msg('sign_no_draft', '请先保存协议草稿再签署', 'Save the draft before signing'));
  if (i.textSha256 !== i.currentSha256)
    return err(
      msg('sign_stale', '协议内容已修改，请先保存草稿再签署', 'The text changed; save the draft first'),
    );
  if (i.signers.length === 0) return err(msg('sign_no_signers', '没有签署人', 'No signers'));
  return ok({ phase: 'signing', textSha256: i.textSha256, signers: i.signers, done: [] });
}

/** The signer whose turn it is (null when complete). */
export const currentSigner = (s: SigningState): Signer | null =>
  s.phase === 'signing' ? (s.signers[s.done.length] ?? null) : null;

/** Adds the current signer's mark; an empty pad is refused. */
export function addSignature(
  s: SigningState,
  mark: { imageSha256: string | null; at: string; kind?: Signature['mark'] },
): Result<SigningState, LawMessage> {
  const who = currentSigner(s);
  if (who === null) return err(msg('sign_complete', '所有人均已签署', 'Everyone has signed'));
  const kind = mark.kind ?? 'signature';
  if (kind !== 'refused' && mark.imageSha256 === null)
    return err(msg('sign_empty', `请${who.name}在签名板上签名`, `${who.name} has not signed yet`));
  const sig: Signature = {
    signer: who.name,
    mark: kind,
    at: mark.at,
    ...(who.partyId === undefined ? {} : { partyId: who.partyId }),
    ...(who.userId === undefined ? {} : { userId: who.userId }),
    ...(mark.imageSha256 === null ? {} : { imageSha256: mark.imageSha256 }),
  };
  const done = [...s.done, sig];
  return ok({ ...s, done, phase: done.length === s.signers.length ? 'complete' : 'signing' });
}

/** Goes back one signer (the signer wants to sign again before the next one starts). */
export function undoLast(s: SigningState): SigningState {
  return s.done.length === 0 ? s : { ...s, phase: 'signing', done: s.done.slice(0, -1) };
}

/** The agreement.signed payload of a complete flow; sealed at once (later changes are addenda). */
export function signedPayload(
  s: SigningState,
  agreementId: string,
  signedAt: string,
): Result<PayloadOf<'agreement.signed'>, LawMessage> {
  if (s.phase !== 'complete') return err(msg('sign_incomplete', '还有人未签署', 'Not everyone has signed'));
  if (s.done.some((x) => x.mark === 'refused'))
    return err(msg('sign_refused', '有当事人拒绝签署，协议不能生效', 'A party refused to sign'));
  return ok({ agreementId, textSha256: s.textSha256, signatures: [...s.done], sealed: true, signedAt });
}
