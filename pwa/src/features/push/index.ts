export { PushPromptCard } from './components/push-prompt-card'
export { PushSection } from './components/push-section'
