import Link from "next/link";
import { Card } from "@/components/ui/card";
import { AddToCollectionForm } from "./add-to-collection";

/** On a talent's profile page: which of the viewer's collections hold this talent, and a way to add it to another. */
export function ProfileCollections({
  profileId,
  talentName,
  collections,
  canChange,
}: {
  profileId: string;
  talentName: string;
  collections: { id: string; name: string; contains: boolean }[];
  canChange: boolean;
}) {
  const holding = collections.filter((collection) => collection.contains);
  const others = collections.filter((collection) => !collection.contains);
  return (
    <Card className="space-y-3 p-4">
      <h2 className="text-sm font-semibold">Your collections</h2>
      {holding.length ? (
        <p className="text-sm text-stone-700">
          {talentName} is in{" "}
          {holding.map((collection, index) => (
            <span key={collection.id}>
              {index > 0 ? ", " : ""}
              <Link href={`/collections/${collection.id}`} className="font-medium text-brand-700 hover:underline">
                {collection.name}
              </Link>
            </span>
          ))}
          .
        </p>
      ) : (
        <p className="text-sm text-stone-600">{talentName} is not in any of your collections yet.</p>
      )}
      {canChange ? (
        <AddToCollectionForm formId="profile-add" collections={others} profileId={profileId} label="Add to" />
      ) : null}
    </Card>
  );
}
