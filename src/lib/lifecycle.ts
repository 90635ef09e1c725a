/**
 * The process's shutdown: parts of the app register what they must do before
 * the process exits (end live streams, finish the worker's pass, close the
 * database), and the server runs them on SIGTERM. The registry lives on
 * globalThis because the server and the app's bundled code load this module
 * separately in one process.
 */
type Hook = { name: string; order: number; run: () => Promise<void> | void };
type Lifecycle = { draining: boolean; hooks: Hook[]; drainListeners: Set<() => void> };

const key = Symbol.for("callback.lifecycle");
const store = globalThis as unknown as { [key]?: Lifecycle };

function lifecycle(): Lifecycle {
  store[key] ??= { draining: false, hooks: [], drainListeners: new Set() };
  return store[key];
}

/** The order hooks run in: streams end first, then background work, then the database. */
export const shutdownOrder = { streams: 1, work: 2, database: 3 } as const;

/** Registers something to do at shutdown (once per name: a second registration replaces the first). */
export function onShutdown(name: string, order: number, run: Hook["run"]): void {
  const hooks = lifecycle().hooks.filter((hook) => hook.name !== name);
  lifecycle().hooks = [...hooks, { name, order, run }];
}

/** Whether the process is shutting down: readiness then answers 503 so load balancers stop sending traffic. */
export function isDraining(): boolean {
  return lifecycle().draining;
}

/** Calls the listener when draining starts (live streams use it to tell browsers to reconnect elsewhere). */
export function onDrain(listener: () => void): () => void {
  const listeners = lifecycle().drainListeners;
  if (lifecycle().draining) listener();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function startDraining(): void {
  const state = lifecycle();
  if (state.draining) return;
  state.draining = true;
  for (const listener of [...state.drainListeners]) listener();
}

/** Runs the registered hooks in order, each allowed to fail without stopping the rest. */
export async function runShutdownHooks(onError: (name: string, error: unknown) => void): Promise<void> {
  for (const hook of [...lifecycle().hooks].sort((a, b) => a.order - b.order)) {
    try {
      await hook.run();
    } catch (error) {
      onError(hook.name, error);
    }
  }
}
