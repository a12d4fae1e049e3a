import { lazy, type ReactNode } from 'react';
import type { Role } from '../features/auth/api/me.ts';

// Feature pages load on first visit: the sign-in page and the shell stay small.
const WorklistPage = lazy(() =>
  import('../features/worklist/components/WorklistPage.tsx').then((m) => ({ default: m.WorklistPage })),
);
const PatientsPage = lazy(() =>
  import('../features/patients/components/PatientsPage.tsx').then((m) => ({ default: m.PatientsPage })),
);
const PatientPage = lazy(() =>
  import('../features/patients/components/PatientPage.tsx').then((m) => ({ default: m.PatientPage })),
);
const RegisterPatientPage = lazy(() =>
  import('../features/patients/components/RegisterPatientPage.tsx').then((m) => ({
    default: m.RegisterPatientPage,
  })),
);
const TrialPage = lazy(() =>
  import('../features/trials/components/TrialPage.tsx').then((m) => ({ default: m.TrialPage })),
);
const StartTrialPage = lazy(() =>
  import('../features/trials/components/StartTrialPage.tsx').then((m) => ({ default: m.StartTrialPage })),
);
const NewOrderPage = lazy(() =>
  import('../features/orders/components/NewOrderPage.tsx').then((m) => ({ default: m.NewOrderPage })),
);
const ClinicOrderPage = lazy(() =>
  import('../features/orders/components/ClinicOrderPage.tsx').then((m) => ({ default: m.ClinicOrderPage })),
);
const QueuePage = lazy(() =>
  import('../features/pharmacy/components/QueuePage.tsx').then((m) => ({ default: m.QueuePage })),
);
const OrderPage = lazy(() =>
  import('../features/pharmacy/components/OrderPage.tsx').then((m) => ({ default: m.OrderPage })),
);
const AnalyticsPage = lazy(() =>
  import('../features/analytics/components/AnalyticsPage.tsx').then((m) => ({ default: m.AnalyticsPage })),
);

const PeoplePage = lazy(() =>
  import('../features/admin/components/PeoplePage.tsx').then((m) => ({ default: m.PeoplePage })),
);
const OrganisationsPage = lazy(() =>
  import('../features/admin/components/OrganisationsPage.tsx').then((m) => ({
    default: m.OrganisationsPage,
  })),
);
const ApiTokensPage = lazy(() =>
  import('../features/admin/components/ApiTokensPage.tsx').then((m) => ({ default: m.ApiTokensPage })),
);
const AuditLogPage = lazy(() =>
  import('../features/admin/components/AuditLogPage.tsx').then((m) => ({ default: m.AuditLogPage })),
);
const AccountPage = lazy(() =>
  import('../features/account/components/AccountPage.tsx').then((m) => ({ default: m.AccountPage })),
);
const AcceptInvitationPage = lazy(() =>
  import('../features/invitation/components/AcceptInvitationPage.tsx').then((m) => ({
    default: m.AcceptInvitationPage,
  })),
);
const ResetPasswordPage = lazy(() =>
  import('../features/invitation/components/ResetPasswordPage.tsx').then((m) => ({
    default: m.ResetPasswordPage,
  })),
);

const PatientReportPage = lazy(() =>
  import('../features/patient-report/components/PatientReportPage.tsx').then((m) => ({
    default: m.PatientReportPage,
  })),
);

const CLINIC_ROLES: readonly Role[] = ['CLINICIAN', 'COORDINATOR'];

export interface RouteDefinition {
  pattern: string;
  /** Who may open it; anyone else is told it is not for their role. */
  roles: readonly Role[];
  render(params: Record<string, string>): ReactNode;
}

/** Every page of the portal behind sign-in. */
export const ROUTES: readonly RouteDefinition[] = [
  { pattern: '/worklist', roles: CLINIC_ROLES, render: () => <WorklistPage /> },
  { pattern: '/patients', roles: CLINIC_ROLES, render: () => <PatientsPage /> },
  // Before `/patients/:patientId`: the first pattern that matches wins.
  { pattern: '/patients/new', roles: CLINIC_ROLES, render: () => <RegisterPatientPage /> },
  {
    pattern: '/patients/:patientId',
    roles: CLINIC_ROLES,
    render: ({ patientId }) => <PatientPage patientId={patientId as string} />,
  },
  {
    pattern: '/patients/:patientId/start-trial',
    roles: ['CLINICIAN'],
    render: ({ patientId }) => <StartTrialPage patientId={patientId as string} />,
  },
  {
    pattern: '/trials/:trialId',
    roles: CLINIC_ROLES,
    render: ({ trialId }) => <TrialPage trialId={trialId as string} />,
  },
  {
    pattern: '/trials/:trialId/orders/new',
    roles: CLINIC_ROLES,
    render: ({ trialId }) => <NewOrderPage trialId={trialId as string} />,
  },
  {
    pattern: '/orders/:orderId',
    roles: CLINIC_ROLES,
    render: ({ orderId }) => <ClinicOrderPage orderId={orderId as string} />,
  },
  { pattern: '/pharmacy/queue', roles: ['PHARMACIST'], render: () => <QueuePage /> },
  {
    pattern: '/pharmacy/orders/:orderId',
    roles: ['PHARMACIST'],
    render: ({ orderId }) => <OrderPage orderId={orderId as string} />,
  },
  { pattern: '/analytics', roles: ['ADMIN'], render: () => <AnalyticsPage /> },
  { pattern: '/admin/people', roles: ['ADMIN'], render: () => <PeoplePage /> },
  { pattern: '/admin/organisations', roles: ['ADMIN'], render: () => <OrganisationsPage /> },
  { pattern: '/admin/audit', roles: ['ADMIN'], render: () => <AuditLogPage /> },
  { pattern: '/admin/api-tokens', roles: ['ADMIN'], render: () => <ApiTokensPage /> },
  {
    pattern: '/account',
    roles: ['CLINICIAN', 'COORDINATOR', 'PHARMACIST', 'ADMIN'],
    render: () => <AccountPage />,
  },
];

export interface PublicRouteDefinition {
  pattern: string;
  render(): ReactNode;
}

/** Pages anyone with a one-time link opens, signed in or not (they bring their own layout). */
export const PUBLIC_ROUTES: readonly PublicRouteDefinition[] = [
  { pattern: '/accept-invitation', render: () => <AcceptInvitationPage /> },
  { pattern: '/reset-password', render: () => <ResetPasswordPage /> },
  // A patient's link (issue #19): the page reads its token from the path.
  { pattern: '/r/:token', render: () => <PatientReportPage /> },
];

export interface NavigationItem {
  to: string;
  label: string;
}

/** What each role sees in the navigation; the first item is the role's home. */
export const NAVIGATION: Readonly<Record<Role, readonly [NavigationItem, ...NavigationItem[]]>> = {
  CLINICIAN: [
    { to: '/worklist', label: 'Worklist' },
    { to: '/patients', label: 'Patients' },
  ],
  COORDINATOR: [
    { to: '/worklist', label: 'Worklist' },
    { to: '/patients', label: 'Patients' },
  ],
  PHARMACIST: [{ to: '/pharmacy/queue', label: 'Queue' }],
  ADMIN: [
    { to: '/analytics', label: 'Analytics' },
    { to: '/admin/people', label: 'People' },
    { to: '/admin/organisations', label: 'Organisations' },
    { to: '/admin/audit', label: 'Audit log' },
    { to: '/admin/api-tokens', label: 'API tokens' },
  ],
};

/** Where a role lands after signing in. */
export function homeFor(role: Role): string {
  return NAVIGATION[role][0].to;
}
