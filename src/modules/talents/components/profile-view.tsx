import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { cn } from "@/lib/cn";
import { availabilityLabels, categoryLabels, countryName } from "../options";
import type { ContactDetails, PremiumDetails, ProfileView } from "../types";
import { PremiumPrompt } from "./premium-prompt";
import { photoUrl } from "../photo-variants";
import { photoGridSizes, TalentPhoto } from "./talent-photo";

function Fact({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div className={className}>
      <dt className="text-xs font-medium uppercase tracking-wide text-stone-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-stone-900">{children}</dd>
    </div>
  );
}

function list(values: string[]) {
  return values.length ? values.join(", ") : "-";
}

const money = (amount: number, currency: string) =>
  new Intl.NumberFormat("en", { style: "currency", currency, maximumFractionDigits: 0 }).format(amount);

function rateRange(premium: PremiumDetails) {
  const { dayRateMin: min, dayRateMax: max, dayRateCurrency: currency } = premium;
  if (min === null && max === null) return "-";
  if (min !== null && max !== null && min !== max) return `${money(min, currency)} - ${money(max, currency)} per day`;
  return `${money((min ?? max)!, currency)} per day`;
}

function PremiumSection({ premium, name }: { premium: PremiumDetails; name: string }) {
  return (
    <div className="space-y-6" data-testid="premium-section">
      {premium.bio ? (
        <Card>
          <h2 className="text-lg font-semibold">About</h2>
          <div className="mt-2 space-y-3 whitespace-pre-line text-sm leading-6 text-stone-700">{premium.bio}</div>
        </Card>
      ) : null}
      <Card>
        <h2 className="text-lg font-semibold">Appearance and rates</h2>
        <dl className="mt-3 grid gap-4 sm:grid-cols-4">
          <Fact label="Height">{premium.heightCm ? `${premium.heightCm} cm` : "-"}</Fact>
          <Fact label="Eyes">{premium.eyeColour || "-"}</Fact>
          <Fact label="Hair">{premium.hairColour || "-"}</Fact>
          <Fact label="Day rate">{rateRange(premium)}</Fact>
        </dl>
        {premium.showreelUrls.length ? (
          <div className="mt-4">
            <h3 className="text-xs font-medium uppercase tracking-wide text-stone-500">Showreels</h3>
            <ul className="mt-1 space-y-1 text-sm">
              {premium.showreelUrls.map((url) => (
                <li key={url}>
                  <a href={url} rel="noopener noreferrer nofollow" target="_blank" className="text-brand-700 underline">
                    {url}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">Credits</h2>
        {premium.credits.length ? (
          <table className="mt-3 w-full text-left text-sm">
            <thead className="text-stone-500">
              <tr>
                <th className="py-1 font-medium">Year</th>
                <th className="py-1 font-medium">Production</th>
                <th className="py-1 font-medium">Role</th>
                <th className="py-1 font-medium">Company</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {premium.credits.map((credit) => (
                <tr key={credit.id}>
                  <td className="py-1.5">{credit.year}</td>
                  <td className="py-1.5 font-medium">{credit.production}</td>
                  <td className="py-1.5">{credit.role}</td>
                  <td className="py-1.5 text-stone-600">{credit.company}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="mt-2 text-sm text-stone-500">No credits listed yet.</p>
        )}
      </Card>
      {premium.photos.length > 1 ? (
        <Card>
          <h2 className="text-lg font-semibold">Photos</h2>
          <ul className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
            {premium.photos.map((photo, index) => (
              <li key={photo.id}>
                <a href={photoUrl(photo.id, "large")} target="_blank" rel="noopener">
                  <TalentPhoto
                    photoId={photo.id}
                    name={`${name}, photo ${index + 1}`}
                    sizes={photoGridSizes}
                    className="w-full rounded-xl"
                  />
                </a>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}

function ContactSection({ contact }: { contact: ContactDetails }) {
  const hasAgent = contact.agentName || contact.agency || contact.agentPhone || contact.agentEmail;
  return (
    <Card data-testid="contact-section">
      <h2 className="text-lg font-semibold">Contact details</h2>
      <p className="mt-1 text-xs text-stone-500">
        Private: shown only to the talent, admins, and people whose contact request the talent approves.
      </p>
      <dl className="mt-3 grid gap-4 sm:grid-cols-2">
        <Fact label="Phone">{contact.phone || "-"}</Fact>
        <Fact label="Email">{contact.email || "-"}</Fact>
        {hasAgent ? (
          <>
            <Fact label="Agent">{[contact.agentName, contact.agency].filter(Boolean).join(", ") || "-"}</Fact>
            <Fact label="Agent contact">
              {[contact.agentPhone, contact.agentEmail].filter(Boolean).join(" / ") || "-"}
            </Fact>
          </>
        ) : null}
      </dl>
    </Card>
  );
}

/**
 * A talent's profile as one viewer may see it; what the view lacks was never
 * loaded. The talent comes first: name and headline, then the photo. `tools`
 * (a subscriber's message and request buttons, collections, shared details)
 * sit beside them on wide screens and right below the heading on narrow ones.
 */
/** A talent's profile page. `media` is their showreels, voice reels and CV, as this viewer may see them. */
export function TalentProfile({ view, tools, media }: { view: ProfileView; tools?: ReactNode; media?: ReactNode }) {
  const { profile, premium, contact } = view;
  const location = [profile.city, profile.country ? countryName(profile.country) : ""].filter(Boolean).join(", ");
  const playingAge =
    profile.playingAgeMin !== null && profile.playingAgeMax !== null
      ? `${profile.playingAgeMin} - ${profile.playingAgeMax}`
      : "-";
  return (
    <article
      className={cn(
        "grid gap-6",
        tools ? "lg:grid-cols-[280px_minmax(0,1fr)_300px]" : "lg:grid-cols-[320px_minmax(0,1fr)]",
      )}
    >
      <header className="space-y-2 lg:col-start-2 lg:row-start-1">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-3xl font-bold tracking-tight">{profile.displayName}</h1>
          <Badge
            tone={
              profile.availability === "AVAILABLE"
                ? "success"
                : profile.availability === "LIMITED"
                  ? "warning"
                  : "neutral"
            }
          >
            {availabilityLabels[profile.availability]}
          </Badge>
        </div>
        {profile.headline ? <p className="text-lg text-stone-700">{profile.headline}</p> : null}
        {location ? <p className="text-sm text-stone-500">{location}</p> : null}
        <div className="flex flex-wrap gap-1">
          {profile.categories.map((category) => (
            <Badge key={category} tone="brand">
              {categoryLabels[category]}
            </Badge>
          ))}
        </div>
      </header>
      <div className="lg:col-start-1 lg:row-span-2 lg:row-start-1">
        <TalentPhoto
          photoId={profile.primaryPhoto?.id ?? null}
          name={profile.displayName}
          variant="large"
          priority
          className="w-full max-w-64 rounded-2xl shadow-sm sm:max-w-80 lg:max-w-none"
        />
      </div>
      {tools ? (
        <div className="space-y-4 lg:col-start-3 lg:row-span-2 lg:row-start-1" data-testid="profile-tools">
          {tools}
        </div>
      ) : null}
      <div className="space-y-6 lg:col-start-2 lg:row-start-2">
        <Card>
          <dl className="grid gap-4 sm:grid-cols-2">
            <Fact label="Playing age">{playingAge}</Fact>
            {profile.genderIdentity ? <Fact label="Gender identity">{profile.genderIdentity}</Fact> : null}
            <Fact label="Languages">{list(profile.languages)}</Fact>
            <Fact label="Union membership">{list(profile.unions)}</Fact>
            <Fact label="Skills" className="sm:col-span-2">
              {list(profile.skills)}
            </Fact>
          </dl>
        </Card>
        {media}
        {premium ? (
          <PremiumSection premium={premium} name={profile.displayName} />
        ) : !view.viewer.premiumAccess.allowed ? (
          <PremiumPrompt reason={view.viewer.premiumAccess.reason} talentName={profile.displayName} />
        ) : null}
        {contact ? <ContactSection contact={contact} /> : null}
      </div>
    </article>
  );
}
