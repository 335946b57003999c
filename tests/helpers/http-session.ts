/** Signs in through next-auth's real credentials endpoint and returns the session cookie. */
export async function httpSignIn(baseUrl: string, email: string, password = 'concordia'): Promise<string | null> {
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookie = csrfResponse.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: csrfCookie,
      origin: new URL(baseUrl).origin,
    },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith('next-auth.session-token='));
  return session ? session.split(';')[0]! : null;
}
