/** What other features and the app shell may use of the auth feature (the lint zones enforce it). */
export { CallbackPage } from './components/callback-page'
export { SignInPage } from './components/sign-in-page'
export { useMe, type Me } from './hooks/use-me'
