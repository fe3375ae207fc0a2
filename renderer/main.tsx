/* Renderer entry: pick the remembered language, then mount the app behind the unlock screen. */
import './app/zod-jitless'; // must stay first: see the module
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SecuredApp } from './app/SecuredApp';
import { createI18n } from './i18n';
import { loadLanguage } from './i18n/language';
import './app/styles/base.css';

function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage disabled: run in zh-CN without remembering
  }
}

const language = loadLanguage(safeLocalStorage());
document.documentElement.lang = language;
const i18n = createI18n(language);

const rootElement = document.getElementById('root');
if (rootElement) {
  createRoot(rootElement).render(
    <StrictMode>
      <SecuredApp i18n={i18n} />
    </StrictMode>,
  );
}
