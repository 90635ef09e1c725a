import "./production-env";
import "./load-env";
import { ensureBuild } from "./build-if-needed";
import { getEnv } from "@/lib/env";

// `npm start`: builds the app when no build of the current sources exists,
// then serves it on PORT and HOST with the production server (scripts/server.ts).

/** Stops at once, with the variable named and no stack trace, when the configuration is invalid. */
function checkedEnv() {
  try {
    return getEnv();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

checkedEnv();
ensureBuild();
// The same production server as `npm run serve` (graceful shutdown, metrics), in this process.
import("./server")
  .then(({ serve }) => serve())
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
