import { afterAll } from "vitest";
import { closeFreshDatabases } from "./database";

// Every test file closes the databases it made (and drops them on PostgreSQL) when its tests are done.
afterAll(closeFreshDatabases);
