import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { SignOutButton } from "@/modules/access/components/sign-out-button";
import { LiveRefresh } from "@/modules/messaging/components/live-refresh";
import { UnreadMessagesBadge } from "@/modules/messaging/components/unread-badge";
import { NotificationBell } from "@/modules/notifications/components/notification-bell";
import type { NotificationView } from "@/modules/notifications/queries";
import { roleLabels } from "@/modules/access/roles";
import type { Actor } from "@/modules/access/types";
import { Logo } from "./logo";
import { NavLink } from "./nav-link";
import { navigation } from "./navigation";

/** The header on every page: the product, the navigation that fits the visitor, and the account. */
export function AppHeader({
  actor,
  unreadMessages = 0,
  notifications,
}: {
  actor: Actor | null;
  unreadMessages?: number;
  notifications?: { unread: number; latest: NotificationView[] };
}) {
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3">
        <Logo href={actor ? "/home" : "/talents"} />
        <nav aria-label="Main" className="flex flex-1 flex-wrap items-center gap-1">
          {navigation[actor?.role ?? "VISITOR"].map((item) => (
            <NavLink key={item.href} href={item.href}>
              {item.label}
              {item.href === "/messages" && actor ? <UnreadMessagesBadge initial={unreadMessages} /> : null}
            </NavLink>
          ))}
        </nav>
        {actor ? <LiveRefresh /> : null}
        {actor ? (
          <div className="flex items-center gap-3">
            {notifications ? <NotificationBell unread={notifications.unread} latest={notifications.latest} /> : null}
            <div className="hidden text-right sm:block">
              <Link
                href="/settings/account"
                className="block text-sm font-medium leading-tight text-stone-900 hover:underline"
                data-testid="signed-in-name"
                title="Account settings"
              >
                {actor.name}
              </Link>
              <Badge tone="brand" data-testid="signed-in-role">
                {roleLabels[actor.role]}
              </Badge>
            </div>
            <SignOutButton />
          </div>
        ) : (
          <div className="flex items-center gap-2">
            <ButtonLink href="/sign-in" variant="ghost">
              Sign in
            </ButtonLink>
            <ButtonLink href="/sign-up">Create account</ButtonLink>
          </div>
        )}
      </div>
    </header>
  );
}
