import { getEnv } from "@/lib/env";
import { createApi } from "@/lib/json-api";
import { authenticateApiRequest } from "@/modules/access/actor";
import { messagingApi } from "@/modules/messaging/api";

export const API_PREFIX = "/api/v1/";

/** Every route of the JSON API, by module (the routes and their answers: docs/api.md). */
export const handleApiRequest = createApi({
  prefix: API_PREFIX,
  routes: [...messagingApi],
  authenticate: authenticateApiRequest,
  https: () => getEnv().BETTER_AUTH_URL.startsWith("https://"),
});
