/**
 * The rate limits of sign-in, sign-up and password resets: plain figures, with
 * no database behind them, so the tests that drive the limits over HTTP can
 * read them without loading server code.
 */
export type RateLimitRule = { limit: number; windowSeconds: number };

export const rateLimitRules = {
  /** Sign-in attempts from one address, successful or not (the limit is SIGN_IN_LIMIT_PER_ADDRESS, 60 by default). */
  signInPerAddress: { limit: 60, windowSeconds: 600 },
  /** Failed sign-ins for one email address: the brute-force guard. */
  failedSignInPerEmail: { limit: 10, windowSeconds: 900 },
  /** New accounts from one address. */
  signUpPerAddress: { limit: 10, windowSeconds: 3600 },
  /** Password-reset requests from one address. */
  passwordResetPerAddress: { limit: 20, windowSeconds: 3600 },
  /** Password-reset requests naming one email address, whether or not it has an account: no mailbox flooding. */
  passwordResetPerEmail: { limit: 3, windowSeconds: 3600 },
} satisfies Record<string, RateLimitRule>;
