// `npm start` serves a production build: configuration is read and checked as production reads it.
// Next.js sends no usage data from this server.
Object.assign(process.env, { NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });
