/* The caseload table. For now only its head and the empty state; rows come with the case projection. */
import { useTranslation } from 'react-i18next';
import { caseloadColumns } from './columns';

export function CaseTable() {
  const { t } = useTranslation();
  return (
    <div className="case-table-wrap">
      <table className="case-table" aria-label={t('caseload.tableLabel')} data-testid="case-table">
        <colgroup>
          {caseloadColumns.map((c) => (
            <col key={c.id} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {caseloadColumns.map((c) => (
              <th key={c.id} scope="col">
                {t(c.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <td colSpan={caseloadColumns.length} className="case-table-empty">
              <strong>{t('caseload.empty')}</strong> {t('caseload.emptyHint')}
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
