import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { TalentPhoto } from "@/modules/talents/components/talent-photo";
import type { InboxItem } from "../types";

const timeFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });

export function InboxList({ items }: { items: InboxItem[] }) {
  return (
    <ul aria-label="Conversations" className="divide-y divide-stone-100 overflow-hidden rounded-2xl border border-stone-200 bg-white">
      {items.map((item) => (
        <li key={item.id}>
          <Link href={`/messages/${item.id}`} className="flex items-center gap-3 px-4 py-3 hover:bg-stone-50" data-testid="inbox-item">
            <TalentPhoto photoId={item.counterpart.photoId} name={item.counterpart.name} className="size-12 shrink-0 rounded-full text-base" />
            <div className="min-w-0 flex-1">
              <div className="flex items-baseline justify-between gap-2">
                <p className={item.unread ? "truncate font-bold" : "truncate font-medium"}>{item.counterpart.name}</p>
                <time className="shrink-0 text-xs text-stone-500" dateTime={item.lastMessageAt.toISOString()}>
                  {timeFormat.format(item.lastMessageAt)}
                </time>
              </div>
              <p className="truncate text-sm text-stone-600">{item.preview ? `${item.isLastFromMe ? "You: " : ""}${item.preview}` : "No messages yet"}</p>
            </div>
            {item.unread ? (
              <Badge tone="brand" aria-label={`${item.unread} unread`}>
                {item.unread}
              </Badge>
            ) : null}
          </Link>
        </li>
      ))}
    </ul>
  );
}
