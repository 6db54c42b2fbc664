import type { StaffRole } from '@accessdesk/contracts';

/** The signed-in person, from the access token's claims (DESIGN.md "Authentication"). */
export interface SignedInUser {
  sub: string;
  name: string;
  region: string;
  roles: StaffRole[];
  unit?: string;
  careProvider?: string;
}

/** What a session holds on the server. The browser holds only the session id, in an httpOnly cookie. */
export interface SessionData {
  /** Synchronizer token: every form carries it, every non-GET request must send it back. */
  csrfToken: string;
  /** Before sign-in: the authorization request under way (PKCE verifier, state, nonce). */
  login?: { codeVerifier: string; state: string; nonce: string; returnTo: string };
  user?: SignedInUser;
  /** Never sent to the browser. */
  tokens?: { accessToken: string; idToken?: string; refreshToken?: string; expiresAt: number };
  /** Set at sign-in; the absolute lifetime counts from it. */
  signedInAt?: number;
}

export interface Session {
  /** The cookie's value (random, 256 bits); stored only as its SHA-256. */
  id: string;
  data: SessionData;
  createdAt: Date;
  lastSeenAt: Date;
}
