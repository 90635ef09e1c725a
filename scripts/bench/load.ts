import "../load-env";
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type pg from "pg";
import { migrateDatabase, openDatabase } from "@/db/client";
import { copyDatabase } from "@/db/copy";
import { hashOnce } from "@/db/seed/factories";
import { rollupActivity } from "@/modules/activity/rollup";
import { ensureBuild } from "../build-if-needed";
import { benchArgs, benchServerUrl, withThrowawayDatabase } from "./common";
import { databaseFloors, type DbFloor } from "./load-floors";
import { chatMix, type DriverPlan, type Phase, type PhaseResult, type VirtualUser } from "./load-driver";
import { scales, seedLoad, shapeOf, userEmail, userId, type Scale } from "./load-seed";

/**
 * `npm run bench [-- --scale small|medium|large --seconds 20 --keep]`: the
 * product as its users meet it. Seeds a data set into a throwaway PostgreSQL
 * database, serves the production build on it, signs in virtual users and
 * drives the app over HTTP from a separate process (scripts/bench/load-driver.ts)
 * with the chat-system mix at rising rates, then a send-only phase. Beside
 * each figure it measures a floor in the same run: the same queries as
 * hand-written SQL through pg, and a bare Node HTTP server returning the same
 * bytes. Results go to bench-results/ as JSON, Markdown and an SVG plot.
 *
 * With `--database pglite` the app serves the same data from the embedded
 * database instead (copied from PostgreSQL once seeded), as `npm start` does
 * on a single machine; the floors at the database are PostgreSQL's, so that
 * run leaves them out.
 */
const args = benchArgs();
const scale = (args.get("scale") ?? "small") as Scale;
if (!(scale in scales)) throw new Error("Choose --scale small, medium or large.");
const phaseSeconds = Number(args.get("seconds") ?? (scale === "small" ? 10 : 20));
const port = Number(args.get("port") ?? 3300);
const floorPort = port + 1;
const baseUrl = `http://localhost:${port}`;
const secret = "benchmark-secret-0123456789abcdef0123456789";
const virtualUsers = Number(args.get("users") ?? (scale === "small" ? 50 : scale === "medium" ? 300 : 1_000));
const engine = args.get("database") ?? "postgres";
if (engine !== "postgres" && engine !== "pglite") throw new Error("Choose --database postgres or pglite.");
// Server processes (WEB_CONCURRENCY): one per core on PostgreSQL; the embedded database allows one.
const processes = Number(args.get("processes") ?? (engine === "pglite" ? 1 : os.cpus().length));
if (!Number.isInteger(processes) || processes < 1 || (engine === "pglite" && processes !== 1))
  throw new Error("Choose --processes 1 or more (1 with --database pglite).");

function waitForReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () =>
      http
        .get(url, (res) => {
          res.resume();
          if (res.statusCode === 200) resolve();
          else retry();
        })
        .on("error", retry);
    const retry = () => (Date.now() > deadline ? reject(new Error(`${url} not ready`)) : setTimeout(attempt, 500));
    attempt();
  });
}

/**
 * CPU time (user + system, in seconds) of the app - its process and the server
 * processes it started (WEB_CONCURRENCY) - and of each PostgreSQL server
 * process, from /proc. A process that exits between two samples takes its time
 * with it, so the database figure is a lower bound.
 */
function cpuSeconds(pid: number): { app: number; database: Map<string, number> } {
  const ticks = 100; // USER_HZ on Linux
  const read = (id: string) => {
    try {
      const stat = readFileSync(`/proc/${id}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return {
        comm: stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")),
        parent: Number(fields[1]),
        seconds: (Number(fields[11]) + Number(fields[12])) / ticks,
      };
    } catch {
      return null;
    }
  };
  const database = new Map<string, number>();
  let app = 0;
  for (const id of readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))) {
    const entry = read(id);
    if (entry?.comm === "postgres") database.set(id, entry.seconds);
    else if (entry && (Number(id) === pid || entry.parent === pid)) app += entry.seconds;
  }
  return { app, database };
}

async function signIn(n: number): Promise<string> {
  const body = JSON.stringify({ email: userEmail(n), password: "callback-demo" });
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${baseUrl}/api/auth/sign-in/email`,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: baseUrl,
          "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
        },
      },
      (res) => {
        res.resume();
        const cookie = (res.headers["set-cookie"] ?? []).map((entry) => entry.split(";")[0]).join("; ");
        if (res.statusCode === 200 && cookie) resolve(cookie);
        else reject(new Error(`sign-in of ${userEmail(n)}: HTTP ${res.statusCode}`));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

function runDriver(plan: DriverPlan, file: string): Promise<PhaseResult[]> {
  writeFileSync(file, JSON.stringify(plan));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/bench/load-driver.ts", file], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("exit", (code) =>
      code === 0 ? resolve(JSON.parse(out) as PhaseResult[]) : reject(new Error(`driver exited ${code}`)),
    );
  });
}

