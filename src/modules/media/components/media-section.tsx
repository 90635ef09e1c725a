"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormError } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";
import {
  deleteMediaAction,
  moveMediaAction,
  removeCaptionsAction,
  renameMediaAction,
  setCaptionsAction,
  setPrimaryMediaAction,
} from "../actions";
import {
  acceptedFormatList,
  describeSize,
  kindOfPurpose,
  maxFilesOfPurpose,
  mediaPurposes,
  purposeLabels,
  type MediaKind,
  type MediaPurpose,
} from "../options";
import type { OwnMediaItem, StorageUse } from "../types";
import { describeDuration } from "../format";
import { MediaUpload } from "./media-upload";

export type MediaLimitsView = { maxBytes: Record<MediaKind, number>; maxVideoMinutes: number };

const purposeHints: Record<MediaPurpose, (limits: MediaLimitsView) => string> = {
  showreel: (limits) =>
    `${acceptedFormatList("video")}, up to ${describeSize(limits.maxBytes.video)} and ${limits.maxVideoMinutes} minutes.`,
  voice_reel: (limits) => `${acceptedFormatList("audio")}, up to ${describeSize(limits.maxBytes.audio)}.`,
  cv: (limits) => `${acceptedFormatList("document")}, up to ${describeSize(limits.maxBytes.document)}.`,
};

/**
 * Showreels, voice reels and the CV in the profile editor: upload with
 * progress, then title, order, the main file of each kind, captions and
 * removal. The main showreel and voice reel are public on a listed profile;
 * the rest is premium, like photos.
 */
export function MediaSection({
  items,
  storage,
  limits,
}: {
  items: OwnMediaItem[];
  storage: StorageUse;
  limits: MediaLimitsView;
}) {
  const router = useRouter();
  const processing = items.some((item) => item.status === "processing");

  // While the worker processes a file, look again every few seconds.
  useEffect(() => {
    if (!processing) return;
    const timer = setInterval(() => router.refresh(), 3000);
    return () => clearInterval(timer);
  }, [processing, router]);

  const used = storage.usedBytes + storage.reservedBytes;
  const usedPercent = Math.min(100, Math.round((used / storage.quotaBytes) * 100));

  return (
    <Card id="media" aria-labelledby="media-title" className="scroll-mt-24">
      <h2 id="media-title" className="text-lg font-semibold">
        Showreels, voice reels and CV
      </h2>
      <p className="mt-1 text-sm text-stone-600">
        Your main showreel and voice reel are public on your published profile; the others and your CV are premium.
        Large files upload in parts: if the connection drops, the upload goes on from where it stopped.
      </p>
      <div className="mt-4 space-y-1">
        <div className="flex flex-wrap justify-between gap-2 text-sm">
          <span id="storage-label" className="font-medium text-stone-800">
            Storage
          </span>
          <span className="text-stone-700">
            {describeSize(used)} of {describeSize(storage.quotaBytes)} used
          </span>
        </div>
        <div
          role="meter"
          aria-labelledby="storage-label"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={usedPercent}
          aria-valuetext={`${describeSize(used)} of ${describeSize(storage.quotaBytes)} used`}
          className="h-2 overflow-hidden rounded-full bg-stone-200"
        >
          <div
            className={usedPercent > 90 ? "h-full bg-amber-600" : "h-full bg-brand-600"}
            style={{ width: `${usedPercent}%` }}
          />
        </div>
      </div>
      <div className="mt-6 space-y-8">
        {mediaPurposes.map((purpose) => {
          const files = items.filter((item) => item.purpose === purpose);
          const full = files.length >= maxFilesOfPurpose[purpose];
          return (
            <section key={purpose} aria-labelledby={`media-${purpose}-title`} className="space-y-3">
              <div>
                <h3 id={`media-${purpose}-title`} className="font-semibold">
                  {purposeLabels[purpose].many}
                </h3>
                <p className="text-sm text-stone-600">{purposeHints[purpose](limits)}</p>
              </div>
              {files.length ? (
                <ol className="space-y-3" aria-label={`Your ${purposeLabels[purpose].many.toLowerCase()}, in order`}>
                  {files.map((item, index) => (
                    <MediaRow key={item.id} item={item} index={index} count={files.length} />
                  ))}
                </ol>
              ) : null}
              {full ? (
                <p className="text-sm text-stone-600">
                  {maxFilesOfPurpose[purpose] === 1
                    ? `Remove your ${purposeLabels[purpose].one} to upload a new one.`
                    : `You have ${files.length} ${purposeLabels[purpose].many.toLowerCase()}, the most you can keep. Remove one to add another.`}
                </p>
              ) : (
                <MediaUpload purpose={purpose} maxBytes={limits.maxBytes[kindOfPurpose[purpose]]} />
              )}
            </section>
          );
        })}
      </div>
    </Card>
  );
}

