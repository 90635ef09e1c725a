import { z } from "zod";

const mode = z.enum(["immediate", "daily", "off"], { error: "Choose immediately, daily digest or off." });

export const emailPreferencesInput = z.object({ messages: mode, contact_requests: mode, billing: mode });
