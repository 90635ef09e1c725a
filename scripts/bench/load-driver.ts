import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import { performance } from "node:perf_hooks";

/**
 * The load generator of `npm run bench`, run as its own process so that its
 * work does not count against the app. It reads a plan from the JSON file named
 * by its first argument and prints the results as JSON on stdout.
 *
 * Virtual users act in an open loop: each phase offers a fixed rate of
 * actions per second, spread over the users, with the mix of operations
 * below. An action that cannot start because too many are already waiting is
 * counted as an error (the rate could not be offered), never silently skipped.
 */
export type VirtualUser = {
  cookie: string;
  role: "PROFESSIONAL" | "TALENT";
  conversations: { id: string; seq: number }[];
  profileId?: string;
};
export type Phase = { name: string; rate: number; seconds: number; mix: Record<string, number> };
export type DriverPlan = { baseUrl: string; users: VirtualUser[]; phases: Phase[]; maxOutstanding: number };
export type OpFigures = { count: number; errors: number; p50: number; p95: number; p99: number; mean: number };
export type PhaseResult = {
  name: string;
  offeredRate: number;
  achievedRate: number;
  seconds: number;
  errors: number;
  total: number;
  ops: Record<string, OpFigures>;
  errorSamples: string[];
};

/**
 * The mix modelled on chat systems (inbox 30, open conversation 25, badge 15,
 * send 10, mark read 10, older page 5, contact requests 3, notifications 2),
 * plus gallery searches (5) and first visits of the messaging pages (5): of
 * all actions, inbox 27%, open 23%, badge 14%, send 9%, mark read 9%, older
 * 4.5%, requests 2.7%, notifications 1.8%, gallery 4.5%, page loads 4.5%.
 */
export const chatMix: Record<string, number> = {
  inbox: 30,
  open: 25,
  badge: 15,
  send: 10,
  markRead: 10,
  older: 5,
  requests: 3,
  notifications: 2,
  gallery: 5,
  page: 5,
};

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

type Answer = { status: number; body: string };

function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? "GET", headers: options.headers, agent }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.setTimeout(30_000, () => req.destroy(new Error("timeout after 30 s")));
    if (options.body) req.write(options.body);
    req.end();
  });
}

const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]!;

/**
 * One operation as the product's pages make it. The messaging calls are the
 * JSON API the open inbox and conversation use (src/modules/messaging/api.ts);
 * the contact requests, notifications and gallery are page loads (full HTML),
 * and "page" is the first visit of the inbox or of a conversation. Every
 * request names its operation in X-Bench-Op, which only the HTTP floor reads.
 */
async function operate(plan: DriverPlan, user: VirtualUser, op: string): Promise<void> {
  const base = plan.baseUrl;
  const headers = { cookie: user.cookie, "x-bench-op": op };
  const expect = async (path: string, options: { method?: string; body?: unknown }, status = 200) => {
    const answer = await request(`${base}${path}`, {
      method: options.method,
      headers: options.body === undefined ? headers : { ...headers, "content-type": "application/json", origin: base },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    if (answer.status !== status)
      throw new Error(
        `${op}: HTTP ${answer.status}${answer.body.startsWith("{") ? ` ${/"message":"([^"]*)"/.exec(answer.body)?.[1] ?? ""}` : ""}`,
      );
  };
  const conversation = user.conversations.length ? pick(user.conversations) : null;
  const messagesOf = (id: string) => `/api/v1/conversations/${id}/messages`;
  switch (op) {
    case "inbox":
      return expect("/api/v1/conversations", {});
    case "open":
      return conversation ? expect(messagesOf(conversation.id), {}) : expect("/api/v1/conversations", {});
    case "badge":
      return expect("/api/v1/unread", {});
    case "send":
      if (!conversation) return expect("/api/v1/conversations", {});
      return expect(
        messagesOf(conversation.id),
        { method: "POST", body: { body: `Load test message ${Date.now()}`, clientKey: randomUUID() } },
        201,
      );
    case "markRead":
      if (!conversation) return expect("/api/v1/conversations", {});
      return expect(`/api/v1/conversations/${conversation.id}/read`, { method: "POST", body: { seq: 1_000_000 } });
    case "older":
      if (!conversation) return expect("/api/v1/conversations", {});
      return expect(`${messagesOf(conversation.id)}?before=${Math.max(2, conversation.seq - 50)}`, {});
    case "requests":
      return expect(user.role === "TALENT" ? "/contact-requests/received" : "/contact-requests/sent", {});
    case "notifications":
      return expect("/notifications", {});
    case "gallery":
      return expect(`/talents?q=${pick(["actor", "stage", "london", "Load Talent 1"])}`, {});
    case "page":
      return expect(conversation && Math.random() < 0.5 ? `/messages/${conversation.id}` : "/messages", {});
    default:
      throw new Error(`unknown operation ${op}`);
  }
}

function figures(timings: number[], errors: number): OpFigures {
  const sorted = [...timings].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;
  return {
    count: timings.length,
    errors,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    mean: sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : 0,
  };
}

async function runPhase(plan: DriverPlan, phase: Phase): Promise<PhaseResult> {
  const ops = Object.keys(phase.mix);
  const weights = ops.map((op) => phase.mix[op]!);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const chooseOp = () => {
    let roll = Math.random() * totalWeight;
    for (let index = 0; index < ops.length; index += 1) if ((roll -= weights[index]!) < 0) return ops[index]!;
    return ops.at(-1)!;
  };
  const timings = new Map<string, number[]>(ops.map((op) => [op, []]));
  const errors = new Map<string, number>(ops.map((op) => [op, 0]));
  const samples = new Set<string>();
  let outstanding = 0;
  let total = 0;
  let failed = 0;
  const started = performance.now();
  const end = started + phase.seconds * 1000;
  const running: Promise<void>[] = [];
  const interval = 1000 / phase.rate;
  for (let next = started; next < end; next += interval) {
    const wait = next - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const op = chooseOp();
    total += 1;
    if (outstanding >= plan.maxOutstanding) {
      failed += 1;
      errors.set(op, errors.get(op)! + 1);
      samples.add("not started: too many actions waiting");
      continue;
    }
    outstanding += 1;
    const user = plan.users[Math.floor(Math.random() * plan.users.length)]!;
    const begun = performance.now();
    running.push(
      operate(plan, user, op)
        .then(() => void timings.get(op)!.push(performance.now() - begun))
        .catch((error: unknown) => {
          failed += 1;
          errors.set(op, errors.get(op)! + 1);
          if (samples.size < 10) samples.add(error instanceof Error ? error.message : String(error));
        })
        .finally(() => {
          outstanding -= 1;
        }),
    );
  }
  await Promise.all(running);
  const seconds = (performance.now() - started) / 1000;
  return {
    name: phase.name,
    offeredRate: phase.rate,
    achievedRate: (total - failed) / seconds,
    seconds,
    errors: failed,
    total,
    ops: Object.fromEntries(ops.map((op) => [op, figures(timings.get(op)!, errors.get(op)!)])),
    errorSamples: [...samples],
  };
}

async function main() {
  const plan = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as DriverPlan;
  const results: PhaseResult[] = [];
  for (const phase of plan.phases) {
    results.push(await runPhase(plan, phase));
    process.stderr.write(
      `  ${phase.name.padEnd(24)} offered ${phase.rate}/s, achieved ${results.at(-1)!.achievedRate.toFixed(1)}/s, errors ${results.at(-1)!.errors}\n`,
    );
  }
  process.stdout.write(JSON.stringify(results));
  agent.destroy();
}

if (process.argv[1]?.endsWith("load-driver.ts")) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
