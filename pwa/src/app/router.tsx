import { Route, Switch } from 'wouter'
import { CallbackPage, SignInPage } from '@/features/auth'
import { AppLayout } from './app-layout'

/**
 * The whole route table. wouter (2 kB) instead of React Router (~30 kB gzipped): the app needs
 * paths, params, links and redirects, nothing more.
 */
export function AppRoutes() {
  return (
    <Switch>
      <Route path="/sign-in" component={SignInPage} />
      <Route path="/auth/callback" component={CallbackPage} />
      <Route component={AppLayout} />
    </Switch>
  )
}
