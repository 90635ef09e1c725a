/** How a contact request keeps a talent's details private until the talent says yes. */
export function ContactRequestSteps({ expiryDays }: { expiryDays: number }) {
  const steps = [
    {
      title: "Casting asks",
      text: "A subscriber sends a contact request: the project, the role, the dates and whether it is paid.",
    },
    {
      title: "Details stay hidden",
      text: "The talent reads the request. Until they answer, no one sees their phone, email or agent details.",
    },
    {
      title: "The talent decides",
      text: `They approve and choose which details to share, or decline. A request left unanswered expires after ${expiryDays} days.`,
    },
    {
      title: "Shared, and revocable",
      text: "Only the approved sender sees the details the talent chose, and the talent can take them back at any time.",
    },
  ];
  return (
    <section aria-labelledby="contact-requests" className="rounded-3xl bg-brand-50 px-6 py-10 sm:px-10">
      <div className="max-w-2xl">
        <p className="text-sm font-semibold text-brand-700">Contact requests</p>
        <h2 id="contact-requests" className="mt-1 text-2xl font-bold tracking-tight sm:text-3xl">
          Contact details are shared only when the talent says yes
        </h2>
      </div>
      <ol className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {steps.map((step, index) => (
          <li key={step.title} className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-brand-100">
            <span
              aria-hidden
              className="grid size-8 place-items-center rounded-full bg-brand-600 text-sm font-bold text-white"
            >
              {index + 1}
            </span>
            <h3 className="mt-4 font-semibold text-stone-900">{step.title}</h3>
            <p className="mt-1 text-sm leading-6 text-stone-700">{step.text}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
