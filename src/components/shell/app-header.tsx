import { ButtonLink } from "@/components/ui/button";
import { LiveRefresh } from "@/modules/messaging/components/live-refresh";
import { UnreadMessagesBadge } from "@/modules/messaging/components/unread-badge";
import { NotificationBell } from "@/modules/notifications/components/notification-bell";
import type { NotificationView } from "@/modules/notifications/queries";
import { canSubscribe } from "@/modules/access/policies";
import { roleLabels } from "@/modules/access/roles";
import type { Actor } from "@/modules/access/types";
import { AccountMenu } from "./account-menu";
import { Logo } from "./logo";
import { MobileNav } from "./mobile-nav";
import { NavLink } from "./nav-link";
import { navigation } from "./navigation";

/**
 * The header on every page, one row at any width: the product, the navigation that fits the visitor (inline
 * from the md breakpoint, behind the Menu button below it), the notifications and the account menu.
 */
export function AppHeader({
  actor,
  unreadMessages = 0,
  notifications,
}: {
  actor: Actor | null;
  unreadMessages?: number;
  notifications?: { unread: number; latest: NotificationView[] };
}) {
  const items = navigation[actor?.role ?? "VISITOR"];
  const links = (className?: string) =>
    items.map((item) => (
      <NavLink key={item.href} href={item.href} className={className}>
        {item.label}
        {item.href === "/messages" && actor ? <UnreadMessagesBadge initial={unreadMessages} /> : null}
      </NavLink>
    ));
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center gap-2 px-3 py-2 sm:gap-4 sm:px-4">
        <MobileNav>
          <nav aria-label="Main" className="flex flex-col gap-1">
            {links("flex items-center px-3 py-2.5 text-base")}
          </nav>
          {actor ? null : (
            <div className="mt-4 flex flex-col gap-2 border-t border-stone-200 pt-4">
              <ButtonLink href="/sign-in" variant="secondary">
                Sign in
              </ButtonLink>
              <ButtonLink href="/sign-up">Create account</ButtonLink>
            </div>
          )}
        </MobileNav>
        <Logo href={actor ? "/home" : "/talents"} />
        <nav aria-label="Main" className="hidden min-w-0 flex-1 flex-wrap items-center gap-1 md:flex">
          {links("px-2 lg:px-3")}
        </nav>
        {actor ? <LiveRefresh /> : null}
        {actor ? (
          <div className="ml-auto flex shrink-0 items-center gap-1 sm:gap-2">
            {notifications ? <NotificationBell unread={notifications.unread} latest={notifications.latest} /> : null}
            <AccountMenu name={actor.name} roleLabel={roleLabels[actor.role]} mayBill={canSubscribe(actor)} />
          </div>
        ) : (
          <div className="ml-auto flex shrink-0 items-center gap-2">
            <ButtonLink href="/sign-in" variant="ghost" className="px-3">
              Sign in
            </ButtonLink>
            <ButtonLink href="/sign-up" className="hidden sm:inline-flex">
              Create account
            </ButtonLink>
          </div>
        )}
      </div>
    </header>
  );
}
