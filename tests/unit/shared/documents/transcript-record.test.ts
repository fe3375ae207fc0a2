/*
 * Transcripts as their own record (#6): transcript.recorded parts hold a long hearing whole (no 20k
 * cap), the reducer joins them in part order, refuses parts after signing (corrections are addenda),
 * party documents see only main-file transcripts, and cases recorded the old way (text in a note) read
 * the same.
 */
import { describe, expect, it } from 'vitest';
import { reduceCase } from '#shared/case/reduce';
import { partyView } from '#shared/documents/party-view';
import { sessionTranscript, transcriptParts } from '#shared/documents/transcript';
import { TRANSCRIPT_PART_MAX, transcriptRecordedV1 } from '#shared/events/payloads-proceedings';
import { SAMPLE_IDS as A, SAMPLE_PAYLOADS as P } from '#shared/events/testing-samples';
import { fakeDevice } from '../case/builder';

const T = A.transcript;
const line = (i: number) => `${i % 2 === 0 ? '仲裁员' : '张三'}：${'陈述内容'.repeat(250)}第${String(i)}句`;

describe('transcriptParts', () => {
  it('splits a three-hour hearing (≈150,000 characters) at line ends; the parts join back to the text', () => {
    const text = Array.from({ length: 150 }, (_, i) => line(i)).join('\n');
    expect(text.length).toBeGreaterThan(150_000);
    const parts = transcriptParts(text, TRANSCRIPT_PART_MAX);
    expect(parts.length).toBe(4);
    expect(parts.join('\n')).toBe(text);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(TRANSCRIPT_PART_MAX);
      expect(
        transcriptRecordedV1.safeParse({ transcriptId: T, sessionId: A.session, part: 1, text: p }).success,
      ).toBe(true);
    }
  });

  it('cuts an utterance longer than a part, and gives nothing for an empty transcript', () => {
    expect(transcriptParts('a'.repeat(25), 10)).toEqual(['a'.repeat(10), 'a'.repeat(10), 'a'.repeat(5)]);
    expect(transcriptParts('', 10)).toEqual([]);
  });

  it('the schema refuses a part over the limit, a blank part, or part 0', () => {
    const ok = { transcriptId: T, sessionId: A.session, part: 1, text: 'x' };
    expect(transcriptRecordedV1.safeParse({ ...ok, text: 'x'.repeat(TRANSCRIPT_PART_MAX + 1) }).success).toBe(
      false,
    );
    expect(transcriptRecordedV1.safeParse({ ...ok, text: '  ' }).success).toBe(false);
    expect(transcriptRecordedV1.safeParse({ ...ok, part: 0 }).success).toBe(false);
  });
});

describe('transcript.recorded in the reducer', () => {
  const d = fakeDevice(1);
  const opened = d.emit('case.opened', P['case.opened']);
  const session = d.emit('session.held', P['session.held']);
  const part = (n: number, text: string, conf: 'public' | 'internal' = 'public') =>
    d.emit('transcript.recorded', { transcriptId: T, sessionId: A.session, part: n, text }, { conf });

  it('joins the parts in part order whatever order they were recorded in', () => {
    const two = part(2, '张三：第二部分');
    const one = part(1, '仲裁员：第一部分');
    const s = reduceCase([opened, session, two, one]);
    expect(sessionTranscript(s, A.session)?.text).toBe('仲裁员：第一部分\n张三：第二部分');
    expect(s.problems).toEqual([]);
  });

  it('refuses a part after signing, a part given twice, and a part of an unknown session', () => {
    const one = part(1, '仲裁员：开庭');
    const again = part(1, '仲裁员：重复');
    const signed = d.emit('transcript.signed', P['transcript.signed']);
    const late = part(2, '张三：签名后补充');
    const stray = d.emit('transcript.recorded', {
      ...P['transcript.recorded'],
      transcriptId: A.event,
      sessionId: A.referral,
    });
    const s = reduceCase([opened, session, one, again, signed, late, stray]);
    expect(s.problems.map((p) => [p.code, p.message])).toEqual([
      ['duplicate_item', '笔录第1部分已记录'],
      ['after_signing', '笔录已经签名，只能以补正的方式更正'],
      ['unknown_session', '笔录对应的活动尚未记录'],
    ]);
    expect(sessionTranscript(s, A.session)?.text).toBe('仲裁员：开庭');
  });

  it('keeps an internal transcript out of the party view', () => {
    const s = reduceCase([opened, session, part(1, '仲裁员：评议意见', 'internal')]);
    expect(sessionTranscript(s, A.session)?.text).toBe('仲裁员：评议意见');
    expect(sessionTranscript(partyView(s), A.session)).toBeNull();
  });

  it('reads a transcript recorded before #6 (text in a note) with its addenda', () => {
    const legacy = d.emit('note.recorded', {
      noteId: A.note,
      method: 'five_heart',
      stage: 1,
      sessionId: A.session,
      fields: { kind: 'transcript', transcriptId: T },
      text: '调解员：旧格式笔录',
    });
    const addendum = d.emit('note.recorded', {
      noteId: A.document,
      method: 'five_heart',
      stage: 1,
      sessionId: A.session,
      fields: { kind: 'transcript_addendum', transcriptId: T },
      text: '补正：日期应为十一月二十五日',
    });
    const got = sessionTranscript(reduceCase([opened, session, legacy, addendum]), A.session);
    expect([got?.transcriptId, got?.text, got?.addenda.map((n) => n.text)]).toEqual([
      T,
      '调解员：旧格式笔录',
      ['补正：日期应为十一月二十五日'],
    ]);
  });
});
