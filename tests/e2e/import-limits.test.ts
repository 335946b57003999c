import { Document, Packer, Paragraph } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { useApp } from '../helpers/app-fixture';
import { eventually } from '../helpers/eventually';
import { httpSignIn } from '../helpers/http-session';
import { residentMiB, resetPeak } from '../helpers/process-memory';
import {
  deflated,
  docx,
  documentXml,
  entityExpansion,
  hugeDocument,
  manyParts,
  overlappingParts,
} from '../helpers/zip-bombs';

/**
 * What one refused upload may add to the server's resident memory at its peak. Unpacking stops at the
 * limits (20 MB in all), so the upload, its copies and the parts read stay well under this; inflating a
 * 1 GiB part, as mammoth does by itself, adds gigabytes.
 */
const PEAK_GROWTH_MIB = 160;

const TOO_LARGE =
  /^file: unpacks to more than \d+ MB, more than one import may hold; split the document into smaller ones$/;
const TOO_PACKED =
  /^file: word\/document\.xml unpacks to more than \d+ times its packed size, as zip bombs do; it is refused$/;
const TOO_MANY = /^file: holds more than \d+ parts, far more than a Word document has; it is refused$/;
const ENTITIES =
  /^file: word\/(document|styles)\.xml declares a document type or XML entities, which Word documents never do; it is refused as unsafe$/;

const BOMBS: Array<{ shape: string; bytes: () => Uint8Array; status: number; error: RegExp }> = [
  { shape: 'one part that inflates to 1 GiB', bytes: () => docx(hugeDocument(1024)), status: 413, error: TOO_LARGE },
  {
    shape: 'one part of 1 GiB whose headers say 4 KiB',
    bytes: () => docx(hugeDocument(1024, 4096)),
    status: 413,
    error: TOO_LARGE,
  },
  {
    shape: 'a 10 MiB part packed 1,000 to 1, within the total',
    bytes: () => docx(hugeDocument(10)),
    status: 413,
    error: TOO_PACKED,
  },
  {
    shape: 'the same, with headers that say 100 bytes',
    bytes: () => docx(hugeDocument(10, 100)),
    status: 413,
    error: TOO_PACKED,
  },
  {
    shape: '5,000 parts',
    bytes: () => docx(documentXml('Five thousand parts.'), ...manyParts(5000)),
    status: 413,
    error: TOO_MANY,
  },
  {
    shape: '200 records over one 2 MiB part of ordinary text (400 MiB in all)',
    bytes: () => docx(documentXml('Overlapping.'), ...overlappingParts(2, 200)),
    status: 413,
    error: TOO_LARGE,
  },
  { shape: 'billion laughs in document.xml', bytes: () => docx(entityExpansion()), status: 400, error: ENTITIES },
  {
    shape: 'an external entity in styles.xml',
    bytes: () =>
      docx(
        documentXml('Styled.'),
        deflated(
          'word/styles.xml',
          '<?xml version="1.0"?><!DOCTYPE s [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:styles>&x;</w:styles>',
        ),
      ),
    status: 400,
    error: ENTITIES,
  },
];

describe('a Word import unpacks under limits: zip bombs are refused before they cost the server memory', () => {
  const t = useApp();
  let cookie: string;
  let planId: string;
  let sectionId: string;
  let baselineMiB: number;

  beforeAll(async () => {
    cookie = (await httpSignIn(t.app.url, 'peru@demo.test'))!;
    const { plans } = await (await fetch(`${t.app.url}/api/plans`, { headers: { cookie } })).json();
    planId = plans[0].id;
    sectionId = (await (await fetch(`${t.app.url}/api/plans/${planId}`, { headers: { cookie } })).json()).sections[0]
      .id;
  });

  const pid = () => t.app.child.pid!;
  /** The process's resident memory once it has stopped growing (two readings a second apart within 4 MiB, after 5 s). */
  const settledResidentMiB = async (id: number) => {
    let last = residentMiB(id).now;
    for (let waited = 0; waited < 30_000; waited += 1_000) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const now = residentMiB(id).now;
      if (waited >= 4_000 && Math.abs(now - last) < 4) return now;
      last = now;
    }
    return last;
  };
  const upload = (bytes: Uint8Array, name = 'draft.docx') => {
    const form = new FormData();
    form.set('file', new Blob([Uint8Array.from(bytes)]), name);
    return fetch(`${t.app.url}/api/sections/${sectionId}/import`, {
      method: 'POST',
      body: form,
      headers: { cookie, origin: t.app.url },
    });
  };
  const markdown = async () =>
    (await fetch(`${t.app.url}/api/plans/${planId}/export?format=md`, { headers: { cookie } })).text();

  it('a legitimate .docx imports', async () => {
    const word = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('Peru imports its training standards.')] }] }),
    );
    const answer = await upload(new Uint8Array(word));
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ blocks: 1, notices: [] });
    expect(await markdown()).toContain('Peru imports its training standards.');
    // Measured after one import, so that the code an import loads is part of the baseline; an import also
    // sets off the overlap analysis, whose thread starts once a second or two later: measured once settled.
    baselineMiB = await settledResidentMiB(pid());
  });

  it.each(BOMBS)(
    'refuses $shape with $status and a reason, without the server holding much more; nothing changes',
    async ({ bytes, status, error }) => {
      const file = bytes();
      expect(file.byteLength).toBeLessThan(2 * 1024 * 1024);
      const before = await markdown();
      resetPeak(pid());
      const start = residentMiB(pid()).now;
      const answer = await upload(file);
      const peak = residentMiB(pid()).peak;
      expect(peak - start, `peak ${peak.toFixed(0)} MiB from ${start.toFixed(0)} MiB`).toBeLessThan(PEAK_GROWTH_MIB);
      expect({ status: answer.status, error: (await answer.json()).error }).toEqual({
        status,
        error: expect.stringMatching(error),
      });
      expect(await markdown()).toBe(before);
    },
  );

  it('a bomb nested in an embedded document is never opened: the document imports', async () => {
    const inner = docx(hugeDocument(1024));
    resetPeak(pid());
    const start = residentMiB(pid()).now;
    const answer = await upload(
      docx(documentXml('Mexico embeds an annex.'), deflated('word/embeddings/Annex.docx', inner)),
    );
    const peak = residentMiB(pid()).peak;
    expect(peak - start, `peak ${peak.toFixed(0)} MiB from ${start.toFixed(0)} MiB`).toBeLessThan(PEAK_GROWTH_MIB);
    expect(answer.status).toBe(200);
    expect(await markdown()).toContain('Mexico embeds an annex.');
  });

  it('four bombs at once are all refused, and the server keeps serving with its memory back near where it was', async () => {
    resetPeak(pid());
    const start = residentMiB(pid()).now;
    const answers = await Promise.all(Array.from({ length: 4 }, () => upload(docx(hugeDocument(1024, 4096)))));
    const peak = residentMiB(pid()).peak;
    expect(peak - start, `peak ${peak.toFixed(0)} MiB from ${start.toFixed(0)} MiB`).toBeLessThan(2 * PEAK_GROWTH_MIB);
    expect(answers.map((a) => a.status)).toEqual([413, 413, 413, 413]);
    expect((await fetch(`${t.app.url}/healthz`)).status).toBe(200);
    await eventually(() => expect(residentMiB(pid()).now - baselineMiB).toBeLessThan(PEAK_GROWTH_MIB), 15_000, 250);
  });
});
