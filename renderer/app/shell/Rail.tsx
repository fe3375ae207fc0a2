/* The left rail: 案件 · 今日 · 统计 · 同步 · 设置. Links, so they work with Tab + Enter and show aria-current. */
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ParseKeys } from 'i18next';
import { Icon, type IconName } from '../../ui/icons';
import { paths } from '../routes';

type RailItem = { to: string; icon: IconName; label: ParseKeys; testId: string };

const items: readonly RailItem[] = [
  { to: paths.caseload, icon: 'cases', label: 'nav.caseload', testId: 'nav-caseload' },
  { to: paths.today, icon: 'today', label: 'nav.today', testId: 'nav-today' },
  { to: paths.dashboard, icon: 'dashboard', label: 'nav.dashboard', testId: 'nav-dashboard' },
  { to: paths.sync, icon: 'sync', label: 'nav.sync', testId: 'nav-sync' },
  { to: paths.settings, icon: 'settings', label: 'nav.settings', testId: 'nav-settings' },
];

export function Rail() {
  const { t } = useTranslation();
  return (
    <nav className="rail" aria-label={t('nav.label')}>
      <div className="rail-brand">{t('app.name')}</div>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} className="rail-link" data-testid={item.testId}>
              <Icon name={item.icon} size={24} />
              <span>{t(item.label)}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
