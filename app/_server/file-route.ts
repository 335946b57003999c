import type { ExportedFile } from '../../lib/export/export-plan';
import { jsonRoute } from './json-route';

/** Runs a route body that produces a file download; failures are translated exactly as in JSON routes. */
export async function fileRoute(body: () => Promise<ExportedFile>): Promise<Response> {
  let file: ExportedFile | undefined;
  const failure = await jsonRoute(async () => {
    file = await body();
  });
  if (!file) return failure;
  return new Response(Buffer.from(file.body), {
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.fileName}"`,
      'cache-control': 'private, no-store',
    },
  });
}
