import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lockEmbeddedDatabase } from "./embedded-lock";

const tempDir = () => mkdtempSync(path.join(tmpdir(), "callback-lock-"));

describe("lockEmbeddedDatabase", () => {
  it("takes the directory for this process and gives it back on release", () => {
    const dir = tempDir();
    const release = lockEmbeddedDatabase(dir);
    expect(readFileSync(path.join(dir, "callback.lock"), "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(path.join(dir, "callback.lock"))).toBe(false);
  });

  it("refuses a directory another living process holds, and says what to do", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "callback.lock"), String(process.ppid));
    expect(() => lockEmbeddedDatabase(dir)).toThrow(/in use by another process .*Stop the server first/);
  });

  it("takes over a lock left by a process that has died", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "callback.lock"), "999999999");
    const release = lockEmbeddedDatabase(dir);
    expect(readFileSync(path.join(dir, "callback.lock"), "utf8")).toBe(String(process.pid));
    release();
  });
});
