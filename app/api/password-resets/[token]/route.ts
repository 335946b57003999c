import { getDb } from '../../../../db';
import { countPasswordReset } from '../../../../lib/auth/password-attempts';
import { openPasswordReset } from '../../../../lib/auth/open-password-reset';
import { resetPassword } from '../../../../lib/auth/reset-password';
import { resetPasswordInput } from '../../../../lib/shared/schemas';
import { jsonRoute, parseBody } from '../../../_server/json-route';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ token: string }> };

/** The link itself is the credential here: whoever holds an unused, unexpired token may set the password. */
export function GET(_req: Request, ctx: Ctx) {
  return jsonRoute(async () => {
    const { email, reset } = await openPasswordReset(await getDb(), (await ctx.params).token);
    return { email, expiresAt: reset.expiresAt.toISOString() };
  });
}

export function POST(req: Request, ctx: Ctx) {
  return jsonRoute(async () => {
    // The server sets x-forwarded-for to the connection's own address (server/start.ts).
    await countPasswordReset(req.headers.get('x-forwarded-for') ?? 'unknown');
    const input = await parseBody(req, resetPasswordInput, 'passwordReset');
    return resetPassword(await getDb(), { token: (await ctx.params).token, password: input.password });
  });
}
