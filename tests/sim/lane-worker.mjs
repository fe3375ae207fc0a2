// Worker-thread entry of sim.test.ts: the lane is TypeScript, and vitest's transform does not reach
// worker threads, so tsx (already a dev dependency, used by the node benches) loads it here.
import { register } from 'tsx/esm/api';

register();
await import('./lane.ts');
