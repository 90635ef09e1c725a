import { redirect } from "next/navigation";
import { getActor } from "@/modules/access/actor";

export default async function IndexPage() {
  redirect((await getActor()) ? "/home" : "/sign-in");
}
