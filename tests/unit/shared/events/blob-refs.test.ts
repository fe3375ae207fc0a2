/* Which files an event names (#6): the hub's blob access and the laptop's upload queue read this list. */
import { describe, expect, it } from 'vitest';
import { blobRefsOf } from '#shared/events/blob-refs';
import { SAMPLE_PAYLOADS as P } from '#shared/events/testing-samples';
import { fakeDevice } from '../case/builder';

const H = (c: string) => c.repeat(64);

describe('blobRefsOf', () => {
  const d = fakeDevice(1);

  it('names evidence originals and issued documents with their sizes', () => {
    expect(blobRefsOf(d.emit('evidence.added', P['evidence.added']))).toEqual([
      {
        sha256: P['evidence.added'].sha256,
        label: P['evidence.added'].fileName,
        size: P['evidence.added'].size,
      },
    ]);
    expect(blobRefsOf(d.emit('document.issued', P['document.issued']))).toEqual([
      { sha256: H('a'), label: '调解协议书', size: 2048 },
    ]);
  });

  it('names every signature image and the seal of a signed agreement, once each', () => {
    const e = d.emit('agreement.signed', {
      ...P['agreement.signed'],
      signatures: [
        { signer: '张三', mark: 'signature', imageSha256: H('1') },
        { signer: '李四', mark: 'refused' },
        { signer: '王调解', mark: 'signature', imageSha256: H('2') },
        { signer: '王调解', mark: 'signature', imageSha256: H('2') },
      ],
      sealImageSha256: H('3'),
    });
    expect(blobRefsOf(e)).toEqual([
      { sha256: H('1'), label: '签名：张三', size: null },
      { sha256: H('2'), label: '签名：王调解', size: null },
      { sha256: H('3'), label: '印章', size: null },
    ]);
  });

  it('names the signature images of a signed transcript; other events name none', () => {
    const e = d.emit('transcript.signed', {
      ...P['transcript.signed'],
      signatures: [{ signer: '张三', mark: 'signature', imageSha256: H('4') }],
    });
    expect(blobRefsOf(e).map((r) => r.sha256)).toEqual([H('4')]);
    expect(blobRefsOf(d.emit('payment.recorded', P['payment.recorded']))).toEqual([]);
  });
});
