/** A minimal async key–value store; IndexedDB in the app, memory in tests and as a fallback. */
export interface KeyValueStore<T> {
  get(key: string): Promise<T | undefined>
  set(key: string, value: T): Promise<void>
  delete(key: string): Promise<void>
  values(): Promise<T[]>
}

function request<R>(req: IDBRequest<R>): Promise<R> {
  return new Promise((resolve, reject) => {
    req.addEventListener('success', () => resolve(req.result))
    req.addEventListener('error', () => reject(req.error))
  })
}

/**
 * One object store in its own IndexedDB database. Writes resolve when the transaction has
 * committed, so "saved" in the UI means durable on the device.
 */
export function indexedDbStore<T>(dbName: string, storeName = 'entries'): KeyValueStore<T> {
  let db: Promise<IDBDatabase> | undefined
  const open = () => {
    db ??= new Promise((resolve, reject) => {
      const req = indexedDB.open(dbName, 1)
      req.addEventListener('upgradeneeded', () => req.result.createObjectStore(storeName))
      req.addEventListener('success', () => resolve(req.result))
      req.addEventListener('error', () => reject(req.error))
    })
    return db
  }
  const run = async <R>(
    mode: IDBTransactionMode,
    body: (store: IDBObjectStore) => IDBRequest<R>,
  ) => {
    const tx = (await open()).transaction(storeName, mode)
    const result = request(body(tx.objectStore(storeName)))
    await new Promise<void>((resolve, reject) => {
      tx.addEventListener('complete', () => resolve())
      tx.addEventListener('error', () => reject(tx.error))
      tx.addEventListener('abort', () => reject(tx.error))
    })
    return result
  }
  return {
    get: (key) => run('readonly', (store) => store.get(key) as IDBRequest<T | undefined>),
    set: async (key, value) => {
      await run('readwrite', (store) => store.put(value, key))
    },
    delete: async (key) => {
      await run('readwrite', (store) => store.delete(key))
    },
    values: () => run('readonly', (store) => store.getAll() as IDBRequest<T[]>),
  }
}

export function memoryStore<T>(): KeyValueStore<T> {
  const map = new Map<string, T>()
  return {
    get: async (key) => map.get(key),
    set: async (key, value) => {
      map.set(key, structuredClone(value))
    },
    delete: async (key) => {
      map.delete(key)
    },
    values: async () => [...map.values()].map((value) => structuredClone(value)),
  }
}
