import { getDb } from '../../../../../db';
import { translateSectionText } from '../../../../../lib/reading/translate-section-text';
import { sectionIdParam } from '../../../../../lib/shared/ids';
import { readInSchema } from '../../../../../lib/shared/read-in';
import { sharedTranslator } from '../../../../../lib/translation';
import { jsonRoute, parseBody } from '../../../../_server/json-route';
import { requireApiUserId } from '../../../../_server/session';

export const dynamic = 'force-dynamic';

/** "Read in …": the section page's current paragraphs machine-translated for the reader, never stored as the text. */
export function POST(req: Request, ctx: { params: Promise<{ sectionId: string }> }) {
  return jsonRoute(async () => {
    const userId = await requireApiUserId();
    const sectionId = sectionIdParam((await ctx.params).sectionId);
    const request = await parseBody(req, readInSchema, 'readIn');
    return translateSectionText(await getDb(), { userId, sectionId, request, translator: sharedTranslator() });
  });
}
