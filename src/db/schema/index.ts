// The complete schema, one file per domain; drizzle-kit and the Drizzle client both read it from here.
export * from "./auth";
export * from "./access";
export * from "./talents";
export * from "./billing";
export * from "./messaging";
export * from "./notifications";
export * from "./contact-requests";
export * from "./audit";
export * from "./collections";
export * from "./activity";
export * from "./media";