function MediaRow({ item, index, count }: { item: OwnMediaItem; index: number; count: number }) {
  const [isWorking, startWork] = useTransition();
  const [error, setError] = useState<string>();
  const [renaming, setRenaming] = useState(false);
  const name = item.title || item.fileName;

  function run(action: () => Promise<ActionResult>) {
    startWork(async () => {
      const result = await action();
      setError(result.ok ? undefined : result.message);
    });
  }

  function submitForm(action: (previous: null, form: FormData) => Promise<ActionResult>, form: FormData) {
    startWork(async () => {
      const result = await action(null, form);
      setError(result.ok ? undefined : result.message);
      if (result.ok) setRenaming(false);
    });
  }

  return (
    <li className="rounded-xl border border-stone-200 p-3">
      <div className="flex flex-col gap-3 sm:flex-row">
        <div className="aspect-video w-full shrink-0 overflow-hidden rounded-lg bg-stone-100 sm:w-40">
          {item.posterUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- a signed URL the optimiser must not fetch
            <img src={item.posterUrl} alt="" className="h-full w-full object-cover" />
          ) : (
            <div className="flex h-full items-center justify-center text-xs text-stone-600">
              {item.status === "processing" ? "Processing..." : "No preview"}
            </div>
          )}
        </div>
        <div className="min-w-0 flex-1 space-y-1">
          <div className="flex flex-wrap items-center gap-2">
            <span className="break-words font-medium">{name}</span>
            {item.isPrimary && item.status === "ready" ? <Badge tone="brand">Main</Badge> : null}
            {item.status === "processing" ? (
              <Badge tone="warning" role="status">
                Processing
              </Badge>
            ) : null}
            {item.status === "failed" ? <Badge tone="danger">Could not be used</Badge> : null}
          </div>
          <p className="text-sm text-stone-600">
            {[
              describeSize(item.byteSize),
              item.durationMs !== null ? describeDuration(item.durationMs) : null,
              item.width && item.height ? `${item.width}x${item.height}` : null,
              item.pageCount !== null ? `${item.pageCount} ${item.pageCount === 1 ? "page" : "pages"}` : null,
              item.hasCaptions ? "captions" : null,
            ]
              .filter(Boolean)
              .join(" - ")}
          </p>
          {item.status === "failed" && item.failureReason ? (
            <p className="text-sm text-red-800">{item.failureReason}</p>
          ) : null}
          {item.previewNote ? <p className="text-sm text-amber-800">{item.previewNote}</p> : null}
          {renaming ? (
            <form className="flex flex-wrap items-end gap-2" action={(form) => submitForm(renameMediaAction, form)}>
              <input type="hidden" name="mediaId" value={item.id} />
              <label className="text-sm">
                <span className="block font-medium">Title</span>
                <input
                  name="title"
                  defaultValue={item.title}
                  maxLength={120}
                  required
                  autoFocus
                  className="mt-1 rounded-lg border border-stone-300 px-3 py-1.5 text-sm"
                />
              </label>
              <Button type="submit" className="px-3 py-1.5 text-xs" disabled={isWorking}>
                Save title
              </Button>
              <Button type="button" variant="ghost" className="px-3 py-1.5 text-xs" onClick={() => setRenaming(false)}>
                Keep it
              </Button>
            </form>
          ) : null}
          <div className="flex flex-wrap gap-1 pt-1">
            {item.status !== "failed" && !renaming ? (
              <Button
                type="button"
                variant="secondary"
                className="px-2 py-1 text-xs"
                disabled={isWorking}
                onClick={() => setRenaming(true)}
                aria-label={`Rename ${name}`}
              >
                Rename
              </Button>
            ) : null}
            {count > 1 ? (
              <>
                <Button
                  type="button"
                  variant="secondary"
                  className="px-2 py-1 text-xs"
                  disabled={isWorking || index === 0}
                  onClick={() => run(() => moveMediaAction(item.id, "up"))}
                  aria-label={`Move ${name} earlier`}
                >
                  Earlier
                </Button>
                <Button
                  type="button"
                  variant="secondary"
                  className="px-2 py-1 text-xs"
                  disabled={isWorking || index === count - 1}
                  onClick={() => run(() => moveMediaAction(item.id, "down"))}
                  aria-label={`Move ${name} later`}
                >
                  Later
                </Button>
              </>
            ) : null}
            {item.status === "ready" && !item.isPrimary && item.purpose !== "cv" ? (
              <Button
                type="button"
                variant="secondary"
                className="px-2 py-1 text-xs"
                disabled={isWorking}
                onClick={() => run(() => setPrimaryMediaAction(item.id))}
              >
                Make main
                <span className="sr-only">
                  {" "}
                  {purposeLabels[item.purpose].one.toLowerCase()}: {name}
                </span>
              </Button>
            ) : null}
            {item.url ? (
              <a
                href={item.url}
                target="_blank"
                rel="noreferrer"
                className="inline-flex items-center rounded-lg px-2 py-1 text-xs font-semibold text-brand-700 underline"
              >
                Open<span className="sr-only"> {name}</span>
              </a>
            ) : null}
            <Button
              type="button"
              variant="secondary"
              className="px-2 py-1 text-xs text-red-700"
              disabled={isWorking}
              onClick={() => run(() => deleteMediaAction(item.id))}
              aria-label={`${item.status === "failed" ? "Dismiss" : "Remove"} ${name}`}
            >
              {item.status === "failed" ? "Dismiss" : "Remove"}
            </Button>
          </div>
          {item.kind === "video" && item.status === "ready" ? (
            <CaptionsControl item={item} name={name} isWorking={isWorking} run={run} submitForm={submitForm} />
          ) : null}
          <FormError message={error} />
        </div>
      </div>
    </li>
  );
}

