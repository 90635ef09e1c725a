import { describe, expect, it } from "vitest";
import { getMetrics, routeLabel } from "./metrics";

describe("routeLabel", () => {
  it("replaces ids, numbers and tokens, and drops the query", () => {
    expect(routeLabel("/messages/0b6f1c1e-9a0d-4c55-9a57-3a1f0f0e9a10?x=1")).toBe("/messages/:id");
    expect(routeLabel("/api/photos/0b6f1c1e-9a0d-4c55-9a57-3a1f0f0e9a10/thumb")).toBe("/api/photos/:id/thumb");
    expect(routeLabel("/shared/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde")).toBe("/shared/:token");
    expect(routeLabel("/talents?q=Sarah&cursor=abc")).toBe("/talents");
    expect(routeLabel("/page/12")).toBe("/page/:n");
    expect(routeLabel("/")).toBe("/");
  });

  it("groups static assets under one label", () => {
    expect(routeLabel("/_next/static/chunks/app/page-123abc.js")).toBe("/_next/static");
    expect(routeLabel("/_next/image?url=x")).toBe("/_next/image");
  });
});

describe("getMetrics", () => {
  it("is one registry per process, exposing the request and platform metrics", async () => {
    expect(getMetrics()).toBe(getMetrics());
    getMetrics().httpRequests.inc({ method: "GET", route: "/talents", status: "200" });
    const text = await getMetrics().registry.metrics();
    expect(text).toContain(
      'callback_http_requests_total{method="GET",route="/talents",status="200",service="callback"} 1',
    );
    for (const name of [
      "callback_sse_connections",
      "callback_db_pool_connections",
      "callback_outbox_jobs_due",
      "callback_outbox_oldest_job_age_seconds",
      "callback_messages_last_minute",
    ]) {
      expect(text).toContain(`# TYPE ${name} gauge`);
    }
  });
});
