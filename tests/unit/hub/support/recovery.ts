// Recovery deps for hub suites: a fixed secret and ONE cached RSA-3072 pair (generating a pair per
// organisation would cost up to a second each and is not what these suites test).
import { ok } from '#shared/util/result';
import { generateRecoveryKeyPair } from '../../../../hub/src/recovery/recovery-keys';
import type { RecoveryDeps } from '../../../../hub/src/recovery/recovery-service';

export const TEST_RECOVERY_SECRET = 'test-recovery-secret-0123456789';

let pair: Promise<CryptoKeyPair> | null = null;

export const TEST_RECOVERY: RecoveryDeps = {
  secret: () => ok(TEST_RECOVERY_SECRET),
  newKeyPair: () => (pair ??= generateRecoveryKeyPair()),
};
