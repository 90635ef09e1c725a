import { asRouteHandler } from "@/lib/json-api";
import { handleApiRequest } from "../api";

export const dynamic = "force-dynamic";

/**
 * The JSON API as a route handler: what `npm run dev` serves. The production
 * server answers these paths itself, ahead of the page renderer, with the same
 * handler (see src/lib/direct-routes.ts).
 */
const handler = asRouteHandler(handleApiRequest);

export const GET = handler;
export const POST = handler;
