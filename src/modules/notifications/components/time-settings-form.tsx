"use client";

import { useRef } from "react";
import { useBrowserTimeZone } from "@/components/browser-time-zone";
import { Button } from "@/components/ui/button";
import { FieldMessages, SelectField } from "@/components/ui/field";
import { ActionFeedback, SubmitButton } from "@/components/ui/form-status";
import { useFormAction } from "@/components/ui/use-form-action";
import { cn } from "@/lib/cn";
import { formatHour } from "@/lib/dates";
import type { TimeZoneGroup } from "@/lib/time-zones";
import { updateTimeSettingsAction } from "../actions";

const hours = Array.from({ length: 24 }, (_, hour) => ({ value: String(hour), label: formatHour(hour) }));

/**
 * The account's time zone - every date in the product is shown in it - and the
 * local hour of its daily digest. The zones come from the server, grouped by
 * region; the browser's own zone is offered with one click once it is known.
 */
export function TimeSettingsForm({
  timeZone,
  digestHour,
  groups,
}: {
  timeZone: string;
  digestHour: number;
  groups: TimeZoneGroup[];
}) {
  const { result, failure, formAction, formKey } = useFormAction(updateTimeSettingsAction);
  const zoneSelect = useRef<HTMLSelectElement>(null);
  const browserTimeZone = useBrowserTimeZone();
  const isListed = (zone: string | null) => groups.some((group) => group.zones.some((item) => item.value === zone));
  const zoneErrors = failure?.fieldErrors?.timeZone;
  const chosen = failure?.values?.timeZone ?? timeZone;
  return (
    <form key={formKey} action={formAction} className="space-y-4">
      <div className="space-y-1">
        <label htmlFor="timeZone" className="block text-sm font-medium text-stone-800">
          Time zone
        </label>
        <select
          ref={zoneSelect}
          id="timeZone"
          name="timeZone"
          defaultValue={isListed(chosen) ? chosen : timeZone}
          aria-invalid={zoneErrors?.length ? true : undefined}
          aria-describedby={zoneErrors?.length ? "timeZone-error" : "timeZone-hint"}
          className={cn(
            "block w-full rounded-lg border bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30",
            zoneErrors?.length ? "border-red-500" : "border-stone-300",
          )}
        >
          {groups.map((group) => (
            <optgroup key={group.region} label={group.region}>
              {group.zones.map((zone) => (
                <option key={zone.value} value={zone.value}>
                  {zone.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <FieldMessages
          name="timeZone"
          errors={zoneErrors}
          hint={`Every date and time on Callback is shown in this zone. Now: ${timeZone}.`}
        />
        {browserTimeZone && isListed(browserTimeZone) && browserTimeZone !== timeZone ? (
          <p className="flex flex-wrap items-center gap-2 text-xs text-stone-600">
            This browser is in {browserTimeZone}.
            <Button
              type="button"
              variant="secondary"
              className="px-2 py-1 text-xs"
              onClick={() => {
                if (zoneSelect.current) zoneSelect.current.value = browserTimeZone;
              }}
            >
              Use this browser&apos;s zone
            </Button>
          </p>
        ) : null}
      </div>
      <SelectField
        name="digestHour"
        label="Daily digest hour"
        hint="Categories set to daily digest arrive in one email at this hour, in your time zone."
        defaultValue={failure?.values?.digestHour ?? String(digestHour)}
        options={hours}
        errors={failure?.fieldErrors?.digestHour}
      />
      <div className="flex items-center gap-3">
        <SubmitButton>Save time zone</SubmitButton>
        <ActionFeedback state={result} />
      </div>
    </form>
  );
}
