import { useCallback, useState } from 'react'
import { useClient, useQuery } from 'urql'
import {
  DeletePushDeviceDocument,
  PushDevicesDocument,
  PushPublicKeyDocument,
  PushSettingsDocument,
  RegisterPushDeviceDocument,
  UpdatePushDeviceDocument,
  UpdatePushSettingsDocument,
  type PushNoticeKind,
  type UpdatePushSettingsInput,
} from '@/gql/graphql'
import { useT } from '@/lib/i18n'
import { deviceLabel, PermissionDenied, subscribe } from './push-support'

export function usePushDevices() {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: PushDevicesDocument })
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute])
  return {
    devices: data?.pushDevices.edges.map((edge) => edge.node) ?? [],
    loading: fetching && !data,
    error: error && !data ? error : undefined,
    refresh,
  }
}

export function usePushSettings() {
  const [{ data }] = useQuery({ query: PushSettingsDocument })
  return data?.pushSettings ?? null
}

/** Allowing push on this device, and the device and settings mutations; each returns an error message or null. */
export function usePushCommands() {
  const client = useClient()
  const t = useT()
  const [busy, setBusy] = useState(false)

  const run = useCallback(
    async (work: () => Promise<string | null>): Promise<string | null> => {
      setBusy(true)
      try {
        return await work()
      } catch (error) {
        return error instanceof PermissionDenied ? t('push.denied') : t('push.failed')
      } finally {
        setBusy(false)
      }
    },
    [t],
  )

  const enable = useCallback(
    () =>
      run(async () => {
        const key = await client
          .query(PushPublicKeyDocument, {}, { requestPolicy: 'network-only' })
          .toPromise()
        if (!key.data) return t('push.failed')
        const subscription = await subscribe(key.data.pushPublicKey)
        const result = await client
          .mutation(RegisterPushDeviceDocument, {
            input: { ...subscription, label: deviceLabel() },
          })
          .toPromise()
        const errors = result.data?.registerPushDevice.errors ?? []
        if (!result.data) return t('push.failed')
        if (errors.length > 0) return errors.map((e) => e.message).join(' ')
        await client.query(PushDevicesDocument, {}, { requestPolicy: 'network-only' }).toPromise()
        return null
      }),
    [client, run, t],
  )

  const setNotices = useCallback(
    (deviceId: string, notices: PushNoticeKind[]) =>
      run(async () => {
        const result = await client
          .mutation(UpdatePushDeviceDocument, { input: { deviceId, notices } })
          .toPromise()
        const errors = result.data?.updatePushDevice.errors ?? []
        return !result.data ? t('push.failed') : errors.length > 0 ? errors[0]!.message : null
      }),
    [client, run, t],
  )

  const remove = useCallback(
    (deviceId: string) =>
      run(async () => {
        const result = await client
          .mutation(DeletePushDeviceDocument, { input: { deviceId } })
          .toPromise()
        const errors = result.data?.deletePushDevice.errors ?? []
        await client.query(PushDevicesDocument, {}, { requestPolicy: 'network-only' }).toPromise()
        return !result.data ? t('push.failed') : errors.length > 0 ? errors[0]!.message : null
      }),
    [client, run, t],
  )

  const saveSettings = useCallback(
    (input: UpdatePushSettingsInput) =>
      run(async () => {
        const result = await client.mutation(UpdatePushSettingsDocument, { input }).toPromise()
        const errors = result.data?.updatePushSettings.errors ?? []
        return !result.data ? t('push.failed') : errors.length > 0 ? errors[0]!.message : null
      }),
    [client, run, t],
  )

  return { busy, enable, setNotices, remove, saveSettings }
}