type Recorded = { status: number; contentType: string; body: string };

/** A bare Node HTTP server answering each operation (named in X-Bench-Op) with what the app answered for it: the HTTP floor. */
function startFloorServer(answers: Record<string, Recorded>): http.Server {
  const server = http.createServer((req, res) => {
    const answer = answers[String(req.headers["x-bench-op"])] ?? { status: 404, contentType: "text/plain", body: "" };
    req.resume();
    req.on("end", () => {
      res.writeHead(answer.status, { "content-type": answer.contentType });
      res.end(answer.body);
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(floorPort);
  return server;
}

/** One request to the app, recorded as the floor server will replay it. */
function record(path: string, cookie: string, body?: unknown): Promise<Recorded> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${baseUrl}${path}`,
      {
        method: body === undefined ? "GET" : "POST",
        headers: body === undefined ? { cookie } : { cookie, "content-type": "application/json", origin: baseUrl },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, contentType: String(res.headers["content-type"] ?? ""), body: text }),
        );
      },
    );
    req.on("error", reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

const ms = (value: number) => value.toFixed(1);

/** Each target of a 2-core machine beside what this run measured, met or not. */
function targetLines(run: {
  usersPhase?: PhaseResult;
  sends?: PhaseResult;
  dbFloors: DbFloor[];
  pglite: boolean;
}): string[] {
  const lines: string[] = [];
  const verdict = (met: boolean) => (met ? "met" : "NOT met");
  const worst = (phase: PhaseResult, key: "p95" | "p99") => Math.max(...Object.values(phase.ops).map((op) => op[key]));
  if (run.usersPhase) {
    const phase = run.usersPhase;
    const errorRate = phase.errors / Math.max(1, phase.total);
    const p95Limit = run.pglite ? 200 : 100;
    const met = worst(phase, "p95") < p95Limit && (run.pglite || worst(phase, "p99") < 250) && errorRate < 0.001;
    lines.push(
      `- ${phase.name} acting every 5 s (${phase.offeredRate}/s offered, ${phase.achievedRate.toFixed(1)}/s answered): worst p95 ${ms(worst(phase, "p95"))} ms (target under ${p95Limit}), worst p99 ${ms(worst(phase, "p99"))} ms${run.pglite ? "" : " (target under 250)"}, errors ${(errorRate * 100).toFixed(2)}% (target under 0.1%): ${verdict(met)}.`,
    );
  }
  if (run.sends && !run.pglite) {
    const phase = run.sends;
    const send = phase.ops.send!;
    const errorRate = phase.errors / Math.max(1, phase.total);
    lines.push(
      `- Sends over HTTP: ${phase.achievedRate.toFixed(1)}/s answered of ${phase.offeredRate}/s offered, p95 ${ms(send.p95)} ms, errors ${(errorRate * 100).toFixed(2)}% (target at least 300/s sustained: answered at the offered rate, errors under 0.1%, p95 under 1 s so no queue builds up): ${verdict(phase.achievedRate >= 0.99 * 300 && errorRate < 0.001 && send.p95 < 1000)}.`,
    );
  }
  for (const op of ["inbox", "open", "badge"]) {
    const heavy = run.dbFloors.find((row) => row.op === op && row.user === "heavy");
    const light = run.dbFloors.find((row) => row.op === op && row.user === "light");
    if (!heavy || !light) continue;
    const ratios = [heavy.ours.p50 / heavy.floor.p50, light.ours.p50 / light.floor.p50];
    const heavyOverLight = heavy.ours.p50 / light.ours.p50;
    lines.push(
      `- ${op} at the database: ours / hand-written SQL ${ratios[0]!.toFixed(2)}x heavy, ${ratios[1]!.toFixed(2)}x light (target within 2x): ${verdict(Math.max(...ratios) <= 2)}; heavy / light ${heavyOverLight.toFixed(2)}x (target within 1.5x): ${verdict(heavyOverLight <= 1.5)}.`,
    );
  }
  return lines;
}

function svgPlot(steps: PhaseResult[]): string {
  const width = 640;
  const height = 320;
  const pad = 50;
  const maxRate = Math.max(...steps.map((step) => step.offeredRate), 1);
  const p95s = steps.map((step) => Math.max(...Object.values(step.ops).map((op) => op.p95)));
  const p50s = steps.map((step) => Math.max(...Object.values(step.ops).map((op) => op.p50)));
  const maxLatency = Math.max(100, ...p95s) * 1.1;
  const x = (rate: number) => pad + (rate / maxRate) * (width - 2 * pad);
  const y = (latency: number) => height - pad - (latency / maxLatency) * (height - 2 * pad);
  const line = (values: number[]) =>
    steps
      .map((step, index) => `${index ? "L" : "M"}${x(step.offeredRate).toFixed(1)} ${y(values[index]!).toFixed(1)}`)
      .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">
  <title>Latency against offered load (worst operation at each rate)</title>
  <line x1="${pad}" y1="${height - pad}" x2="${width - pad}" y2="${height - pad}" stroke="#444"/>
  <line x1="${pad}" y1="${pad}" x2="${pad}" y2="${height - pad}" stroke="#444"/>
  <line x1="${pad}" y1="${y(100)}" x2="${width - pad}" y2="${y(100)}" stroke="#b91c1c" stroke-dasharray="4 4"/>
  <text x="${width - pad}" y="${y(100) - 4}" text-anchor="end" fill="#b91c1c">p95 target 100 ms</text>
  <path d="${line(p95s)}" fill="none" stroke="#1d4ed8" stroke-width="2"/>
  <path d="${line(p50s)}" fill="none" stroke="#047857" stroke-width="2" stroke-dasharray="6 3"/>
  ${steps.map((step) => `<text x="${x(step.offeredRate)}" y="${height - pad + 16}" text-anchor="middle">${step.offeredRate}</text>`).join("")}
  <text x="${width / 2}" y="${height - 12}" text-anchor="middle">offered actions per second</text>
  <text x="14" y="${height / 2}" transform="rotate(-90 14 ${height / 2})" text-anchor="middle">latency, ms (worst operation)</text>
  <text x="${pad + 8}" y="${pad}" fill="#1d4ed8">p95 (solid)</text>
  <text x="${pad + 8}" y="${pad + 14}" fill="#047857">p50 (dashed)</text>
  ${[0, 0.25, 0.5, 0.75, 1].map((f) => `<text x="${pad - 6}" y="${y(f * maxLatency) + 4}" text-anchor="end">${Math.round(f * maxLatency)}</text>`).join("")}
</svg>
`;
}

async function main() {
  const size = scales[scale];
  const shape = shapeOf(scale);
  console.log(
    `Load benchmark, scale ${scale}: ${size.users.toLocaleString("en")} users, ${size.conversations.toLocaleString("en")} conversations, ${size.messages.toLocaleString("en")} messages, ${size.requests.toLocaleString("en")} contact requests; ${virtualUsers} virtual users`,
  );
  console.log(
    `  machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; app and PostgreSQL on the same host`,
  );
  ensureBuild();

  await withThrowawayDatabase("callback_bench_load", args.has("keep"), async (handle, client) => {
    const seeded = performance.now();
    const counts = await seedLoad(client, scale, await hashOnce("callback-demo"));
    console.log(
      `  seeded in ${((performance.now() - seeded) / 1000).toFixed(1)} s: ${Number(counts.conversations).toLocaleString("en")} conversations, ${Number(counts.messages).toLocaleString("en")} messages, ${Number(counts.requests).toLocaleString("en")} requests, ${Number(counts.notifications).toLocaleString("en")} notifications; the busiest user has ${Number(counts.max_conversations).toLocaleString("en")} conversations`,
    );

    // An established deployment has its dashboards' history rolled up already; without this, the app's
    // worker would roll up the whole year during the measurements.
    const rolledAt = performance.now();
    const rolled = await rollupActivity(handle.db);
    console.log(
      `  rolled up ${rolled} days of activity in ${((performance.now() - rolledAt) / 1000).toFixed(1)} s (as the worker had)`,
    );

    const url = new URL(benchServerUrl);
    url.pathname = "/callback_bench_load";
    // The embedded database: the same rows, copied into a PGlite directory the app then opens alone.
    const pgliteDir = engine === "pglite" ? mkdtempSync(path.join(os.tmpdir(), "callback-bench-pglite-")) : null;
    if (pgliteDir) {
      const copiedAt = performance.now();
      // Where the app keeps its embedded database under DATA_DIR.
      const lite = openDatabase({ kind: "pglite", dataDir: path.join(pgliteDir, "db") });
      await migrateDatabase(lite);
      const report = await copyDatabase(handle.db, lite.db);
      await lite.close();
      console.log(
        `  copied ${report.reduce((sum, table) => sum + table.rows, 0).toLocaleString("en")} rows into the embedded database in ${((performance.now() - copiedAt) / 1000).toFixed(1)} s`,
      );
    }
    const databaseEnv = pgliteDir ? { DATABASE_URL: "", DATA_DIR: pgliteDir } : { DATABASE_URL: url.toString() };
    // BENCH_APP_NODE_ARGS passes options to the app's node, e.g. "--cpu-prof --cpu-prof-dir=profiles" to profile it under load.
    const nodeArgs = (process.env.BENCH_APP_NODE_ARGS ?? "").split(" ").filter(Boolean);
    // The virtual users sign in from distinct addresses given in X-Forwarded-For, as a balancer in front would
    // report them; the app trusts one such hop (TRUSTED_PROXY_HOPS), so each address has its own sign-in limit.
    const app: ChildProcess = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "scripts/server.ts"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        ...databaseEnv,
        PORT: String(port),
        BETTER_AUTH_SECRET: secret,
        BETTER_AUTH_URL: baseUrl,
        SEED_DEMO_DATA: "never",
        TRUSTED_PROXY_HOPS: "1",
        LOG_LEVEL: "warn",
        DATABASE_POOL_SIZE: String(Math.ceil(20 / processes)),
        WEB_CONCURRENCY: String(processes),
        EMAIL_WORKER: "inline",
      },
    });
    try {
      await waitForReady(`${baseUrl}/api/ready`, 120_000);

      const pool = (handle.db as unknown as { $client: pg.Pool }).$client;
      // Virtual users: the heavy professionals, then professionals and talents in equal parts.
      const picks = new Set<number>();
      for (let n = 1; n <= shape.heavy; n += 1) picks.add(n);
      for (let k = 0; picks.size < virtualUsers; k += 1)
        picks.add(
          k % 2 === 0
            ? 1 + shape.heavy + ((k * 7) % (shape.professionals - shape.heavy))
            : shape.professionals + 1 + ((k * 13) % shape.talents),
        );
      const started = performance.now();
      const queue = [...picks];
      const users: VirtualUser[] = [];
      await Promise.all(
        Array.from({ length: 6 }, async () => {
          for (let n = queue.shift(); n !== undefined; n = queue.shift()) {
            const cookie = await signIn(n);
            const conversations = (
              await pool.query(
                "select conversation_id as id, last_seq as seq from conversation_participants where user_id = $1 order by last_message_at desc limit 20",
                [userId(n)],
              )
            ).rows as { id: string; seq: number }[];
            users.push({ cookie, role: n <= shape.professionals ? "PROFESSIONAL" : "TALENT", conversations });
          }
        }),
      );
      console.log(
        `  signed in ${users.length} virtual users in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );

      const file = path.join(os.tmpdir(), `callback-load-plan-${process.pid}.json`);
      const run = async (phases: Phase[], target = baseUrl) => {
        const results: (PhaseResult & { cpu: { app: number; database: number } })[] = [];
        for (const phase of phases) {
          const before = cpuSeconds(app.pid!);
          const [result] = await runDriver({ baseUrl: target, users, phases: [phase], maxOutstanding: 2_000 }, file);
          const after = cpuSeconds(app.pid!);
          const database = [...after.database].reduce(
            (sum, [id, seconds]) => sum + (before.database.has(id) ? seconds - before.database.get(id)! : seconds),
            0,
          );
          results.push({
            ...result!,
            cpu: { app: (after.app - before.app) / result!.seconds, database: database / result!.seconds },
          });
        }
        return results;
      };

      console.log("\n  warm-up and rising load (chat mix plus gallery):");
      await run([{ name: "warm-up", rate: 20, seconds: 5, mix: chatMix }]);
      const rates = (args.get("rates") ?? "50,100,200,300,400,600,800").split(",").map(Number);
      const steps: Awaited<ReturnType<typeof run>> = [];
      for (const rate of rates) {
        const [step] = await run([{ name: `mix at ${rate}/s`, rate, seconds: phaseSeconds, mix: chatMix }]);
        steps.push(step!);
        const worstP95 = Math.max(...Object.values(step!.ops).map((op) => op.p95));
        if (worstP95 > 250 || step!.errors / step!.total > 0.01) break;
      }
      const sustained = steps
        .filter((step) => step.errors / step.total < 0.001 && Object.values(step.ops).every((op) => op.p95 < 100))
        .at(-1);
      const activeUsers = virtualUsers / 5;
      console.log(`\n  ${virtualUsers} active users, one action every 5 s each (${activeUsers}/s):`);
      const [usersPhase] = await run([
        { name: `${virtualUsers} users`, rate: activeUsers, seconds: phaseSeconds * 2, mix: chatMix },
      ]);
      // Sends alone, after a warm-up of the same path (the mix sends a tenth as often): the sustained rate.
      console.log("\n  sends only:");
      await run([{ name: "sends warm-up", rate: 100, seconds: 5, mix: { send: 1 } }]);
      const [sends] = await run([{ name: "sends at 300/s", rate: 300, seconds: phaseSeconds, mix: { send: 1 } }]);

      // The floors, in the same run: the bytes the app answered, served by a bare Node server; and the hand-written SQL.
      const sample = users.find((user) => user.role === "PROFESSIONAL" && user.conversations.length)!;
      const [first] = sample.conversations;
      const messagesPath = `/api/v1/conversations/${first!.id}/messages`;
      const answers: Record<string, Recorded> = {
        inbox: await record("/api/v1/conversations", sample.cookie),
        open: await record(messagesPath, sample.cookie),
        badge: await record("/api/v1/unread", sample.cookie),
        send: await record(messagesPath, sample.cookie, { body: "Floor sample", clientKey: randomUUID() }),
        markRead: await record(`/api/v1/conversations/${first!.id}/read`, sample.cookie, { seq: 1_000_000 }),
        older: await record(`${messagesPath}?before=${Math.max(2, first!.seq - 50)}`, sample.cookie),
        requests: await record("/contact-requests/sent", sample.cookie),
        notifications: await record("/notifications", sample.cookie),
        gallery: await record("/talents?q=actor", sample.cookie),
        page: await record(`/messages/${first!.id}`, sample.cookie),
      };
      const floorServer = startFloorServer(answers);
      console.log("\n  HTTP floor (a bare Node server returning the same bytes):");
      const floorRate = (usersPhase ?? steps.at(-1)!).offeredRate;
      const [floor] = await run(
        [{ name: `floor at ${floorRate}/s`, rate: floorRate, seconds: phaseSeconds, mix: chatMix }],
        `http://localhost:${floorPort}`,
      );
      floorServer.close();
      const dbFloors = pgliteDir ? [] : await databaseFloors(client, handle.db, userId(1), userId(shape.heavy + 3));

      const result = {
        scale,
        engine,
        processes,
        size,
        machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
        counts,
        virtualUsers,
        steps,
        sustained: sustained ? sustained.offeredRate : null,
        usersPhase,
        sends,
        floor,
        dbFloors,
      };
      mkdirSync("bench-results", { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      const base = path.join("bench-results", `bench-${scale}${pgliteDir ? "-pglite" : ""}-${stamp}`);
      writeFileSync(`${base}.json`, JSON.stringify(result, null, 2));
      writeFileSync(`${base}.svg`, svgPlot(steps));
      const lines: string[] = [];
      const where = pgliteDir ? "the app on the embedded PGlite database" : "app and PostgreSQL on one host";
      lines.push(
        `# Load benchmark, scale ${scale}${pgliteDir ? ", embedded PGlite" : ""}`,
        "",
        `${os.cpus().length} x ${os.cpus()[0]?.model}; ${where}; ${processes} server process${processes > 1 ? "es" : ""}; ${virtualUsers} virtual users.`,
        "",
      );
      const table = (
        title: string,
        phase: PhaseResult & { cpu?: { app: number; database: number } },
        against?: PhaseResult,
      ) => {
        lines.push(
          `## ${title}`,
          "",
          `Offered ${phase.offeredRate}/s, achieved ${phase.achievedRate.toFixed(1)}/s, errors ${phase.errors} of ${phase.total}${phase.cpu ? `, CPU app ${(phase.cpu.app * 100).toFixed(0)}% / database ${(phase.cpu.database * 100).toFixed(0)}% of one core` : ""}.`,
          "",
        );
        lines.push(
          `| operation | count | p50 ms | p95 ms | p99 ms | errors |${against ? " floor p50 | floor p95 | ours / floor (p50) |" : ""}`,
        );
        lines.push(`| --- | ---: | ---: | ---: | ---: | ---: |${against ? " ---: | ---: | ---: |" : ""}`);
        for (const [op, figures] of Object.entries(phase.ops)) {
          // A phase can draw no action of a rare kind: then there is no floor to compare with.
          const floorOp = against?.ops[op]?.count ? against.ops[op] : undefined;
          lines.push(
            `| ${op} | ${figures.count} | ${ms(figures.p50)} | ${ms(figures.p95)} | ${ms(figures.p99)} | ${figures.errors} |${floorOp ? ` ${ms(floorOp.p50)} | ${ms(floorOp.p95)} | ${(figures.p50 / Math.max(0.01, floorOp.p50)).toFixed(1)}x |` : against ? " | | |" : ""}`,
          );
        }
        lines.push("");
      };
      for (const step of steps) table(step.name, step);
      if (usersPhase)
        table(`${virtualUsers} active users (one action every 5 s each), against the HTTP floor`, usersPhase, floor);
      if (sends) table("Sends only", sends);
      if (dbFloors.length)
        lines.push(
          "## At the database: ours against hand-written SQL",
          "",
          "| operation | user | ours p50 ms | ours p95 ms | SQL p50 ms | SQL p95 ms | ours / SQL (p50) | rows read (EXPLAIN) |",
          "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        );
      for (const row of dbFloors)
        lines.push(
          `| ${row.op} | ${row.user} | ${row.ours.p50.toFixed(2)} | ${row.ours.p95.toFixed(2)} | ${row.floor.p50.toFixed(2)} | ${row.floor.p95.toFixed(2)} | ${(row.ours.p50 / Math.max(0.001, row.floor.p50)).toFixed(2)}x | ${row.rowsRead} |`,
        );
      lines.push(
        "",
        `Highest sustained rate with every p95 under 100 ms and errors under 0.1%: ${sustained ? `${sustained.offeredRate}/s` : "none of the rates tried"}.`,
        "",
      );
      lines.push(
        "## Against the targets",
        "",
        ...targetLines({ usersPhase, sends, dbFloors, pglite: Boolean(pgliteDir) }),
        "",
        `![latency against load](${path.basename(base)}.svg)`,
        "",
      );
      writeFileSync(`${base}.md`, lines.join("\n"));
      console.log(`\n${lines.join("\n")}`);
      console.log(`\n  results: ${base}.json, .md, .svg`);
    } finally {
      app.kill("SIGTERM");
      await new Promise((resolve) => app.once("exit", resolve));
      if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
