/**
 * What the start found, for the banner `npm start` prints once the server listens: the server script and
 * the app's bundle are separate copies of this module in one process, so the record lives on globalThis.
 */
export type StartupFacts = {
  database: "pglite" | "postgres";
  /** Where the embedded database and the photos live; null for PostgreSQL. */
  dataDir: string | null;
  /** The demo accounts present in the database (all sign in with `demoPassword`). */
  demoAccounts: { email: string; role: string; note?: string }[];
  demoPassword: string;
};

const globalForStartup = globalThis as unknown as { callbackStartup?: StartupFacts };

export function recordStartup(facts: StartupFacts): void {
  globalForStartup.callbackStartup = facts;
}

export function startupFacts(): StartupFacts | undefined {
  return globalForStartup.callbackStartup;
}

const roleNames: Record<string, string> = {
  ADMIN: "admin",
  PROFESSIONAL: "casting professional",
  COMPANY: "casting company",
  TALENT: "talent",
};

/** The lines printed when the server is ready: where to go, how to sign in, where the data is. */
export function readyBanner(address: string, facts: StartupFacts | undefined, seconds: number): string {
  const lines = [`Callback is ready after ${seconds.toFixed(0)} s: open ${address}`];
  if (facts?.demoAccounts.length) {
    lines.push(`Demo accounts (password ${facts.demoPassword}):`);
    const width = Math.max(...facts.demoAccounts.map((account) => account.email.length));
    for (const account of facts.demoAccounts)
      lines.push(
        `  ${account.email.padEnd(width)}  ${roleNames[account.role] ?? account.role.toLowerCase()}` +
          (account.note ? ` (${account.note})` : ""),
      );
  }
  if (facts)
    lines.push(
      facts.database === "pglite"
        ? `Data (embedded database and photos): ${facts.dataDir}; delete it to start again from the demo data.`
        : "Data: the PostgreSQL database in DATABASE_URL.",
    );
  lines.push("Stop with Ctrl+C.");
  const rule = "-".repeat(Math.max(...lines.map((line) => line.length)));
  return ["", rule, ...lines, rule, ""].join("\n");
}
