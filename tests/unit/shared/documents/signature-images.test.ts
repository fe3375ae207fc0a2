/*
 * The signed agreement prints with the signature images and the seal (#6): embedded only as image data
 * URLs, and never part of the hashed text.
 */
import { describe, expect, it } from 'vitest';
import { buildAgreementDocument, type AgreementContent } from '#shared/documents/agreement';
import { renderBodyHtml, renderText } from '#shared/documents/model';
import { buildTranscriptDocument } from '#shared/documents/templates';
import { partyView } from '#shared/documents/party-view';
import { buildCase } from './scenario';

const H = (c: string) => c.repeat(64);
const SVG_URL = `data:image/svg+xml;base64,${btoa('<svg xmlns="http://www.w3.org/2000/svg"/>')}`;
const PNG_URL = 'data:image/png;base64,iVBORw0KGgo=';

describe('signature images in the agreement', () => {
  const view = partyView(buildCase().state);
  const content: AgreementContent = {
    agreementId: '01930000-0000-7000-8000-000000000401',
    basis: {
      facts: '申请人在被申请人工地务工，工资未结清。',
      disputes: '被申请人应否支付拖欠工资',
      responsibility: '',
      manner: '银行转账',
    },
    terms: [{ description: '支付拖欠工资', amountFen: 1_860_000 }],
    instalments: [],
    nextStep: 'perform_now',
  };
  const ctx = { orgName: '某调解委员会', date: '2026-11-29', mediatorName: '王调解' };

  it('prints each signer’s image beside the name and the seal over the date', () => {
    const doc = buildAgreementDocument(
      view,
      content,
      ctx,
      [{ mark: '已签名', imageSha256: H('1') }, { mark: '已签名', imageSha256: H('2') }, { mark: '已签名' }],
      H('3'),
    );
    const html = renderBodyHtml(
      doc,
      new Map([
        [H('1'), SVG_URL],
        [H('2'), 'javascript:alert(1)'],
        [H('3'), PNG_URL],
      ]),
    );
    expect(html).toContain(`<img class="sig" src="${SVG_URL}" alt="张三的签名">`);
    expect(html).not.toContain('javascript:');
    expect(html.match(/<img class="sig"/g)).toHaveLength(1);
    expect(html).toContain(`<img class="seal" src="${PNG_URL}" alt="印章">`);
    expect(renderText(doc)).toBe(
      renderText(buildAgreementDocument(view, content, ctx, ['已签名', '已签名', '已签名'])),
    );
  });

  it('a signed transcript prints what each participant left, in participant order', () => {
    const session = view.sessions[0];
    if (!session) throw new Error('no session');
    const doc = buildTranscriptDocument(view, session, '调解员：开始', [], ctx, [
      { mark: '已签名', imageSha256: H('4') },
      { mark: '拒绝签名' },
    ]);
    expect(doc.signers.slice(0, 2).map((x) => [x.mark, x.imageSha256])).toEqual([
      ['已签名', H('4')],
      ['拒绝签名', undefined],
    ]);
    expect(renderBodyHtml(doc, new Map([[H('4'), SVG_URL]]))).toContain('<img class="sig"');
  });
});
