/**
 * Equal answer times for answers that must not tell things apart (an unknown
 * email from a known one): the work runs, then the answer waits for a floor
 * that lies well beyond what either path costs.
 */

/** Waits until `ms` have passed since `started` (a performance.now() reading); at once if they have. */
export async function waitUntilElapsed(started: number, ms: number): Promise<void> {
  const left = ms - (performance.now() - started);
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
}

/** Runs the work, then waits until `ms` have passed since it began, whether it succeeded or threw. */
export async function withMinimumDuration<T>(ms: number, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    await waitUntilElapsed(started, ms);
  }
}
