// The widget's saved work in the browser's IndexedDB: one database, one object store of
// texts by key (the keys local storage used: `srm:session:<identity>[:<storageKey>]`…).
// IndexedDB holds what local storage cannot (about 5 MB per origin, shared with the host
// page): a session with twenty milestones weighs several. Every function answers with a
// promise and never throws; a refusal (blocked, private mode, full) rejects it.

const NAME = "service-range-mapper";
const STORE = "work";
let opened = null;
// Other tabs and widgets of this origin hear which key was saved (a range editor shows the
// session a workshop beside it saves), as local storage's `storage` event told them.
const saved = typeof BroadcastChannel === "function" ? new BroadcastChannel(NAME) : null;

/** The database, opened once per page (again after a failure). */
function database() {
  if (!opened) {
    opened = new Promise((resolve, reject) => {
      const request = indexedDB.open(NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => {
        const db = request.result;
        // Another tab upgrading the database: let it, open again next time.
        db.onversionchange = () => {
          db.close();
          opened = null;
        };
        resolve(db);
      };
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error("IndexedDB blocked"));
    }).catch((error) => {
      opened = null;
      throw error;
    });
  }
  return opened;
}

/** One request in its own transaction; resolves with its result once the transaction is
 *  committed (a write is then on disk as far as the browser promises). */
function run(mode, act) {
  return database().then(
    (db) =>
      new Promise((resolve, reject) => {
        const transaction = db.transaction(STORE, mode);
        const request = act(transaction.objectStore(STORE));
        transaction.oncomplete = () => resolve(request.result);
        transaction.onerror = transaction.onabort = () => reject(transaction.error || request.error);
      }),
  );
}

/** The text stored under `key`, or null. */
export function idbGet(key) {
  return run("readonly", (store) => store.get(key)).then((value) => (typeof value === "string" ? value : null));
}

/** Stores `value` under `key`. */
export function idbPut(key, value) {
  return run("readwrite", (store) => store.put(value, key)).then(() => {
    saved?.postMessage(key);
  });
}

/** The stored keys that start with `prefix`. */
export function idbKeys(prefix) {
  return run("readonly", (store) => store.getAllKeys()).then((keys) =>
    keys.map(String).filter((key) => key.startsWith(prefix)),
  );
}

