import type { Role } from "./roles";

/** Who is calling: the signed-in user as every query and mutation sees it. */
export type Actor = {
  userId: string;
  name: string;
  email: string;
  role: Role;
};
