/* Typed translation keys: `t('nav.caseload')` compiles, `t('nav.typo')` does not. */
import type { Messages } from './messages';

declare module 'i18next' {
  // Module augmentation only works by merging into i18next's own interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
