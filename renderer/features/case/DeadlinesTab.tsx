/* 期限: every running deadline with the article that sets it, its trigger, due day and countdown. */
import { useTranslation } from 'react-i18next';
import { DeadlineText } from '../caseload/CaseRowCells';
import { deadlineCell } from '../caseload/rows';
import { EmptyLine } from '../../ui/Panel';
import { useCaseFile, useDeadlines } from './use-case-file';

export function DeadlinesTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const state = useCaseFile(caseId).data;
  const { list, today } = useDeadlines(state);
  if (list.length === 0) return <EmptyLine>{t('caseFile.deadlines.none')}</EmptyLine>;
  const sorted = [...list].sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'));
  return (
    <table className="data-table" data-testid="tab-deadlines">
      <thead>
        <tr>
          <th scope="col">{t('caseFile.deadlines.name')}</th>
          <th scope="col">{t('caseFile.deadlines.basis')}</th>
          <th scope="col">{t('caseFile.deadlines.trigger')}</th>
          <th scope="col">{t('caseFile.deadlines.due')}</th>
          <th scope="col">{t('caseFile.deadlines.remaining')}</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((d) => (
          <tr key={`${d.ruleId}-${d.trigger}`}>
            <td>{d.nameZh}</td>
            <td className="basis">{d.basis}</td>
            <td>{d.trigger}</td>
            <td>{d.due ?? d.problem ?? ''}</td>
            <td>
              <DeadlineText
                cell={deadlineCell({ ruleId: d.ruleId, nameZh: d.nameZh, due: d.due, state: d.state }, today)}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
