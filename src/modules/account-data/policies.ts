import { allow, deny, type Decision } from "@/lib/decision";
import { canModerate } from "@/modules/access/policies";
import type { Role } from "@/modules/access/roles";

/** What deciding on a deletion needs to know of the account. */
export type DeletionFacts = { role: Role; otherActiveAdmins: number };

/**
 * Anyone may delete their own account, with one exception: the last admin who
 * can still sign in, since nobody could then moderate the platform or create
 * another admin from inside it. Nobody deletes someone else's account here;
 * admins suspend accounts instead (see docs/decisions/015-account-data-rights.md).
 */
export function canDeleteOwnAccount(facts: DeletionFacts): Decision {
  if (canModerate(facts) && facts.otherActiveAdmins === 0) {
    return deny(
      "forbidden",
      "You are the last admin. Make another admin account first (npm run admin:create), then delete this one.",
    );
  }
  return allow();
}
