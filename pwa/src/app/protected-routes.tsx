import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react'
import { Route, Switch } from 'wouter'
import { LoadingState } from '@/components/page-states'
import { NotFound } from './not-found'
import { RequireRole } from '@/components/require-role'
import { RoleHome } from './role-home'

function page<T extends Record<string, ComponentType>>(
  load: () => Promise<T>,
  name: keyof T,
): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await load())[name]! }))
}

// Screens are separate chunks (precached by the service worker), so the first load stays small.
const QueuePage = page(() => import('@/features/queue/components/queue-page'), 'QueuePage')
const AppealPage = page(() => import('@/features/appeals/components/appeal-page'), 'AppealPage')
const ModerationPage = page(
  () => import('@/features/moderation/components/moderation-page'),
  'ModerationPage',
)
const ReviewPage = page(() => import('@/features/review/components/review-page'), 'ReviewPage')
const DashboardPage = page(
  () => import('@/features/dashboard/components/dashboard-page'),
  'DashboardPage',
)
const OverduePage = page(
  () => import('@/features/dashboard/components/overdue-page'),
  'OverduePage',
)
const RankingPage = page(
  () => import('@/features/dashboard/components/ranking-page'),
  'RankingPage',
)
const RegionAppealsPage = page(
  () => import('@/features/desk/components/region-appeals-page'),
  'RegionAppealsPage',
)
const ChannelsPage = page(
  () => import('@/features/channels/components/channels-page'),
  'ChannelsPage',
)
const IncidentPage = page(
  () => import('@/features/incidents/components/incident-page'),
  'IncidentPage',
)
const ProfilePage = page(() => import('@/features/auth/components/profile-page'), 'ProfilePage')

/** Routes inside the signed-in shell. */
export function ProtectedRoutes() {
  return (
    <Suspense fallback={<LoadingState />}>
      <Switch>
        <Route path="/" component={RoleHome} />
        <Route path="/queue" component={QueuePage} />
        <Route path="/appeals" component={RegionAppealsPage} />
        <Route path="/appeals/:appealId" component={AppealPage} />
        <Route path="/incidents/:incidentId" component={IncidentPage} />
        <Route path="/moderation" component={ModerationPage} />
        <Route path="/review" component={ReviewPage} />
        <Route path="/dashboard" component={DashboardPage} />
        <Route path="/dashboard/overdue" component={OverduePage} />
        <Route path="/dashboard/ranking" component={RankingPage} />
        <Route path="/channels">
          <RequireRole roles={['CURATOR']}>
            <ChannelsPage />
          </RequireRole>
        </Route>
        <Route path="/profile" component={ProfilePage} />
        <Route component={NotFound} />
      </Switch>
    </Suspense>
  )
}
