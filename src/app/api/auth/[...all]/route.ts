import { getDb } from "@/db";
import { handleAuthRequest } from "@/modules/access/auth-endpoint";

export function GET(request: Request) {
  return handleAuthRequest(getDb(), request);
}

export function POST(request: Request) {
  return handleAuthRequest(getDb(), request);
}
