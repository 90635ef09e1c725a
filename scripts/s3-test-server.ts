import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";

/**
 * An S3-compatible server for the test suite (s3rver, in-process JavaScript,
 * no binaries): `npx tsx scripts/s3-test-server.ts [directory]`. Listens on
 * S3_TEST_PORT (9400) with the bucket callback-test; any access key works.
 * Stops on SIGTERM or SIGINT.
 */
const port = Number(process.env.S3_TEST_PORT ?? 9400);
const directory = process.argv[2] ?? mkdtempSync(path.join(tmpdir(), "callback-s3-"));
const server = new S3rver({
  port,
  address: "127.0.0.1",
  directory,
  silent: true,
  configureBuckets: [{ name: "callback-test" }],
});
await server.run();
console.log(`S3-compatible test server on http://127.0.0.1:${port}`);
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