function CaptionsControl({
  item,
  name,
  isWorking,
  run,
  submitForm,
}: {
  item: OwnMediaItem;
  name: string;
  isWorking: boolean;
  run: (action: () => Promise<ActionResult>) => void;
  submitForm: (action: (previous: null, form: FormData) => Promise<ActionResult>, form: FormData) => void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2 pt-1 text-sm">
      <form className="flex flex-wrap items-center gap-2" action={(form) => submitForm(setCaptionsAction, form)}>
        <input type="hidden" name="mediaId" value={item.id} />
        <label className="text-sm">
          <span className="mr-2 font-medium">{item.hasCaptions ? "Replace captions" : "Add captions"}</span>
          <input
            type="file"
            name="captions"
            accept=".vtt,text/vtt"
            required
            className="text-xs file:mr-2 file:rounded-lg file:border-0 file:bg-stone-100 file:px-2 file:py-1"
            aria-label={`WebVTT captions file for ${name}`}
          />
        </label>
        <Button type="submit" variant="secondary" className="px-2 py-1 text-xs" disabled={isWorking}>
          Upload captions
        </Button>
      </form>
      {item.hasCaptions ? (
        <Button
          type="button"
          variant="ghost"
          className="px-2 py-1 text-xs"
          disabled={isWorking}
          onClick={() => run(() => removeCaptionsAction(item.id))}
          aria-label={`Remove the captions of ${name}`}
        >
          Remove captions
        </Button>
      ) : null}
    </div>
  );
}
