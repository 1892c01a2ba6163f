// Where the tokens live.
// - The access token (short-lived JWT) is kept only in memory: it is gone on reload and never
//   written anywhere a later script or another tab could read it.
// - The refresh token is kept in sessionStorage so a reload of this tab stays signed in; it is
//   cleared when the tab closes and is not shared with other tabs. serving rotates it on every
//   refresh and revokes the whole family if an old one is replayed.
// An HttpOnly cookie would hide the refresh token from scripts entirely; serving's contract returns
// tokens in the JSON body, so this is the safest place available to a static page (see README).

const REFRESH_KEY = "studio.refreshToken";
const listeners = new Set();

let accessToken = null;
let accessExpiresAt = 0; // epoch ms, 0 = unknown
let user = null;

/** Reads the `exp` claim of a JWT without verifying it (the server verifies). */
export function jwtExpiry(token) {
  try {
    const part = token.split(".")[1];
    const json = atob(part.replace(/-/g, "+").replace(/_/g, "/"));
    const exp = JSON.parse(json).exp;
    return typeof exp === "number" ? exp * 1000 : 0;
  } catch {
    return 0;
  }
}

export function getAccessToken() {
  return accessToken;
}

/** True when the access token is missing or expires within `marginMs`. */
export function accessTokenStale(marginMs = 15000) {
  if (!accessToken) return true;
  return accessExpiresAt > 0 && accessExpiresAt - Date.now() < marginMs;
}

export function getRefreshToken() {
  try {
    return sessionStorage.getItem(REFRESH_KEY);
  } catch {
    return null;
  }
}

/** Stores the tokens of a login or refresh response. `expiresIn` is in seconds when given. */
export function setTokens(access, refresh, expiresIn) {
  accessToken = access || null;
  accessExpiresAt =
    typeof expiresIn === "number" && expiresIn > 0
      ? Date.now() + expiresIn * 1000
      : access
        ? jwtExpiry(access)
        : 0;
  try {
    if (refresh) sessionStorage.setItem(REFRESH_KEY, refresh);
  } catch {
    /* storage disabled: the session lasts until reload */
  }
  emit();
}

export function setUser(u) {
  user = u || null;
  emit();
}

export function getUser() {
  return user;
}

export function isSignedIn() {
  return Boolean(accessToken);
}

export function clear() {
  accessToken = null;
  accessExpiresAt = 0;
  user = null;
  try {
    sessionStorage.removeItem(REFRESH_KEY);
  } catch {
    /* ignore */
  }
  emit();
}

/** Calls `fn()` whenever the session changes; returns an unsubscribe function. */
export function onChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function emit() {
  for (const fn of listeners) fn();
}
