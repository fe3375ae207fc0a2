/* A user enrolled with several roles signs each event with the role the hub will accept for its type. */
import { describe, expect, it } from 'vitest';
import { SAMPLE_PAYLOADS } from '#shared/events/testing-samples';
import { judgeWrite } from '../../../../hub/src/sync/permissions';
import { ENROLLMENT, harness } from './store-harness';

describe('the signed role of a multi-role user', () => {
  it('admin + mediator opens a case as mediator; mediator + supervisor reassigns as supervisor', async () => {
    const { store } = harness();
    await store.saveEnrollment({ ...ENROLLMENT, roles: ['admin', 'mediator', 'supervisor'] });
    const author = await store.author();
    if (!author) throw new Error('not enrolled');
    const caseId = store.newId();
    const written = await store.write(author, [
      { caseId, type: 'case.opened', payload: SAMPLE_PAYLOADS['case.opened'] },
      { caseId, type: 'case.reassigned', payload: SAMPLE_PAYLOADS['case.reassigned'] },
    ]);
    if (!written.ok) throw new Error(written.error.message);
    const [opened, reassigned] = written.value;
    expect(opened?.actor.role).toBe('mediator');
    expect(reassigned?.actor.role).toBe('supervisor');

    // What the hub decides for the same user: the old first-role signing ('admin') was refused.
    const user = {
      id: ENROLLMENT.userId,
      orgId: ENROLLMENT.orgId,
      name: '王调解',
      roles: ['admin', 'mediator', 'supervisor'] as const,
      createdAt: 0,
    };
    const facts = { conf: 'public', user: { ...user, roles: [...user.roles] }, existing: null, canSee: true };
    expect(judgeWrite({ ...facts, type: 'case.opened', role: opened?.actor.role ?? '' })).toBeNull();
    expect(judgeWrite({ ...facts, type: 'case.opened', role: 'admin' })).toMatch(/cannot write case events/);
  });
});
