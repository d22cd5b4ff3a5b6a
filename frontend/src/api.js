// JSON API client: same-origin requests only; analyst token from sessionStorage.
const TOKEN_KEY = "emberwatch-token";
const ANALYST_KEY = "emberwatch-analyst";

export function getToken() {
  return sessionStorage.getItem(TOKEN_KEY) || "";
}

export function setToken(token) {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

export function getAnalyst() {
  return sessionStorage.getItem(ANALYST_KEY) || "";
}

export function setAnalyst(name) {
  if (name) sessionStorage.setItem(ANALYST_KEY, name);
  else sessionStorage.removeItem(ANALYST_KEY);
}

export class ApiError extends Error {
  constructor(status, type, message) {
    super(message);
    this.status = status;
    this.type = type;
  }
}

async function handle(response) {
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const err = body && body.error ? body.error : { type: "HTTPError", message: response.statusText };
    throw new ApiError(response.status, err.type, err.message);
  }
  return body;
}

export async function getJSON(path, params) {
  const query = params ? `?${params.toString()}` : "";
  const response = await fetch(`${path}${query}`, { headers: { Accept: "application/json" } });
  return handle(response);
}

export async function postJSON(path, payload) {
  const response = await fetch(path, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Accept: "application/json",
      Authorization: `Bearer ${getToken()}`,
      // Percent-encoded: header values must be Latin-1, names may be Arabic.
      ...(getAnalyst() ? { "X-Analyst": encodeURIComponent(getAnalyst()) } : {}),
    },
    body: JSON.stringify(payload),
  });
  return handle(response);
}
