import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { createWriteStream, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { eq, inArray } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { migrateDatabase, openDatabase, type DatabaseHandle, type Db } from "@/db/client";
import { contactRequestEvents, contactRequests } from "@/db/schema/contact-requests";
import { conversationParticipants, conversations, messages } from "@/db/schema/messaging";
import { emailJobs, notifications } from "@/db/schema/notifications";
import { createProfessional, createTalentWithProfile, type CreatedUser } from "@/db/seed/factories";
import { contactRequestInput } from "@/modules/contact-requests/inputs";
import { sendContactRequest } from "@/modules/contact-requests/mutations";
import { startConversation } from "@/modules/messaging/mutations";
import { messageIdOf } from "@/modules/notifications/worker";
import { ensureBuild } from "../../scripts/build-if-needed";

/**
 * Crash safety against the real thing: the production server on PostgreSQL,
 * under a load of message sends (the JSON API, which the server answers
 * itself) and contact-request answers (server actions) over HTTP, killed
 * with SIGKILL mid-load (no shutdown hooks, transactions cut at any point) and
 * restarted, several times. Clients retry what was not acknowledged, with the
 * same idempotency key, as the app's pages do. Afterwards: every acknowledged
 * message and transition is stored, none twice, the counters match the rows,
 * and every outbox email reached the SMTP server, none twice by Message-ID.
 *
 * Delivery across a kill between the SMTP send and the row marked sent is at
 * least once by nature; each email's Message-ID is stable per outbox row, so
 * the receiver (here a small SMTP sink in this process) drops the repeat. The
 * test counts such repeats and checks each belongs to a job claimed twice.
 */
const serverUrl = process.env.SECURITY_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const PORT = Number(process.env.CRASH_PORT ?? 3340);
const BASE = `http://localhost:${PORT}`;
const KILLS = 3;
const CLIENTS = 6;
const PASSWORD = "callback-demo";
const root = process.cwd();

type Delivery = { messageId: string; to: string };

/** A minimal SMTP server that accepts every message and records its Message-ID and recipient. */
function startSmtpSink(): Promise<{ port: number; deliveries: Delivery[]; close(): Promise<void> }> {
  const deliveries: Delivery[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    socket.setEncoding("utf8");
    let buffer = "";
    let data: string[] | null = null;
    let to = "";
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply("220 sink.test ESMTP");
    socket.on("data", (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf("\r\n"); end >= 0; end = buffer.indexOf("\r\n")) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (data) {
          if (line !== ".") {
            data.push(line);
            continue;
          }
          // The header block, with folded (continued) lines joined back.
          const headers = data
            .slice(0, data.indexOf("") === -1 ? data.length : data.indexOf(""))
            .join("\r\n")
            .replace(/\r\n[ \t]+/g, " ")
            .split("\r\n");
          const messageId =
            headers
              .find((header) => /^message-id:/i.test(header))
              ?.replace(/^message-id:\s*/i, "")
              .trim() ?? "";
          deliveries.push({ messageId, to });
          data = null;
          reply("250 2.0.0 accepted");
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO") socket.write("250-sink.test\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n");
        else if (verb === "HELO" || verb === "MAIL" || verb === "RSET" || verb === "NOOP") reply("250 OK");
        else if (verb === "RCPT") {
          to = /<([^>]*)>/.exec(line)?.[1] ?? "";
          reply("250 OK");
        } else if (verb === "DATA") {
          data = [];
          reply("354 end with .");
        } else if (verb === "QUIT") {
          reply("221 bye");
          socket.end();
        } else {
          // Any other command: the standard SMTP reply for one this minimal sink does not implement.
          reply("502 not implemented");
        }
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      resolve({
        port,
        deliveries,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    }),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForReady(deadlineMs: number) {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    try {
      if ((await fetch(`${BASE}/api/ready`, { signal: AbortSignal.timeout(2000) })).status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the server on port ${PORT} was not ready within ${deadlineMs} ms`);
    await sleep(150);
  }
}

describe.skipIf(!serverUrl)(
  "crash safety (needs PostgreSQL at SECURITY_DATABASE_URL or TEST_DATABASE_URL: SIGKILL safety is a PostgreSQL property)",
  () => {
    const name = `callback_crash_${process.pid}_${randomBytes(3).toString("hex")}`;
    const databaseUrl = Object.assign(new URL(serverUrl ?? "postgres://localhost/postgres"), {
      pathname: `/${name}`,
    }).toString();
    const logFile = path.join(os.tmpdir(), `${name}.log`);
    let handle: DatabaseHandle;
    let db: Db;
    let sink: Awaited<ReturnType<typeof startSmtpSink>>;
    let server: ChildProcess | null = null;
    let actions: Record<string, string>;
    let pros: CreatedUser[];
    let talents: (CreatedUser & { profileId: string })[];
    const cookies = new Map<string, string>();
    let passed = false;

    async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        return await work(client);
      } finally {
        await client.end();
      }
    }

    function startServer(): ChildProcess {
      const log = createWriteStream(logFile, { flags: "a" });
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
        cwd: root,
        stdio: ["ignore", "pipe", "pipe"],
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          PORT: String(PORT),
          BETTER_AUTH_SECRET: "crash-tests-secret-0123456789abcdef",
          BETTER_AUTH_URL: BASE,
          SEED_DEMO_DATA: "never",
          SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
          MESSAGE_EMAIL_DELAY_SECONDS: "0",
          EMAIL_WORKER: "inline",
          EMAIL_WORKER_INTERVAL_MS: "200",
          EMAIL_CLAIM_SECONDS: "5",
          LOG_LEVEL: "warn",
        },
      });
      child.stdout?.pipe(log);
      child.stderr?.pipe(log);
      return child;
    }

    async function kill(child: ChildProcess, signal: NodeJS.Signals) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill(signal);
      await exited;
    }

    async function signIn(user: CreatedUser, index: number): Promise<string> {
      const response = await fetch(`${BASE}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: BASE, "x-forwarded-for": `10.77.0.${index + 1}` },
        body: JSON.stringify({ email: user.email, password: PASSWORD }),
      });
      const cookie = response.headers
        .getSetCookie()
        .map((entry) => entry.split(";")[0])
        .join("; ");
      if (response.status !== 200 || !cookie) throw new Error(`sign-in of ${user.email}: HTTP ${response.status}`);
      return cookie;
    }

    beforeAll(async () => {
      ensureBuild();
      const manifest = JSON.parse(
        readFileSync(path.join(root, ".next", "server", "server-reference-manifest.json"), "utf8"),
      ) as { node: Record<string, { exportedName?: string }> };
      actions = Object.fromEntries(Object.entries(manifest.node).map(([id, entry]) => [entry.exportedName ?? id, id]));

      await admin((client) => client.query(`create database ${name}`));
      handle = openDatabase({ kind: "postgres", url: databaseUrl, poolSize: 4 });
      await migrateDatabase(handle);
      db = handle.db;

      pros = await Promise.all(
        Array.from({ length: 4 }, (_, index) =>
          createProfessional(db, { name: `Crash Pro ${index}`, subscription: true }),
        ),
      );
      talents = await Promise.all(
        Array.from({ length: 4 }, (_, index) =>
          createTalentWithProfile(db, {
            user: { name: `Crash Talent ${index}` },
            profile: { contact: { phone: `+44 7700 90000${index}` } },
          }),
        ),
      );
      for (const pro of pros) {
        for (const talent of talents) {
          await startConversation(db, pro.actor, talent.id);
          await sendContactRequest(
            db,
            pro.actor,
            contactRequestInput.parse({
              profileId: talent.profileId,
              projectTitle: `Crash ${pro.name}`,
              role: "Lead",
              productionType: "film",
              description: "A film that must survive its server being killed.",
              isPaid: "paid",
              rate: "$400 a day",
            }),
          );
        }
      }

      sink = await startSmtpSink();
      server = startServer();
      await waitForReady(120_000);
      for (const [index, user] of [...pros, ...talents].entries()) cookies.set(user.id, await signIn(user, index));
    }, 600_000);

    afterAll(async () => {
      if (server) await kill(server, "SIGKILL");
      await sink?.close();
      await handle?.close();
      // The server's output is kept for a failed run only.
      if (passed) rmSync(logFile, { force: true });
      if (serverUrl) await admin((client) => client.query(`drop database if exists ${name} with (force)`));
    });

    it("keeps every acknowledged message and answer, once, with matching counters, and delivers every email once by Message-ID, across SIGKILLs", async () => {
      onTestFailed(() => console.error(`The server's output (all its runs) is in ${logFile}`));
      /** A server action call as the app's pages make it; throws when it was not acknowledged (no answer, or not a 200). */
      async function callAction(
        userId: string,
        pagePath: string,
        action: string,
        body: string | FormData,
      ): Promise<string> {
        const headers: Record<string, string> = {
          cookie: cookies.get(userId)!,
          "next-action": actions[action]!,
          accept: "text/x-component",
          origin: BASE,
        };
        if (typeof body === "string") headers["content-type"] = "text/plain;charset=UTF-8";
        const response = await fetch(`${BASE}${pagePath}`, {
          method: "POST",
          headers,
          body,
          signal: AbortSignal.timeout(20_000),
        });
        const text = await response.text();
        if (response.status !== 200) throw new Error(`${action}: HTTP ${response.status}`);
        return text;
      }

      /**
       * A JSON API call as the app's pages make it; throws when it was not acknowledged (no answer, or a
       * server error). A refusal (4xx) is an answer: the caller decides what it means.
       */
      async function callApi(
        userId: string,
        apiPath: string,
        body: unknown,
      ): Promise<{ status: number; text: string }> {
        const response = await fetch(`${BASE}${apiPath}`, {
          method: "POST",
          headers: {
            cookie: cookies.get(userId)!,
            origin: BASE,
            "content-type": "application/json",
            accept: "application/json",
          },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(20_000),
        });
        const text = await response.text();
        if (response.status >= 500) throw new Error(`POST ${apiPath}: HTTP ${response.status}`);
        return { status: response.status, text };
      }

      /** Retries until acknowledged, across kills and restarts, as a client whose request got no answer does. */
      async function untilAcknowledged<T>(work: () => Promise<T>): Promise<{ answer: T; tries: number }> {
        for (let tries = 1; ; tries += 1) {
          try {
            return { answer: await work(), tries };
          } catch (error) {
            if (tries > 400) throw error;
            await sleep(100 + Math.random() * 150);
          }
        }
      }

      const conversationRows = await db.select().from(conversations);
      const conversationOf = new Map(
        conversationRows.map((row) => [[row.userLo, row.userHi].sort().join("|"), row.id]),
      );
      const pending = (await db.select().from(contactRequests)).map((request, index) => ({
        request,
        decision: index % 3 === 2 ? ("DECLINED" as const) : ("APPROVED" as const),
      }));
      const perPhase = Math.ceil(pending.length / (KILLS + 1));

      const acknowledgedSends = new Map<
        string,
        { conversationId: string; seq: number; body: string; senderId: string }
      >();
      const acknowledgedAnswers = new Map<
        string,
        { decision: "APPROVED" | "DECLINED"; answer: "applied" | "already applied" }
      >();
      let phase = 0;
      let answered = 0;
      let stopping = false;
      let sendCount = 0;
      let retried = 0;

      async function sendOne(client: number) {
        const pro = pros[(client + sendCount) % pros.length]!;
        const talent = talents[Math.floor(Math.random() * talents.length)]!;
        const conversationId = conversationOf.get([pro.id, talent.id].sort().join("|"))!;
        sendCount += 1;
        const clientKey = randomUUID();
        const body = `Crash message ${sendCount} from client ${client}`;
        const { answer, tries } = await untilAcknowledged(() =>
          callApi(pro.id, `/api/v1/conversations/${conversationId}/messages`, { body, clientKey }),
        );
        if (tries > 1) retried += 1;
        if (answer.status !== 201)
          throw new Error(`a send was refused: HTTP ${answer.status} ${answer.text.slice(0, 300)}`);
        const sent = JSON.parse(answer.text) as { seq: number; body: string; clientKey: string };
        // A send retried after a kill answers with the message the first try stored, under the same key.
        if (sent.clientKey !== clientKey || sent.body !== body)
          throw new Error(`a send was answered with another message: ${answer.text.slice(0, 300)}`);
        acknowledgedSends.set(clientKey, { conversationId, seq: sent.seq, body, senderId: pro.id });
      }

      async function answerOne() {
        const next = pending.shift()!;
        answered += 1;
        // As React encodes (null, formData) for a form action: the form's fields under "_1_", then the arguments.
        const form = new FormData();
        form.append("_1_requestId", next.request.id);
        if (next.decision === "APPROVED") form.append("_1_sharedFields", "phone");
        form.append("0", JSON.stringify([null, "$K1"]));
        const action = next.decision === "APPROVED" ? "approveContactRequestAction" : "declineContactRequestAction";
        const { answer, tries } = await untilAcknowledged(() =>
          callAction(next.request.talentUserId, `/contact-requests/${next.request.id}`, action, form),
        );
        if (tries > 1) retried += 1;
        if (answer.includes('"ok":true'))
          acknowledgedAnswers.set(next.request.id, { decision: next.decision, answer: "applied" });
        else if (tries > 1 && answer.includes("no longer pending"))
          acknowledgedAnswers.set(next.request.id, { decision: next.decision, answer: "already applied" });
        else throw new Error(`an answer was refused: ${answer.slice(0, 300)}`);
      }

      const failures: string[] = [];
      async function client(index: number) {
        try {
          while (!stopping) {
            if (pending.length > 0 && answered < perPhase * (phase + 1) && Math.random() < 0.3) await answerOne();
            else await sendOne(index);
          }
        } catch (error) {
          failures.push(error instanceof Error ? error.message : String(error));
          stopping = true;
        }
      }

      const clients = Array.from({ length: CLIENTS }, (_, index) => client(index));
      for (let round = 0; round < KILLS; round += 1) {
        await sleep(1500 + Math.random() * 1500);
        await kill(server!, "SIGKILL");
        phase += 1;
        await sleep(200);
        server = startServer();
        await waitForReady(60_000);
      }
      // After the last restart: the rest of the answers, then the load stops and every client's last call completes.
      phase = KILLS + 1;
      const settleBy = Date.now() + 20_000;
      while (pending.length > 0 && Date.now() < settleBy) await sleep(100);
      await sleep(1000);
      stopping = true;
      await Promise.all(clients);
      expect(failures).toEqual([]);
      // The kills cut requests in flight or arriving while the server was down: those were retried.
      expect(retried).toBeGreaterThan(0);

      // The outbox drains: jobs a killed worker held come due again when their claim (5 s here) expires.
      const drainBy = Date.now() + 45_000;
      for (;;) {
        const open = await db
          .select({ id: emailJobs.id })
          .from(emailJobs)
          .where(inArray(emailJobs.status, ["pending", "sending"]));
        if (open.length === 0) break;
        if (Date.now() > drainBy) throw new Error(`${open.length} emails were still not sent 45 s after the load`);
        await sleep(250);
      }
      await kill(server!, "SIGTERM");
      server = null;

      // Every acknowledged message is stored once, with the seq and body its sender was told; nothing else was stored.
      const stored = await db.select().from(messages);
      expect(acknowledgedSends.size).toBeGreaterThan(50);
      expect(stored).toHaveLength(acknowledgedSends.size);
      for (const row of stored) {
        const acknowledged = acknowledgedSends.get(row.clientKey ?? "");
        expect(acknowledged, `message ${row.clientKey} was stored but never acknowledged`).toBeDefined();
        expect({ conversationId: row.conversationId, seq: row.seq, body: row.body, senderId: row.senderId }).toEqual(
          acknowledged,
        );
      }

      // Per conversation: seqs 1..n, and every counter and last-message field matches the rows.
      const participants = await db.select().from(conversationParticipants);
      for (const conversation of await db.select().from(conversations)) {
        const rows = stored.filter((row) => row.conversationId === conversation.id).sort((a, b) => a.seq - b.seq);
        expect(rows.map((row) => row.seq)).toEqual(rows.map((_, index) => index + 1));
        expect(conversation.lastSeq).toBe(rows.length);
        if (rows.length > 0) expect(conversation.lastMessagePreview).toBe(rows.at(-1)!.body);
        for (const participant of participants.filter((each) => each.conversationId === conversation.id)) {
          expect(participant.lastSeq).toBe(rows.length);
          // Only the professionals send: their pointer is at their newest message, the talent has read nothing.
          const isSender = pros.some((pro) => pro.id === participant.userId);
          expect(participant.lastReadSeq).toBe(isSender ? rows.length : 0);
        }
      }
      const messageNotes = await db.select().from(notifications).where(eq(notifications.type, "message.received"));
      expect(messageNotes).toHaveLength(stored.length);
      expect(
        new Set(
          messageNotes.map((note) =>
            JSON.stringify([
              (note.payload as { conversationId: string }).conversationId,
              (note.payload as { seq: number }).seq,
            ]),
          ),
        ).size,
      ).toBe(stored.length);

      // Every answer is stored once: the status it was given, one history entry, one notification to the sender.
      const requests = await db.select().from(contactRequests);
      expect(acknowledgedAnswers.size).toBe(requests.length);
      const events = await db.select().from(contactRequestEvents);
      const answerNotes = await db
        .select()
        .from(notifications)
        .where(inArray(notifications.type, ["contact_request.approved", "contact_request.declined"]));
      for (const request of requests) {
        const acknowledged = acknowledgedAnswers.get(request.id)!;
        expect(request.status).toBe(acknowledged.decision);
        expect(
          events
            .filter((event) => event.requestId === request.id)
            .map((event) => event.toStatus)
            .sort(),
        ).toEqual([acknowledged.decision, "PENDING"].sort());
        expect(
          answerNotes.filter((note) => (note.payload as { requestId: string }).requestId === request.id),
        ).toHaveLength(1);
      }

      // The outbox: every job sent; every notification that wanted an email is in exactly one job.
      const jobs = await db.select().from(emailJobs);
      expect(jobs.filter((job) => job.status !== "sent")).toEqual([]);
      const notified = (await db.select().from(notifications)).filter(
        (note) => note.emailState !== "skipped" && note.emailState !== "none",
      );
      const inJobs = jobs.flatMap((job) => job.notificationIds);
      expect(inJobs.length).toBe(new Set(inJobs).size);
      expect(new Set(inJobs)).toEqual(new Set(notified.map((note) => note.id)));
      expect(notified.every((note) => note.emailState === "emailed")).toBe(true);

      // Delivered: every job's Message-ID reached the sink, nothing else did, and a repeat only for a job claimed again after a kill.
      const expectedIds = new Map(jobs.map((job) => [messageIdOf(job), job]));
      const delivered = new Map<string, number>();
      for (const delivery of sink.deliveries)
        delivered.set(delivery.messageId, (delivered.get(delivery.messageId) ?? 0) + 1);
      expect([...delivered.keys()].filter((id) => !expectedIds.has(id))).toEqual([]);
      expect([...expectedIds.keys()].filter((id) => !delivered.has(id))).toEqual([]);
      const repeats = [...delivered].filter(([, count]) => count > 1);
      for (const [id] of repeats) expect(expectedIds.get(id)!.attempts).toBeGreaterThan(1);

      passed = true;
      console.info(
        `crash safety: ${KILLS} SIGKILLs; ${acknowledgedSends.size} messages and ${acknowledgedAnswers.size} answers acknowledged (${retried} after a retry, ` +
          `${[...acknowledgedAnswers.values()].filter((each) => each.answer === "already applied").length} answers found already applied); ` +
          `${jobs.length} emails (${jobs.filter((job) => job.attempts > 1).length} claimed again after a kill), ${sink.deliveries.length} SMTP deliveries, ${repeats.length} repeated by Message-ID and dropped by the receiver`,
      );
    }, 150_000);
  },
);
