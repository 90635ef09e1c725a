import Image from "next/image";
import { cn } from "@/lib/cn";

function initialsOf(name: string) {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join("");
}

/** A talent photo served by the photo route (which checks who may see it), or the talent's initials. */
export function TalentPhoto({
  photoId,
  name,
  variant = "thumb",
  className,
  priority,
}: {
  photoId: string | null;
  name: string;
  variant?: "thumb" | "large";
  className?: string;
  priority?: boolean;
}) {
  if (!photoId) {
    return (
      <div
        aria-hidden
        className={cn(
          "grid aspect-[3/4] place-items-center bg-gradient-to-br from-brand-100 to-stone-200 text-3xl font-bold text-brand-700",
          className,
        )}
      >
        {initialsOf(name)}
      </div>
    );
  }
  return (
    <Image
      src={`/api/photos/${photoId}/${variant}`}
      alt={`Photo of ${name}`}
      width={variant === "thumb" ? 480 : 1200}
      height={variant === "thumb" ? 640 : 1600}
      unoptimized
      priority={priority}
      className={cn("aspect-[3/4] object-cover", className)}
    />
  );
}
