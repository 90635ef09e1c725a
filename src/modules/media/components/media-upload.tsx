"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { DetailedError, Upload } from "tus-js-client";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { acceptAttribute, describeSize, kindOfPurpose, purposeLabels, type MediaPurpose } from "../options";

/** Kept in step with the server's UPLOAD_CHUNK_BYTES: below the request proxy's body limit. */
const CHUNK_BYTES = 8 * 1024 * 1024;

type State =
  | { phase: "idle" }
  | { phase: "uploading"; fileName: string; sent: number; total: number; reconnecting: boolean }
  | { phase: "paused"; fileName: string; sent: number; total: number; error: string }
  | { phase: "done"; fileName: string };

/** The sentence the server gave with a refusal, or a plain one for a lost connection. */
function explain(error: Error): { message: string; retryable: boolean } {
  if (error instanceof DetailedError && error.originalResponse) {
    const status = error.originalResponse.getStatus();
    const body = error.originalResponse.getBody()?.trim();
    const retryable = status >= 500 || status === 423 || status === 409;
    return { message: body || `The upload was refused (${status}).`, retryable };
  }
  return { message: "The connection was lost. Retry to go on from where it stopped.", retryable: true };
}

/**
 * Uploads one showreel, voice reel or CV with the tus protocol: in chunks,
 * with a progress bar, pause and cancel; a dropped connection is retried by
 * itself, and Retry goes on from the last byte that arrived (even after a
 * reload: the browser remembers unfinished uploads of the same file).
 */
export function MediaUpload({
  purpose,
  maxBytes,
  disabled,
}: {
  purpose: MediaPurpose;
  maxBytes: number;
  disabled?: boolean;
}) {
  const router = useRouter();
  const upload = useRef<Upload | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState("");
  const [state, setState] = useState<State>({ phase: "idle" });
  const [error, setError] = useState<string>();
  const label = purposeLabels[purpose].one;
  const fieldId = `upload-${purpose}`;

  useEffect(() => () => void upload.current?.abort(), []);

  function start(file: File) {
    setError(undefined);
    if (file.size === 0) return setError(`${file.name} is empty. Choose the file again.`);
    if (file.size > maxBytes) {
      return setError(
        `${file.name} is ${describeSize(file.size)}; a ${label.toLowerCase()} can be up to ${describeSize(maxBytes)}.`,
      );
    }
    const current = new Upload(file, {
      endpoint: "/api/uploads",
      chunkSize: CHUNK_BYTES,
      retryDelays: [0, 1000, 3000, 5000, 10000],
      removeFingerprintOnSuccess: true,
      metadata: { filename: file.name, purpose, title: title.trim() },
      onProgress: (sent, total) =>
        setState({ phase: "uploading", fileName: file.name, sent, total, reconnecting: false }),
      onShouldRetry: (failure) => {
        const { retryable } = explain(failure);
        if (retryable)
          setState((previous) => (previous.phase === "uploading" ? { ...previous, reconnecting: true } : previous));
        return retryable;
      },
      onError: (failure) => {
        const { message, retryable } = explain(failure);
        if (retryable) {
          setState((previous) => ({
            phase: "paused",
            fileName: file.name,
            sent: "sent" in previous ? previous.sent : 0,
            total: file.size,
            error: message,
          }));
        } else {
          upload.current = null;
          setState({ phase: "idle" });
          setError(`${file.name}: ${message}`);
        }
      },
      onSuccess: () => {
        upload.current = null;
        setState({ phase: "done", fileName: file.name });
        setTitle("");
        if (input.current) input.current.value = "";
        router.refresh();
      },
    });
    upload.current = current;
    setState({ phase: "uploading", fileName: file.name, sent: 0, total: file.size, reconnecting: false });
    void current.findPreviousUploads().then((previous) => {
      if (previous[0]) current.resumeFromPreviousUpload(previous[0]);
      current.start();
    });
  }

  function pause() {
    const current = upload.current;
    if (!current) return;
    void current.abort();
    setState((previous) =>
      previous.phase === "uploading" ? { ...previous, phase: "paused", error: "Paused." } : previous,
    );
  }

  function resume() {
    if (!upload.current || state.phase !== "paused") return;
    setState({ ...state, phase: "uploading", reconnecting: false });
    upload.current.start();
  }

  function cancel() {
    const current = upload.current;
    upload.current = null;
    setState({ phase: "idle" });
    if (input.current) input.current.value = "";
    // Terminating tells the server to delete what arrived and give the space back.
    if (current) void current.abort(true).catch(() => undefined);
  }

  const busy = state.phase === "uploading" || state.phase === "paused";
  const percent = "total" in state && state.total > 0 ? Math.floor((state.sent / state.total) * 100) : 0;

  return (
    <div className="space-y-3 rounded-xl border border-dashed border-stone-300 p-4">
      <div className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end">
        <div>
          <label htmlFor={`${fieldId}-title`} className="block text-sm font-medium text-stone-800">
            Title <span className="font-normal text-stone-600">(optional)</span>
          </label>
          <input
            id={`${fieldId}-title`}
            value={title}
            maxLength={120}
            disabled={busy || disabled}
            onChange={(event) => setTitle(event.target.value)}
            placeholder={purpose === "cv" ? "Acting CV" : `${label} 2026`}
            className="mt-1 w-full rounded-lg border border-stone-300 px-3 py-2 text-sm"
          />
        </div>
        <label className="inline-flex cursor-pointer items-center justify-center rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 focus-within:outline focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-brand-600 has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-60">
          Upload a {label.toLowerCase()}
          <input
            ref={input}
            id={fieldId}
            type="file"
            accept={acceptAttribute[kindOfPurpose[purpose]]}
            className="sr-only"
            disabled={busy || disabled}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) start(file);
            }}
          />
        </label>
      </div>
      {busy ? (
        <div className="space-y-2">
          <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
            <label htmlFor={`${fieldId}-progress`} className="min-w-0 truncate font-medium text-stone-800">
              {state.fileName}
            </label>
            <span className="text-stone-700" aria-hidden="true">
              {describeSize(state.sent)} of {describeSize(state.total)} ({percent}%)
            </span>
          </div>
          <progress
            id={`${fieldId}-progress`}
            max={100}
            value={percent}
            aria-valuetext={`${percent}% uploaded`}
            className="h-2 w-full overflow-hidden rounded-full accent-brand-600"
          />
          <p role="status" className="text-sm text-stone-700">
            {state.phase === "paused"
              ? state.error
              : state.reconnecting
                ? "Connection lost: reconnecting to go on from where it stopped..."
                : `Uploading: ${percent}%`}
          </p>
          <div className="flex flex-wrap gap-2">
            {state.phase === "paused" ? (
              <Button type="button" onClick={resume}>
                Retry
              </Button>
            ) : (
              <Button type="button" variant="secondary" onClick={pause}>
                Pause
              </Button>
            )}
            <Button type="button" variant="secondary" onClick={cancel}>
              Cancel upload
            </Button>
          </div>
        </div>
      ) : state.phase === "done" ? (
        <p role="status" className="text-sm font-medium text-emerald-700">
          {state.fileName} uploaded. It is being processed and appears on your profile when ready.
        </p>
      ) : null}
      <FormError message={error} />
    </div>
  );
}
