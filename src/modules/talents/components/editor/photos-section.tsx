"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormError } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";
import { deletePhotoAction, movePhotoAction, setPrimaryPhotoAction } from "../../actions";
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from "../../options";
import type { PhotoRef } from "../../types";
import { photoGridSizes, TalentPhoto } from "../talent-photo";

const ACCEPTED = "image/jpeg,image/png,image/webp";

async function uploadPhoto(file: File): Promise<string | null> {
  const body = new FormData();
  body.set("photo", file);
  const response = await fetch("/api/profile/photos", { method: "POST", body });
  if (response.ok) return null;
  const answer = (await response.json().catch(() => null)) as { message?: string } | null;
  return answer?.message ?? "The upload failed. Please try again.";
}

/** Upload, order, choose the primary photo, delete: every control is a button, usable by keyboard. */
export function PhotosSection({
  photos,
  primaryPhotoId,
  name,
}: {
  photos: PhotoRef[];
  primaryPhotoId: string | null;
  name: string;
}) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<string>();
  const [errors, setErrors] = useState<string[]>([]);
  const [isWorking, startWork] = useTransition();

  async function upload(files: FileList) {
    const problems: string[] = [];
    const chosen = [...files];
    for (const [index, file] of chosen.entries()) {
      if (file.size > MAX_PHOTO_BYTES) {
        problems.push(`${file.name}: photos can be at most 10 MB.`);
        continue;
      }
      setProgress(`Uploading ${index + 1} of ${chosen.length}: ${file.name}`);
      const problem = await uploadPhoto(file);
      if (problem) problems.push(`${file.name}: ${problem}`);
    }
    setProgress(undefined);
    setErrors(problems);
    if (input.current) input.current.value = "";
    router.refresh();
  }

  function run(action: () => Promise<ActionResult>) {
    startWork(async () => {
      const result = await action();
      setErrors(result.ok ? [] : [result.message]);
    });
  }

  return (
    <Card id="photos" aria-labelledby="photos-title" className="scroll-mt-24">
      <h2 id="photos-title" className="text-lg font-semibold">
        Photos
      </h2>
      <p className="mt-1 text-sm text-stone-600">
        JPEG, PNG or WebP, up to 10 MB each, up to {MAX_PHOTOS} photos. Your primary photo is public; the others are
        premium. Location and camera data are removed from every photo.
      </p>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <label className="inline-flex cursor-pointer items-center rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 has-[:disabled]:opacity-60">
          {photos.length ? "Add photos" : "Upload a photo"}
          <input
            ref={input}
            type="file"
            name="photo"
            accept={ACCEPTED}
            multiple
            className="sr-only"
            disabled={Boolean(progress) || photos.length >= MAX_PHOTOS}
            onChange={(event) => event.target.files?.length && void upload(event.target.files)}
          />
        </label>
        <span className="text-sm text-stone-500">
          {photos.length} of {MAX_PHOTOS}
        </span>
        {progress ? (
          <span role="status" className="text-sm text-stone-700">
            {progress}
          </span>
        ) : null}
      </div>
      {errors.map((error) => (
        <FormError key={error} message={error} />
      ))}
      {photos.length ? (
        <ol className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-4" aria-label="Your photos, in order">
          {photos.map((photo, index) => {
            const isPrimary = photo.id === primaryPhotoId;
            return (
              <li key={photo.id} className="space-y-2">
                <div className="relative">
                  <TalentPhoto
                    photoId={photo.id}
                    name={`${name}, photo ${index + 1}`}
                    sizes={photoGridSizes}
                    className="w-full rounded-xl"
                  />
                  {isPrimary ? (
                    <Badge tone="brand" className="absolute left-2 top-2">
                      Primary
                    </Badge>
                  ) : null}
                </div>
                <div className="flex flex-wrap gap-1">
                  <Button
                    type="button"
                    variant="secondary"
                    className="px-2 py-1 text-xs"
                    disabled={isWorking || index === 0}
                    onClick={() => run(() => movePhotoAction(photo.id, "up"))}
                    aria-label={`Move photo ${index + 1} earlier`}
                  >
                    Earlier
                  </Button>
                  <Button
                    type="button"
                    variant="secondary"
                    className="px-2 py-1 text-xs"
                    disabled={isWorking || index === photos.length - 1}
                    onClick={() => run(() => movePhotoAction(photo.id, "down"))}
                    aria-label={`Move photo ${index + 1} later`}
                  >
                    Later
                  </Button>
                  {!isPrimary ? (
                    <Button
                      type="button"
                      variant="secondary"
                      className="px-2 py-1 text-xs"
                      disabled={isWorking}
                      onClick={() => run(() => setPrimaryPhotoAction(photo.id))}
                      aria-label={`Make primary: photo ${index + 1}`}
                    >
                      Make primary
                    </Button>
                  ) : null}
                  <Button
                    type="button"
                    variant="ghost"
                    className="px-2 py-1 text-xs text-red-700"
                    disabled={isWorking}
                    onClick={() => run(() => deletePhotoAction(photo.id))}
                    aria-label={`Delete photo ${index + 1}`}
                  >
                    Delete
                  </Button>
                </div>
              </li>
            );
          })}
        </ol>
      ) : null}
    </Card>
  );
}
