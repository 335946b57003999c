import { OAS_MEMBER_STATES } from '../../../lib/shared/member-states';
import { jsonRoute } from '../../_server/json-route';
import { requireApiUserId } from '../../_server/session';

export const dynamic = 'force-dynamic';

export function GET() {
  return jsonRoute(async () => {
    await requireApiUserId();
    return { states: OAS_MEMBER_STATES.map(([code, en, es]) => ({ code, name: en, nameEs: es })) };
  });
}
