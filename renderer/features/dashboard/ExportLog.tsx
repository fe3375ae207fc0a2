/* 导出记录: the export audit trail of this laptop (who exported which statistics file, when), newest first. */
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
  return (
    <Panel title={t('dashboard.exportLog.title')}>
      {entries.length === 0 ? (
        <p className="empty-line">{t('dashboard.exportLog.empty')}</p>
      ) : (
        <ul className="claim-list" data-testid="export-log">
          {entries.slice(0, SHOWN).map((e) => (
            <li key={`${e.at}-${e.file}`}>
              {t('dashboard.exportLog.line', {
                time: time(e.at),
                user: e.userName === '' ? e.userId : e.userName,
                file: e.file,
                rows: e.rows,
              })}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
