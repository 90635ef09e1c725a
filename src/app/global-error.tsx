"use client";

/** The last resort when even the root layout failed; it brings its own html and body. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body
        style={{
          fontFamily: "system-ui, sans-serif",
          display: "grid",
          placeItems: "center",
          minHeight: "100vh",
          margin: 0,
        }}
      >
        <main style={{ textAlign: "center", padding: 16 }}>
          <h1>Something went wrong</h1>
          <p>An unexpected error stopped Callback. Please try again.</p>
          {error.digest ? <p style={{ fontSize: 12, color: "#666" }}>Reference: {error.digest}</p> : null}
          <button type="button" onClick={reset}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
