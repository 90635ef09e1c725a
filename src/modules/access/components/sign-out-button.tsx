import { signOutAction } from "../actions";

export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button type="submit" className="rounded-lg px-3 py-1.5 text-sm font-medium text-stone-700 hover:bg-stone-100">
        Sign out
      </button>
    </form>
  );
}
