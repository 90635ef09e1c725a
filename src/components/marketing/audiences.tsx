import { ButtonLink } from "@/components/ui/button";

type Audience = {
  id: string;
  eyebrow: string;
  title: string;
  points: { title: string; text: string }[];
  action: { href: string; label: string };
};

const audiences: Audience[] = [
  {
    id: "for-talents",
    eyebrow: "For talents",
    title: "A free profile that casting can find",
    points: [
      {
        title: "Free, always",
        text: "Publish your headline, photos, credits, showreels, skills and languages. Talents never pay.",
      },
      {
        title: "Your details stay yours",
        text: "Your phone, email and agent details are never shown on your profile. You decide, request by request, who gets which of them.",
      },
      {
        title: "Replies on your terms",
        text: "Answer messages from casting in one inbox, decline what does not fit and block anyone you do not want to hear from.",
      },
    ],
    action: { href: "/sign-up?as=talent", label: "Create your free profile" },
  },
  {
    id: "for-casting",
    eyebrow: "For casting professionals and companies",
    title: "Search, shortlist and reach the right people",
    points: [
      {
        title: "Search the whole gallery",
        text: "Filter by category, playing age, languages, location and availability, and open full profiles with bio, credits and every photo.",
      },
      {
        title: "Message and request contact",
        text: "Write to talents directly, or send a contact request describing your project to get their phone, email or agent.",
      },
      {
        title: "Keep collections",
        text: "Shortlist talents per production, share a list by a read-only link, export it as CSV, and send requests to a whole shortlist.",
      },
    ],
    action: { href: "/sign-up?as=professional", label: "Create a casting account" },
  },
];

/** What Callback does for each side of a casting: talents and the people who cast them. */
export function Audiences() {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      {audiences.map((audience) => (
        <section
          key={audience.id}
          aria-labelledby={audience.id}
          className="flex flex-col rounded-3xl border border-stone-200 bg-white p-6 shadow-sm sm:p-8"
        >
          <p className="text-sm font-semibold text-brand-700">{audience.eyebrow}</p>
          <h2 id={audience.id} className="mt-2 text-2xl font-bold tracking-tight text-stone-900">
            {audience.title}
          </h2>
          <ul className="mt-6 flex-1 space-y-5">
            {audience.points.map((point) => (
              <li key={point.title} className="flex gap-3">
                <span
                  aria-hidden
                  className="mt-1 grid size-6 shrink-0 place-items-center rounded-full bg-brand-100 text-sm font-bold text-brand-700"
                >
                  +
                </span>
                <div>
                  <h3 className="font-semibold text-stone-900">{point.title}</h3>
                  <p className="mt-1 text-sm leading-6 text-stone-700">{point.text}</p>
                </div>
              </li>
            ))}
          </ul>
          <ButtonLink href={audience.action.href} className="mt-8 self-start">
            {audience.action.label}
          </ButtonLink>
        </section>
      ))}
    </div>
  );
}
