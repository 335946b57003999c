import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Routes that decide access without the plan permission function, and why. */
const WITHOUT_PERMISSION_CHECK: Record<string, string> = {
  'app/api/auth/[...nextauth]/route.ts': 'sign-in itself (next-auth)',
  'app/api/invitations/[token]/route.ts': 'the one-time token in the link is the credential',
  'app/api/me/route.ts': "the signed-in user's own record",
  'app/api/me/password/route.ts': "the signed-in user's own password, behind the current one",
  'app/api/password-resets/route.ts': 'an instance-level decision: canResetPasswords (administrators)',
  'app/api/password-resets/[token]/route.ts': 'the one-time token in the link is the credential',
  'app/api/member-states/route.ts': 'public reference data, for signed-in users',
  'app/api/notifications/route.ts': "the signed-in user's own notifications, of plans they are still a member of",
  'app/api/notifications/read/route.ts': "the signed-in user's own notifications",
  'app/api/email/unsubscribe/route.ts': "the link's token, signed for one user, turns only their emails off",
  'app/api/notifications/email/route.ts': "the signed-in user's own choice of notification emails",
};
const WITHOUT_SESSION = new Set([
  'app/api/auth/[...nextauth]/route.ts',
  'app/api/invitations/[token]/route.ts',
  'app/api/password-resets/[token]/route.ts',
  'app/api/email/unsubscribe/route.ts',
]);
/** How a route checks the session: itself, or through a wrapper of app/_server that does (checked below). */
const SESSION_CHECK = /requireApiUserId\(\)|requireApiSession\(\)|sectionRoute\(/;

function routes(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routes(full);
    return name === 'route.ts' ? [full] : [];
  });
}

/** The source of the lib/ modules a route imports, following their own imports within lib/ (a few levels). */
function importedLibSources(file: string): string {
  const seen = new Set<string>();
  const visit = (from: string, pattern: RegExp, depth: number): string[] =>
    [...readFileSync(from, 'utf8').matchAll(pattern)]
      .map((m) => path.resolve(path.dirname(from), `${m[1]}.ts`))
      .filter((f) => f.includes(`${path.sep}lib${path.sep}`) && existsSync(f) && !seen.has(f) && seen.add(f))
      .flatMap((f) => [readFileSync(f, 'utf8'), ...(depth > 0 ? visit(f, /from '(\.{1,2}\/[^']+)'/g, depth - 1) : [])]);
  return visit(file, /from '((?:\.\.\/)+lib\/[^']+)'/g, 3).join('\n');
}

describe('every route handler checks the session and asks lib/permissions', () => {
  const files = routes('app/api').map((f) => path.relative(process.cwd(), f));

  it('finds the route handlers', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('has sectionRoute check the session before the route runs', () => {
    const wrapper = readFileSync('app/_server/section-route.ts', 'utf8');
    expect(wrapper.indexOf('await requireApiUserId()')).toBeGreaterThan(-1);
    expect(wrapper.indexOf('await requireApiUserId()')).toBeLessThan(wrapper.indexOf('return body('));
  });

  for (const file of files) {
    it(file, () => {
      const source = readFileSync(file, 'utf8');
      if (!WITHOUT_SESSION.has(file)) expect(source, `${file} must call requireApiUserId`).toMatch(SESSION_CHECK);
      if (WITHOUT_PERMISSION_CHECK[file]) return;
      const libs = importedLibSources(file);
      expect(libs, `${file} must reach authorize()/can() in lib/`).toMatch(/\b(authorize|can|canCreatePlan)\(/);
    });
  }

  it('has no server actions that could bypass the routes', () => {
    const offenders = allSources('app').filter((f) => /['"]use server['"]/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});

function allSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return allSources(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}
