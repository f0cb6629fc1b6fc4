import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { EnablePushButton } from '../components/enable-push-button'

function commands(outcome: string | null, busy = false) {
  return {
    busy,
    enable: vi.fn<() => Promise<string | null>>(async () => outcome),
  } as unknown as Parameters<typeof EnablePushButton>[0]['commands']
}

describe('EnablePushButton', () => {
  it('reports «enabled» when registering the device went through', async () => {
    const onOutcome = vi.fn<(message: string) => void>()
    const registered = commands(null)
    render(<EnablePushButton commands={registered} onOutcome={onOutcome} />)
    fireEvent.click(screen.getByRole('button', { name: 'Включить уведомления' }))
    await waitFor(() =>
      expect(onOutcome).toHaveBeenCalledWith('Уведомления включены на этом устройстве.'),
    )
    expect(registered.enable).toHaveBeenCalledOnce()
  })

  it('reports the error it was given, and cannot be pressed while busy', async () => {
    const onOutcome = vi.fn<(message: string) => void>()
    const { rerender } = render(
      <EnablePushButton
        commands={commands('Браузер запретил уведомления')}
        onOutcome={onOutcome}
      />,
    )
    fireEvent.click(screen.getByRole('button', { name: 'Включить уведомления' }))
    await waitFor(() => expect(onOutcome).toHaveBeenCalledWith('Браузер запретил уведомления'))

    rerender(<EnablePushButton commands={commands(null, true)} onOutcome={onOutcome} />)
    expect(
      screen.getByRole<HTMLButtonElement>('button', { name: 'Включить уведомления' }).disabled,
    ).toBe(true)
  })
})
