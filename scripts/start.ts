import "./production-env";
import "./load-env";
import { ensureBuild } from "./build-if-needed";
import { checkedEnv, serve } from "./server";

// `npm start`: builds the app when no build of the current sources exists, then serves it on PORT and HOST
// with the same production server as `npm run serve` (graceful shutdown, metrics), in this process.
checkedEnv();
ensureBuild();
serve({ banner: true }).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
