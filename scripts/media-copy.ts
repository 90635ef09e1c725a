import path from "node:path";
import { getEnv } from "@/lib/env";
import { diskStorage, getBlobStorage } from "@/lib/storage";
import { copyStore, describeCopy } from "@/lib/storage-copy";

/**
 * `npm run media:copy`: copies every stored file (photos, reels, CVs, posters,
 * captions) from the local disk (DATA_DIR/uploads) to the bucket the S3
 * settings name. Run it with STORAGE_DRIVER=s3 and the bucket settings, then
 * restart the app with the same settings; running it again copies only what
 * is missing.
 */
const env = getEnv();
if (env.STORAGE_DRIVER !== "s3") {
  console.error(
    "Set STORAGE_DRIVER=s3 with S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY (and S3_ENDPOINT for R2, MinIO or Ceph) to copy files to a bucket.",
  );
  process.exit(1);
}
console.log(`Copying ${path.join(env.dataDir, "uploads")} to the bucket ${env.S3_BUCKET}`);
const report = await copyStore(diskStorage(), getBlobStorage(), (line) => console.log(line));
console.log(describeCopy(report));
