import { Card } from "@/components/ui/card";
import type { ContactDetails } from "@/modules/talents/types";

const labels: [keyof ContactDetails, string][] = [
  ["phone", "Phone"],
  ["email", "Email"],
  ["agentName", "Agent"],
  ["agency", "Agency"],
  ["agentPhone", "Agent phone"],
  ["agentEmail", "Agent email"],
];

/** The contact details a talent chose to share: only the fields present in `details` are shown. */
export function SharedDetails({
  details,
  title = "Contact details shared with you",
}: {
  details: Partial<ContactDetails>;
  title?: string;
}) {
  const shown = labels.filter(([key]) => key in details);
  return (
    <Card data-testid="shared-details">
      <h2 className="text-lg font-semibold">{title}</h2>
      <dl className="mt-3 grid gap-3 sm:grid-cols-2">
        {shown.map(([key, label]) => (
          <div key={key}>
            <dt className="text-xs font-medium uppercase tracking-wide text-stone-500">{label}</dt>
            <dd className="text-sm">{details[key] || "-"}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
