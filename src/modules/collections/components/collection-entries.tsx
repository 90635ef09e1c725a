"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { FormError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form-status";
import { useFormAction } from "@/components/ui/use-form-action";
import { countryName } from "@/modules/talents/options";
import { TalentPhoto } from "@/modules/talents/components/talent-photo";
import type { TalentSummary } from "@/modules/talents/types";
import { moveTalentAction, removeTalentAction, reorderTalentsAction, saveNoteAction } from "../actions";
import { moveInList } from "../order";

export type EntryView = { profileId: string; note: string; talent: TalentSummary | null };

const smallButton =
  "rounded-md px-2 py-1 text-xs font-medium ring-1 ring-stone-300 hover:bg-stone-100 disabled:opacity-40";

/**
 * The talents of a collection in order. The order changes by dragging a row,
 * or with the "Up" and "Down" buttons (keyboard and screen reader friendly);
 * each talent has a private note. Ticked talents go to the bulk contact
 * request form (`selectFormId`).
 */
export function CollectionEntries({
  collectionId,
  entries,
  canChange,
  selectFormId,
}: {
  collectionId: string;
  entries: EntryView[];
  canChange: boolean;
  selectFormId: string;
}) {
  const serverOrder = entries.map((entry) => entry.profileId).join(",");
  const [order, setOrder] = useState({ from: serverOrder, ids: entries.map((entry) => entry.profileId) });
  const [dragged, setDragged] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const [announcement, setAnnouncement] = useState("");
  const [isPending, startTransition] = useTransition();
  // A fresh order from the server (after any change) replaces the local one.
  const ids = order.from === serverOrder ? order.ids : entries.map((entry) => entry.profileId);
  const byId = new Map(entries.map((entry) => [entry.profileId, entry]));

  function commit(next: string[], change: () => ReturnType<typeof reorderTalentsAction>, message: string) {
    setOrder({ from: serverOrder, ids: next });
    startTransition(async () => {
      const result = await change();
      if (result.ok) {
        setError(undefined);
        setAnnouncement(message);
      } else {
        setOrder({ from: serverOrder, ids: entries.map((entry) => entry.profileId) });
        setError(result.message);
      }
    });
  }

  function move(profileId: string, direction: "up" | "down") {
    const next = moveInList(ids, profileId, direction);
    const name = byId.get(profileId)?.talent?.displayName ?? "Talent";
    commit(
      next,
      () => moveTalentAction(collectionId, profileId, direction),
      `${name} moved to position ${next.indexOf(profileId) + 1} of ${next.length}.`,
    );
  }

  function drop(targetId: string) {
    if (!dragged || dragged === targetId) return;
    const next = ids.filter((id) => id !== dragged);
    next.splice(next.indexOf(targetId) + (ids.indexOf(dragged) < ids.indexOf(targetId) ? 1 : 0), 0, dragged);
    const name = byId.get(dragged)?.talent?.displayName ?? "Talent";
    commit(
      next,
      () => reorderTalentsAction(collectionId, next),
      `${name} moved to position ${next.indexOf(dragged) + 1} of ${next.length}.`,
    );
    setDragged(null);
  }

  return (
    <div className="space-y-2">
      <FormError message={error} />
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <ol aria-label="Talents in this collection" className="space-y-2" aria-busy={isPending}>
        {ids.map((profileId, index) => {
          const entry = byId.get(profileId);
          if (!entry) return null;
          const talent = entry.talent;
          const available = Boolean(talent?.isListed);
          const name = talent?.displayName ?? "A removed profile";
          return (
            <li
              key={profileId}
              draggable={canChange}
              onDragStart={() => setDragged(profileId)}
              onDragOver={(event) => canChange && event.preventDefault()}
              onDrop={() => drop(profileId)}
              onDragEnd={() => setDragged(null)}
              className={`flex flex-wrap gap-3 rounded-xl border bg-white p-3 sm:flex-nowrap ${dragged === profileId ? "border-brand-400 opacity-60" : "border-stone-200"}`}
            >
              {canChange ? (
                <span
                  aria-hidden
                  title="Drag to reorder"
                  className="cursor-grab select-none self-center px-1 text-stone-500"
                >
                  ::
                </span>
              ) : null}
              <span className="w-6 self-center text-right text-sm font-semibold text-stone-500">{index + 1}</span>
              <div className="w-14 shrink-0 overflow-hidden rounded-lg">
                <TalentPhoto
                  photoId={available ? (talent?.primaryPhotoId ?? null) : null}
                  name={name}
                  sizes="56px"
                  className="w-full text-base"
                />
              </div>
              <div className="min-w-0 flex-1 space-y-1">
                <div className="flex flex-wrap items-center gap-x-3">
                  {available ? (
                    <Link href={`/talents/${profileId}`} className="font-semibold hover:text-brand-700">
                      {name}
                    </Link>
                  ) : (
                    <span className="font-semibold text-stone-500">{name} (profile no longer available)</span>
                  )}
                  {available ? (
                    <label className="flex items-center gap-1 text-xs text-stone-600">
                      <input
                        type="checkbox"
                        name="talent"
                        value={profileId}
                        form={selectFormId}
                        className="size-6 accent-brand-600"
                        aria-label={`Select ${name} for a contact request`}
                      />
                      Select
                    </label>
                  ) : null}
                </div>
                {available && talent ? (
                  <p className="line-clamp-2 text-sm text-stone-600 sm:line-clamp-1">
                    {[
                      talent.headline,
                      [talent.city, talent.country ? countryName(talent.country) : ""].filter(Boolean).join(", "),
                    ]
                      .filter(Boolean)
                      .join(" - ")}
                  </p>
                ) : null}
                <NoteEditor
                  collectionId={collectionId}
                  profileId={profileId}
                  name={name}
                  note={entry.note}
                  canChange={canChange}
                />
              </div>
              {canChange ? (
                <div className="flex w-full shrink-0 flex-row items-center justify-between gap-2 border-t border-stone-100 pt-2 sm:w-auto sm:flex-col sm:items-end sm:justify-start sm:gap-1 sm:border-0 sm:pt-0">
                  <div className="flex gap-1">
                    <button
                      type="button"
                      className={smallButton}
                      disabled={index === 0 || isPending}
                      onClick={() => move(profileId, "up")}
                      aria-label={`Move ${name} up`}
                    >
                      Up
                    </button>
                    <button
                      type="button"
                      className={smallButton}
                      disabled={index === ids.length - 1 || isPending}
                      onClick={() => move(profileId, "down")}
                      aria-label={`Move ${name} down`}
                    >
                      Down
                    </button>
                  </div>
                  <button
                    type="button"
                    className="text-xs font-medium text-red-700 hover:underline"
                    disabled={isPending}
                    aria-label={`Remove ${name} from this collection`}
                    onClick={() =>
                      startTransition(async () => {
                        const result = await removeTalentAction(collectionId, profileId);
                        setError(result.ok ? undefined : result.message);
                        if (result.ok) setAnnouncement(`${name} removed.`);
                      })
                    }
                  >
                    Remove
                  </button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function NoteEditor({
  collectionId,
  profileId,
  name,
  note,
  canChange,
}: {
  collectionId: string;
  profileId: string;
  name: string;
  note: string;
  canChange: boolean;
}) {
  const { failure, formAction, formKey, result } = useFormAction(saveNoteAction);
  const [editing, setEditing] = useState(false);
  const [seen, setSeen] = useState(result);
  if (result !== seen) {
    setSeen(result);
    if (result?.ok) setEditing(false);
  }
  if (!editing) {
    return (
      <div className="flex items-start gap-2 text-sm">
        {note ? <p className="whitespace-pre-line rounded-lg bg-amber-50 px-2 py-1 text-stone-700">{note}</p> : null}
        {canChange ? (
          <button
            type="button"
            className="text-xs font-medium text-brand-700 hover:underline"
            onClick={() => setEditing(true)}
            aria-label={`${note ? "Edit" : "Add"} note on ${name}`}
          >
            {note ? "Edit note" : "Add note"}
          </button>
        ) : null}
      </div>
    );
  }
  return (
    <form key={formKey} action={formAction} className="space-y-2" noValidate>
      <input type="hidden" name="collectionId" value={collectionId} />
      <input type="hidden" name="profileId" value={profileId} />
      <label className="flex flex-col gap-1 text-xs font-medium">
        Private note on {name}
        <textarea
          name="note"
          rows={2}
          maxLength={1000}
          defaultValue={failure?.values?.note ?? note}
          className="rounded-lg border border-stone-300 px-2 py-1 text-sm font-normal"
        />
      </label>
      <FormError message={failure?.fieldErrors?.note?.join(" ") ?? failure?.message} />
      <div className="flex gap-2">
        <SubmitButton pendingText="Saving...">Save note</SubmitButton>
        <button type="button" className="text-sm text-stone-600 hover:underline" onClick={() => setEditing(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
