import "server-only";
import type { z } from "zod";
import { getDb, type Db } from "@/db";
import {
  createAction,
  createFormAction,
  type ActionSteps,
  type FormAction,
  type FormActionSteps,
  type InputOf,
} from "@/lib/action";
import type { ActionResult } from "@/lib/action-result";
import { AppError } from "@/lib/errors";
import type { ApiRoute } from "@/lib/json-api";
import { requireActor } from "./actor";
import { hasPermission, type Permission } from "./permissions";
import type { Actor } from "./types";

/**
 * The action pipeline (src/lib/action.ts) bound to the session: every server
 * action of the product is declared with defineAction or defineFormAction,
 * every JSON API route with defineApiRoute.
 *
 * Who an action is for:
 * - "anyone": signed out too (signing in, a token's unsubscribe); the session is not read;
 * - "signed-in": every signed-in account; anyone else is sent to sign in and brought back;
 * - { permission }: a signed-in account whose role has the permission; for
 *   every other account the action does not exist (not_found, as requirePermission
 *   answers for pages). It is checked once the input is well-formed, and the
 *   mutation still makes its own checks.
 */
export type ActorRule = "anyone" | "signed-in" | { permission: Permission };

/** What a declaration's `run` gets besides its input. */
export type ActionContext<Rule extends ActorRule> = { db: Db; actor: Rule extends "anyone" ? null : Actor };

function bind<Rule extends ActorRule>(rule: Rule) {
  const permission = typeof rule === "object" ? rule.permission : undefined;
  return {
    context: async () =>
      ({ db: getDb(), actor: rule === "anyone" ? null : await requireActor() }) as ActionContext<Rule>,
    authorize: permission
      ? ({ actor }: ActionContext<Rule>) => {
          if (!actor || !hasPermission(actor.role, permission)) throw new AppError("not_found");
        }
      : undefined,
  };
}

type Declaration<Steps> = Omit<Steps, "context" | "authorize">;
type Redirecting<T, Schema, Raw> = { redirect: (data: T, input: InputOf<Schema, Raw>) => string };
type Staying = { redirect?: undefined };

/**
 * A server action called with arguments (an id, a direction); `read` turns
 * them into the input. One that redirects after a success answers only with
 * its refusals (ActionResult<never>).
 */
export function defineAction<
  Rule extends ActorRule,
  Args extends unknown[] = [],
  Schema extends z.ZodType | undefined = undefined,
  Raw = undefined,
  T = void,
>(
  declaration: Declaration<ActionSteps<ActionContext<Rule>, Args, Schema, Raw, T>> & { actor: Rule } & Redirecting<
      T,
      Schema,
      Raw
    >,
): (...args: Args) => Promise<ActionResult<never>>;
export function defineAction<
  Rule extends ActorRule,
  Args extends unknown[] = [],
  Schema extends z.ZodType | undefined = undefined,
  Raw = undefined,
  T = void,
>(
  declaration: Declaration<ActionSteps<ActionContext<Rule>, Args, Schema, Raw, T>> & { actor: Rule } & Staying,
): (...args: Args) => Promise<ActionResult<T>>;
export function defineAction<
  Rule extends ActorRule,
  Args extends unknown[],
  Schema extends z.ZodType | undefined,
  Raw,
  T,
>(declaration: Declaration<ActionSteps<ActionContext<Rule>, Args, Schema, Raw, T>> & { actor: Rule }) {
  const { actor, ...steps } = declaration;
  return createAction<ActionContext<Rule>, Args, Schema, Raw, T>({ ...steps, ...bind(actor) });
}

/** A form's server action (useActionState, <form action>): the input is read from the form's fields. */
export function defineFormAction<
  Rule extends ActorRule,
  Schema extends z.ZodType | undefined = undefined,
  Raw = undefined,
  T = void,
>(
  declaration: Declaration<FormActionSteps<ActionContext<Rule>, Schema, Raw, T>> & { actor: Rule } & Redirecting<
      T,
      Schema,
      Raw
    >,
): FormAction<never>;
export function defineFormAction<
  Rule extends ActorRule,
  Schema extends z.ZodType | undefined = undefined,
  Raw = undefined,
  T = void,
>(
  declaration: Declaration<FormActionSteps<ActionContext<Rule>, Schema, Raw, T>> & { actor: Rule } & Staying,
): FormAction<T>;
export function defineFormAction<Rule extends ActorRule, Schema extends z.ZodType | undefined, Raw, T>(
  declaration: Declaration<FormActionSteps<ActionContext<Rule>, Schema, Raw, T>> & { actor: Rule },
): FormAction<T> | FormAction<never> {
  const { actor, ...steps } = declaration;
  return createFormAction<ActionContext<Rule>, Schema, Raw, T>({ ...steps, ...bind(actor) });
}

/**
 * A route of the JSON API, for the signed-in caller the router has already
 * found (src/lib/json-api.ts): its input's schema, where it is read from, and
 * the handler. Declaring it here gives the handler its actor and input types.
 */
export function defineApiRoute<Schema extends z.ZodType | undefined = undefined>(
  route: ApiRoute<Actor, Schema>,
): ApiRoute<Actor> {
  return route;
}
