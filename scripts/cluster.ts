import cluster, { type Worker } from "node:cluster";
import { getLogger } from "@/lib/logger";

/**
 * Several server processes on one machine (WEB_CONCURRENCY above 1): this
 * process starts that many copies of the production server, which share the
 * listening port (the operating system's connections are handed out in turn).
 * A copy that dies is replaced. SIGTERM or SIGINT is passed to every copy,
 * each drains and stops as a single server does, and this process exits when
 * all have (0 when every copy stopped cleanly).
 *
 * Each copy has its own database pool, live-update listener and inline
 * worker, all of which are safe in any number of instances (decision record
 * 014); only the embedded database cannot be shared, so this needs DATABASE_URL.
 */
export function superviseWorkers(count: number, shutdownTimeoutMs: number): void {
  const log = getLogger();
  let stopping = false;
  let running = 0;
  let exitCode = 0;
  const start = () => {
    running += 1;
    cluster.fork().on("exit", (code, signal) => onExit(code, signal));
  };
  const onExit = (code: number | null, signal: string | null) => {
    running -= 1;
    if (stopping) {
      if (code !== 0) exitCode = 1;
      if (running === 0) {
        log.info("all server processes stopped");
        process.exit(exitCode);
      }
      return;
    }
    log.error({ code, signal }, "a server process stopped unexpectedly; starting another");
    start();
  };
  for (let index = 0; index < count; index += 1) start();
  log.info({ processes: count }, "server processes started");

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "stopping the server processes");
    const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => Boolean(worker));
    for (const worker of workers) worker.process.kill(signal);
    // Each copy has its own deadline; this one only guards against a copy that never exits.
    setTimeout(() => {
      log.warn("server processes took too long to stop; exiting");
      process.exit(1);
    }, shutdownTimeoutMs + 3000).unref();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}
