// `npm start` serves a production build: configuration is read and checked as production reads it.
Object.assign(process.env, { NODE_ENV: "production" });
