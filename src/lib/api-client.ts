import type { ActionResult } from "./action-result";

/**
 * Calls the JSON API from the browser and answers like a server action does:
 * `{ ok: true, data }`, or `{ ok: false, code, message, fieldErrors }` with a
 * message a person can act on, also when the network or the server fails.
 * Dates arrive as ISO text; components read them with `new Date(...)`.
 */
export async function callApi<T>(
  path: string,
  init?: { method?: "GET" | "POST"; body?: unknown },
): Promise<ActionResult<T>> {
  let response: Response;
  try {
    response = await fetch(`/api/v1/${path}`, {
      method: init?.method ?? "GET",
      headers:
        init?.body === undefined
          ? { accept: "application/json" }
          : { accept: "application/json", "content-type": "application/json" },
      body: init?.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    return {
      ok: false,
      code: "unavailable",
      message: "Could not reach Callback. Check your connection and try again.",
    };
  }
  const answer = (await response.json().catch(() => null)) as unknown;
  if (response.ok) return { ok: true, data: answer as T };
  if (answer && typeof answer === "object" && "message" in answer) return answer as ActionResult<T>;
  return { ok: false, code: "internal", message: "Something went wrong on our side. Please try again." };
}
