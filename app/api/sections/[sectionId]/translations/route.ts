import { getDb } from '../../../../../db';
import { translateSectionText } from '../../../../../lib/reading/translate-section-text';
import { readInSchema } from '../../../../../lib/shared/read-in';
import { sharedTranslator } from '../../../../../lib/translation';
import { parseBody } from '../../../../_server/json-route';
import { sectionRoute, type SectionRouteContext } from '../../../../_server/section-route';

export const dynamic = 'force-dynamic';

/** "Read in …": the section page's current paragraphs machine-translated for the reader, never stored as the text. */
export function POST(req: Request, ctx: SectionRouteContext) {
  return sectionRoute(ctx, async (caller) =>
    translateSectionText(await getDb(), {
      ...caller,
      request: await parseBody(req, readInSchema, 'readIn'),
      translator: sharedTranslator(),
    }),
  );
}
