// Types for eslint.config.js, so tests/unit/lint can import the boundary rules it proves.
import type { Linter } from 'eslint';

export const boundaryConfigs: Linter.Config[];
declare const config: Linter.Config[];
export default config;
