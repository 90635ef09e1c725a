import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

/**
 * Fails when a source or documentation file holds a non-ASCII byte or a CR
 * line ending. Checks every file git tracks or would track (untracked files
 * that are not ignored), except binary images and fonts.
 */
const binary = /\.(png|jpe?g|webp|gif|ico|woff2?|ttf|otf|pdf)$/i;

const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], {
  encoding: "utf8",
})
  .split("\0")
  .filter((file) => file && !binary.test(file));

const problems: string[] = [];
for (const file of files) {
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch {
    continue; // deleted in the working tree
  }
  let line = 1;
  for (let index = 0; index < content.length; index += 1) {
    const byte = content[index]!;
    if (byte === 0x0a) line += 1;
    else if (byte === 0x0d) {
      problems.push(`${file}:${line}: CR line ending`);
      break;
    } else if (byte > 0x7f) {
      problems.push(`${file}:${line}: non-ASCII byte 0x${byte.toString(16)}`);
      break;
    }
  }
}

if (problems.length > 0) {
  console.error(`${problems.length} file(s) are not ASCII with LF line endings:\n${problems.join("\n")}`);
  process.exit(1);
}
console.log(`ASCII/LF check passed: ${files.length} files.`);
