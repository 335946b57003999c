import NextAuth from 'next-auth';
import { authOptions } from '../../../../lib/auth/options';
import { config } from '../../../../lib/env';
import { requestOrigin } from '../../../../lib/http/request-origin';

type Handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

const handler: Handler = (req, ctx) =>
  (NextAuth(authOptions({ origin: requestOrigin(req.headers, config().NEXTAUTH_URL) })) as Handler)(req, ctx);

export { handler as GET, handler as POST };
