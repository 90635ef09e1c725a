import type { Instrumentation } from "next";

export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("./server-start");
    await startServer();
  }
}

/** Every server error is logged here, once, with the id of the request that met it. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { logRequestError } = await import("./server-start");
    logRequestError(error, request, context);
  }
};
