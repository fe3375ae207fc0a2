/* The route table: every page renders inside the shell (rail + top bar). */
import { createHashRouter, Navigate } from 'react-router';
import { Shell } from './shell/Shell';
import { paths } from './routes';
import { CaseloadPage } from '../features/caseload/CaseloadPage';
import { CasePage } from '../features/case/CasePage';
import { IntakePage } from '../features/intake/IntakePage';
import { TodayPage } from '../features/today/TodayPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { SyncPage } from '../features/sync/SyncPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { EnrollPage } from '../features/enroll/EnrollPage';
import { NotFoundPage } from '../features/not-found/NotFoundPage';

export function createAppRouter() {
  return createHashRouter([
    {
      element: <Shell />,
      children: [
        { index: true, element: <Navigate to={paths.caseload} replace /> },
        { path: paths.caseload, element: <CaseloadPage /> },
        { path: paths.newCase, element: <IntakePage /> },
        { path: '/cases/:caseId', element: <CasePage /> },
        { path: paths.today, element: <TodayPage /> },
        { path: paths.dashboard, element: <DashboardPage /> },
        { path: paths.sync, element: <SyncPage /> },
        { path: paths.settings, element: <SettingsPage /> },
        { path: paths.enroll, element: <EnrollPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
