import { Card } from "@/components/ui/card";
import { describeDuration } from "../format";
import { purposeLabels } from "../options";
import type { MediaItem } from "../types";

/**
 * Showreels and voice reels play inline with the browser's own controls
 * (keyboard operable, captions when given); the CV shows its first page and
 * opens whole. Only files that finished processing, with URLs minted for
 * this viewer, reach here.
 */
export function ProfileMedia({ items, name }: { items: MediaItem[]; name: string }) {
  if (!items.length) return null;
  const reels = items.filter((item) => item.purpose === "showreel");
  const voice = items.filter((item) => item.purpose === "voice_reel");
  const cv = items.find((item) => item.purpose === "cv");
  return (
    <Card aria-labelledby="profile-media-title">
      <h2 id="profile-media-title" className="text-lg font-semibold">
        Reels and CV
      </h2>
      <div className="mt-4 space-y-6">
        {reels.map((item) => (
          <figure key={item.id} className="space-y-2">
            <video
              controls
              preload="metadata"
              playsInline
              poster={item.posterUrl ?? undefined}
              className="aspect-video w-full rounded-xl bg-black"
              aria-label={`${purposeLabels.showreel.one}: ${item.title}, ${name}`}
              data-testid="showreel-player"
            >
              <source src={item.url} type={item.contentType} />
              {item.captionsUrl ? <track kind="captions" src={item.captionsUrl} srcLang="en" label="Captions" /> : null}
              <a href={item.url}>Download the showreel</a>
            </video>
            <figcaption className="text-sm text-stone-700">
              <span className="font-medium">{item.title}</span>
              {item.durationMs !== null ? ` - ${describeDuration(item.durationMs)}` : null}
            </figcaption>
          </figure>
        ))}
        {voice.map((item) => (
          <figure key={item.id} className="space-y-2">
            <figcaption className="text-sm text-stone-700">
              <span className="font-medium">
                {purposeLabels.voice_reel.one}: {item.title}
              </span>
              {item.durationMs !== null ? ` - ${describeDuration(item.durationMs)}` : null}
            </figcaption>
            <audio
              controls
              preload="metadata"
              className="w-full"
              aria-label={`${purposeLabels.voice_reel.one}: ${item.title}, ${name}`}
            >
              <source src={item.url} type={item.contentType} />
              <a href={item.url}>Download the voice reel</a>
            </audio>
          </figure>
        ))}
        {cv ? (
          <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
            {cv.posterUrl ? (
              // eslint-disable-next-line @next/next/no-img-element -- a signed URL the optimiser must not fetch
              <img
                src={cv.posterUrl}
                alt={`First page of ${name}'s CV`}
                className="w-32 rounded-lg border border-stone-200 bg-white"
              />
            ) : null}
            <div className="text-sm">
              <p className="font-medium">{cv.title}</p>
              <p className="text-stone-700">
                PDF{cv.pageCount !== null ? `, ${cv.pageCount} ${cv.pageCount === 1 ? "page" : "pages"}` : ""}
              </p>
              <a href={cv.url} target="_blank" rel="noreferrer" className="font-semibold text-brand-700 underline">
                Open the CV<span className="sr-only"> of {name} (PDF)</span>
              </a>
            </div>
          </div>
        ) : null}
      </div>
    </Card>
  );
}
