import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import 'graphiql/style.css'
import { GraphiQlPage } from './graphiql-page'
import './graphiql.css'

// GraphiQL bundled with the app (served at /graphiql), so it works on networks without internet access.
createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <GraphiQlPage />
  </StrictMode>,
)
