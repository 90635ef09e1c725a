"use client";

import Link from "next/link";
import { useRef } from "react";
import { Badge } from "@/components/ui/badge";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { signOutAction } from "@/modules/access/actions";

/**
 * The account at every width: who is signed in and in which role, their settings, billing for those who
 * subscribe (`mayBill`, decided by the caller with the access policies), and signing out.
 */
export function AccountMenu({ name, roleLabel, mayBill }: { name: string; roleLabel: string; mayBill: boolean }) {
  const signOutForm = useRef<HTMLFormElement>(null);
  return (
    // Not modal: a menu leaves the page as it is (Tab moves on and closes it) rather than hiding it.
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger className="flex min-h-10 shrink-0 items-center gap-2 rounded-lg px-1 text-left hover:bg-stone-100 lg:px-2">
        <span
          aria-hidden
          className="grid size-8 shrink-0 place-items-center rounded-full bg-stone-200 text-sm font-bold text-stone-700"
        >
          {initialOf(name)}
        </span>
        <span className="sr-only">Your account:</span>
        <span className="sr-only lg:not-sr-only lg:flex lg:flex-col lg:items-start">
          <span className="text-sm font-medium leading-tight text-stone-900" data-testid="signed-in-name">
            {name}
          </span>
          <Badge tone="brand" data-testid="signed-in-role">
            {roleLabel}
          </Badge>
        </span>
        <svg
          aria-hidden
          viewBox="0 0 24 24"
          className="hidden size-4 text-stone-500 sm:block"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path d="M6 9l6 6 6-6" />
        </svg>
      </DropdownMenuTrigger>
      <DropdownMenuContent data-testid="account-menu">
        <DropdownMenuLabel>
          <span className="block text-sm font-semibold text-stone-900">{name}</span>
          <span className="block text-xs text-stone-600">{roleLabel}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/settings/account">Account settings</Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link href="/settings/notifications">Notification settings</Link>
        </DropdownMenuItem>
        {mayBill ? (
          <DropdownMenuItem asChild>
            <Link href="/billing">Billing</Link>
          </DropdownMenuItem>
        ) : null}
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => signOutForm.current?.requestSubmit()}>Sign out</DropdownMenuItem>
      </DropdownMenuContent>
      {/* Outside the menu, which is gone by the time the form is submitted. */}
      <form ref={signOutForm} action={signOutAction} hidden />
    </DropdownMenu>
  );
}

function initialOf(name: string): string {
  return (name.trim()[0] ?? "?").toUpperCase();
}
