// @vitest-environment jsdom
/*
 * The evidence tab over a real store: files added through the picker become evidence.added events with
 * the SHA-256 of their bytes, the inventory lists them, a duplicate is refused with a link to the first,
 * a renamed file is refused, retraction needs a reason and keeps the item struck through.
 */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sha256HexOneShot } from '#shared/evidence/sha256';
import { EvidenceTab } from '../../../../renderer/features/evidence/EvidenceTab';
import { FAKE_JPEG, MINIMAL_PDF, withExif } from '../../../tools/jpeg-exif';
import { byTestId, click, mount, type, waitFor, type Mounted } from '../mediation/harness';

vi.mock('../../../../renderer/features/evidence/derive', () => ({
  makeDerivedCopies: () =>
    Promise.resolve({
      ok: true,
      width: 4,
      height: 4,
      copies: [
        { kind: 'thumb', bytes: new Uint8Array([1]), mime: 'image/jpeg' },
        { kind: 'display', bytes: new Uint8Array([2]), mime: 'image/jpeg' },
      ],
    }),
}));

let m: Mounted | undefined;
afterEach(() => {
  m?.unmount();
  m = undefined;
});

async function pick(host: HTMLElement, files: File[]) {
  const input = byTestId(host, 'evidence-file-input') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await Promise.resolve();
  });
}

const rows = (host: HTMLElement) => [...host.querySelectorAll('[data-testid="evidence-row"]')];
const photo = withExif(FAKE_JPEG, { make: 'HUAWEI', gps: { lat: 30.5, lng: 112.2 } });

describe('EvidenceTab', () => {
  it('adds files, lists them with their SHA-256, refuses a duplicate and a renamed file', async () => {
    m = await mount((id) => <EvidenceTab caseId={id} />, { stage2: true });
    const host = m.host;
    await waitFor(() => byTestId(host, 'evidence-tab'), 'tab');
    await type(byTestId(host, 'evidence-caption') as HTMLInputElement, '欠条');
    await pick(host, [new File([photo], '欠条.jpg'), new File([MINIMAL_PDF], '合同.pdf')]);
    await waitFor(() => rows(host).length === 2, 'two rows');
    const hashes = [...host.querySelectorAll('[data-testid="evidence-hash"]')].map((e) => e.textContent);
    expect(hashes).toEqual([await sha256HexOneShot(photo), await sha256HexOneShot(MINIMAL_PDF)]);
    const added = (await m.events()).filter((e) => e.type === 'evidence.added');
    expect(added.map((e) => (e.payload as { caption: string }).caption)).toEqual(['欠条', '欠条']);

    await pick(host, [new File([photo], 'again.jpg'), new File([MINIMAL_PDF], 'fake.png')]);
    const queue = await waitFor(() => {
      const q = byTestId(host, 'evidence-queue');
      return q?.textContent.includes('已在本案中') && q.textContent.includes('fake.png') ? q : null;
    }, 'refusals');
    expect(queue.textContent).toContain('第 1 号“欠条”');
    expect(queue.textContent).toContain('扩展名是 .png');
    expect(rows(host)).toHaveLength(2);
  });

  it('retracts with a reason; the item stays, struck through', async () => {
    m = await mount((id) => <EvidenceTab caseId={id} />, { stage2: true });
    const host = m.host;
    await waitFor(() => byTestId(host, 'evidence-tab'), 'tab');
    await pick(host, [new File([MINIMAL_PDF], '合同.pdf')]);
    const row = await waitFor(() => rows(host)[0], 'row');
    const retract = [...row.querySelectorAll('button')].find((b) => b.textContent === '撤回');
    await click(retract as HTMLButtonElement);
    const confirm = byTestId(host, 'evidence-retract-confirm') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    await type(byTestId(host, 'evidence-retract-reason') as HTMLTextAreaElement, '当事人提交错了');
    await click(confirm);
    await waitFor(() => host.querySelector('.evidence-row--retracted'), 'struck through');
    expect(rows(host)).toHaveLength(1);
    expect(host.textContent).toContain('已撤回：当事人提交错了');
    expect((await m.events()).some((e) => e.type === 'evidence.retracted')).toBe(true);
  });

  it('opens the viewer with the EXIF of a photo (GPS shown) and rotates only the view', async () => {
    m = await mount((id) => <EvidenceTab caseId={id} />, { stage2: true });
    const host = m.host;
    await waitFor(() => byTestId(host, 'evidence-tab'), 'tab');
    await pick(host, [new File([photo], '现场.jpg')]);
    const row = await waitFor(() => rows(host)[0], 'row');
    const view = [...row.querySelectorAll('button')].find((b) => b.textContent === '查看');
    await click(view as HTMLButtonElement);
    const gps = await waitFor(() => byTestId(host, 'evidence-gps'), 'gps');
    expect(gps.textContent).toContain('30.50000, 112.20000');
    expect(byTestId(host, 'evidence-exif')?.textContent).toContain('HUAWEI');
    const img = await waitFor(() => byTestId(host, 'evidence-display'), 'display copy');
    await click(byTestId(host, 'evidence-rotate') as HTMLButtonElement);
    expect(img.style.transform).toContain('rotate(90deg)');
    expect((await m.events()).filter((e) => e.type.startsWith('evidence.'))).toHaveLength(1);
  });
});
