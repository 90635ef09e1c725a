import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { Db } from "../client";
import { accounts, users, userRole } from "../schema/auth";

/**
 * Builders of realistic rows, shared by the demo seed and the tests, so both
 * exercise the same shapes the app itself writes.
 */
export type UserRole = (typeof userRole.enumValues)[number];

export type NewUser = {
  role?: UserRole;
  name?: string;
  email?: string;
  password?: string;
  createdAt?: Date;
};

export type CreatedUser = {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  /** The same shape as the signed-in actor the app derives from a session. */
  actor: { userId: string; name: string; email: string; role: UserRole };
};

const passwordHashes = new Map<string, Promise<string>>();

/** Password hashing is slow on purpose; the seed and tests reuse one hash per password. */
export function hashOnce(password: string): Promise<string> {
  let hash = passwordHashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    passwordHashes.set(password, hash);
  }
  return hash;
}

let sequence = 0;

function defaults(input: NewUser) {
  sequence += 1;
  const role = input.role ?? "TALENT";
  const name = input.name ?? `${role.charAt(0)}${role.slice(1).toLowerCase()} ${sequence}`;
  const email = (input.email ?? `${role.toLowerCase()}-${sequence}-${randomUUID().slice(0, 8)}@example.test`).toLowerCase();
  return { role, name, email, password: input.password ?? "callback-demo", createdAt: input.createdAt ?? new Date() };
}

/**
 * Inserts users with email-and-password credentials in one statement each for
 * users and credentials. Users whose email already exists are left as they are
 * and left out of the result, which makes seeding idempotent.
 */
export async function createUsers(db: Db, inputs: NewUser[]): Promise<CreatedUser[]> {
  if (inputs.length === 0) return [];
  const rows = await Promise.all(
    inputs.map(async (input) => {
      const values = defaults(input);
      return { ...values, id: randomUUID(), passwordHash: await hashOnce(values.password) };
    }),
  );
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(users)
      .values(rows.map(({ id, name, email, role, createdAt }) => ({ id, name, email, role, createdAt, updatedAt: createdAt })))
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id, name: users.name, email: users.email, role: users.role });
    if (inserted.length === 0) return [];
    const rowById = new Map<string, (typeof rows)[number]>(rows.map((row) => [row.id, row]));
    await tx.insert(accounts).values(
      inserted.map((user) => {
        const row = rowById.get(user.id)!;
        return {
          id: randomUUID(),
          accountId: user.id,
          providerId: "credential",
          userId: user.id,
          password: row.passwordHash,
          createdAt: row.createdAt,
          updatedAt: row.createdAt,
        };
      }),
    );
    return inserted.map((user) => ({ ...user, actor: { userId: user.id, name: user.name, email: user.email, role: user.role } }));
  });
}

export async function createUser(db: Db, input: NewUser = {}): Promise<CreatedUser> {
  const [user] = await createUsers(db, [input]);
  if (!user) throw new Error(`A user with the email ${input.email} already exists.`);
  return user;
}

export const createTalent = (db: Db, input: Omit<NewUser, "role"> = {}) => createUser(db, { ...input, role: "TALENT" });
export const createProfessional = (db: Db, input: Omit<NewUser, "role"> = {}) => createUser(db, { ...input, role: "PROFESSIONAL" });
export const createCompany = (db: Db, input: Omit<NewUser, "role"> = {}) => createUser(db, { ...input, role: "COMPANY" });
export const createAdmin = (db: Db, input: Omit<NewUser, "role"> = {}) => createUser(db, { ...input, role: "ADMIN" });
