/** The password of every demo account, and of the bench users the Accord child adds. */
export const ACCORD_DEMO_PASSWORD = 'accord-demo-2025';

/**
 * Signs in through Accord's real `POST /api/login` (with the Origin header the server demands)
 * and returns the `Cookie` header value of the session.
 */
export async function accordSignIn(
  url: string,
  username: string,
  password = ACCORD_DEMO_PASSWORD,
): Promise<string> {
  const response = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) {
    throw new Error(`sign-in of ${username} failed: ${response.status} ${await response.text()}`);
  }
  const cookies = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0] ?? '')
    .filter((cookie) => cookie.length > 0);
  if (cookies.length === 0) throw new Error(`sign-in of ${username} set no cookie`);
  return cookies.join('; ');
}
