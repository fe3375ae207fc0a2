/*
 * 导出记录: the export audit trail of this laptop (who exported which file, when, how many rows and
 * cases, what it contains), newest first, each marked as reported to the hub or waiting for the next sync.
 */
import { useTranslation } from 'react-i18next';
import type { ExportRecord } from '../../data/store';
import { Panel } from '../../ui/Panel';

const SHOWN = 10;

export function ExportLog({ entries, lang }: { entries: readonly ExportRecord[]; lang: 'zh' | 'en' }) {
  const { t } = useTranslation();
  const time = (iso: string) =>
    new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone: 'Asia/Shanghai',
      hour12: false,
    });
  const sep = lang === 'en' ? ', ' : '、';
  return (
    <Panel title={t('dashboard.exportLog.title')}>
      {entries.length === 0 ? (
        <p className="empty-line">{t('dashboard.exportLog.empty')}</p>
      ) : (
        <ul className="claim-list" data-testid="export-log">
          {entries.slice(0, SHOWN).map((e) => (
            <li key={e.id ?? `${e.at}-${e.file}`} data-testid="export-log-entry">
              {t('dashboard.exportLog.line', {
                time: time(e.at),
                user: e.userName === '' ? e.userId : e.userName,
                file: e.file,
                rows: e.rows,
                cases: e.cases,
              })}
              {' · '}
              {t('dashboard.exportLog.discloses', {
                items: e.disclosure.map((d) => t(`dashboard.exportLog.disclosure.${d}`)).join(sep),
              })}
              {' · '}
              <span data-testid="export-log-sent" className={e.sentAt === null ? 'muted' : undefined}>
                {e.id === null
                  ? t('dashboard.exportLog.localOnly')
                  : e.sentAt === null
                    ? t('dashboard.exportLog.unsent')
                    : t('dashboard.exportLog.sent')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
