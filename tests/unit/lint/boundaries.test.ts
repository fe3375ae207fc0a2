// The import direction of conventions.md §1 is enforced by lint; these cases prove each ban bites
// (and that allowed imports pass), so a broken glob cannot silently switch a boundary off.
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { boundaryConfigs } from '../../../eslint.config.js';

const eslint = new ESLint({
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser } },
    ...boundaryConfigs,
  ],
  plugins: { '@typescript-eslint': tseslint.plugin },
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const RULE = '@typescript-eslint/no-restricted-imports';

describe('import boundaries', () => {
  it.each([
    ['shared/x.ts', "import React from 'react';"],
    ['shared/x.ts', "import { readFile } from 'node:fs';"],
    ['shared/x.ts', "import Dexie from 'dexie';"],
    ['shared/x.ts', "import { x } from '../renderer/app';"],
    ['shared/x.ts', "import { x } from '../hub/src/app';"],
    ['renderer/features/x.ts', "import { app } from 'electron';"],
    ['renderer/features/x.ts', "import { readFile } from 'node:fs';"],
    ['renderer/features/x.ts', "import Dexie from 'dexie';"],
    ['renderer/features/x.ts', "import { db } from '../data/db';"],
    ['renderer/features/x.ts', "import { x } from '../../shared/util/ids';"],
    ['renderer/features/x.ts', "import { x } from '../../hub/src/app';"],
    ['electron/x.ts', "import React from 'react';"],
    ['electron/x.ts', "import { x } from '../renderer/app';"],
    ['hub/src/x.ts', "import { app } from 'electron';"],
    ['hub/src/x.ts', "import { x } from '../../renderer/app';"],
  ])('%s: %s is refused', async (file, code) => {
    expect(await problems(file, code)).toContain(RULE);
  });

  it.each([
    ['shared/x.ts', "import { z } from 'zod';"],
    ['renderer/features/x.ts', "import { ok } from '#shared/util/result';"],
    ['renderer/data/x.ts', "import Dexie from 'dexie';"],
    ['electron/x.ts', "import { app } from 'electron';"],
    ['electron/x.ts', "import { readFile } from 'node:fs';"],
    ['hub/src/x.ts', "import Database from 'better-sqlite3';"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
