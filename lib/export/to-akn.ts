import type { Locale } from '../i18n/locales';
import {
  sectionAnchor,
  type Block,
  type CompiledSection,
  type Footnote,
  type Inline,
  type PlanDocument,
} from './blocks';
import { exportLabels, longDate, safeHref, type ExportLabels } from './labels';

/** The Akoma Ntoso 3.0 namespace (OASIS LegalDocML), and Concordia's own for what the standard leaves to each producer. */
export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';
const OWN_NAMESPACE = 'urn:concordia:akn';

/** ISO 639-2 codes, as Akoma Ntoso's FRBR identifiers write languages. */
const ISO_639_2: Record<Locale, string> = { en: 'eng', es: 'spa', pt: 'por', fr: 'fra' };

/** What rendering needs besides the document: the export's words, and the plan's states by code (their eIds). */
type Context = { labels: ExportLabels; sectionIds: Map<string, string> };

/**
 * The compiled plan as an Akoma Ntoso 3.0 `doc` (schemas/akn/ says which schema it is checked against):
 * the document block as `<meta>` (FRBR identification, the issuing bodies and states as references) and
 * `<preface>`; the goal; each section with its number, heading and lead state, its numbered paragraphs as
 * `<paragraph>` with eIds (`sec_2__para_3` for 2.3) and the states' reservations on them as
 * `<authorialNote>`; the annexes. Sponsorship — each section's lead and co-editing states — is in
 * `<proprietary>`, where the standard leaves producers their own metadata.
 */
export function renderAkn(doc: PlanDocument, generated: Date = new Date()): string {
  const labels = exportLabels(doc.language);
  const sectionIds = new Map(doc.sections.map((s) => [s.id, `sec_${s.number}`]));
  const ctx: Context = { labels, sectionIds };
  const body = [
    hcontainer('goal', 'hcontainer_goal', labels.goalHeading, content(doc.goal, ctx)),
    ...doc.sections.map((s) => section(s, ctx)),
    doc.annex
      ? hcontainer('contributionsAnnex', 'hcontainer_annex_1', labels.annexHeading, content(doc.annex, ctx))
      : '',
    doc.amendments
      ? hcontainer('amendmentsAnnex', 'hcontainer_annex_2', labels.amendmentsHeading, content(doc.amendments, ctx))
      : '',
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="${AKN_NAMESPACE}">
<doc name="planOfAction">
${meta(doc, generated)}
${preface(doc, labels)}
<mainBody>
${body.filter(Boolean).join('\n')}
</mainBody>
</doc>
</akomaNtoso>
`;
}

function meta(doc: PlanDocument, generated: Date): string {
  const block = doc.documentBlock;
  // The language of this expression of the work: its text's, the plan's.
  const language = ISO_639_2[block.language ?? block.originalLanguage];
  const date = block.date ?? generated.toISOString().slice(0, 10);
  const dateName = block.date ? 'document' : 'export';
  const number = uriPart(block.symbol) || 'plan';
  const work = `/akn/oas/doc/planOfAction/${date}/${number}`;
  const expression = `${work}/${language}@${doc.version ? uriPart(doc.version.name) : ''}`;
  const author = block.council ? '#council' : '#concordia';
  const states = new Set(
    doc.sections.flatMap((s) => (s.stateCodes ? [s.stateCodes.lead, ...s.stateCodes.coEditing] : [])),
  );
  const labels = exportLabels(doc.language);
  const organizations = [
    ['concordia', '/ontology/organization/concordia', 'Concordia'],
    ...(block.council ? [['council', `/ontology/organization/oas/${uriPart(block.council)}`, block.council]] : []),
    ...(block.committee
      ? [['committee', `/ontology/organization/oas/${uriPart(block.committee)}`, block.committee]]
      : []),
    ...[...states]
      .filter(Boolean)
      .sort()
      .map((code) => [stateId(code), `/ontology/organization/oas/memberState/${code}`, labels.stateName(code)]),
  ];
  const sponsorship = doc.sections
    .map((s) => {
      if (!s.stateCodes) return '';
      const { lead, coEditing } = s.stateCodes;
      const others = coEditing.length ? ` coEditing="${coEditing.map((c) => `#${stateId(c)}`).join(' ')}"` : '';
      return `<c:sponsorship section="#sec_${s.number}" lead="#${stateId(lead)}"${others}/>`;
    })
    .join('');
  return `<meta>
<identification source="#concordia">
<FRBRWork><FRBRthis value="${attr(`${work}/!main`)}"/><FRBRuri value="${attr(work)}"/><FRBRdate date="${date}" name="${dateName}"/><FRBRauthor href="${author}"/><FRBRcountry value="oas"/>${block.symbol ? `<FRBRnumber value="${attr(block.symbol)}"/>` : ''}<FRBRname value="${attr(doc.title)}"/></FRBRWork>
<FRBRExpression><FRBRthis value="${attr(`${expression}/!main`)}"/><FRBRuri value="${attr(expression)}"/><FRBRdate date="${date}" name="${dateName}"/><FRBRauthor href="${author}"/><FRBRlanguage language="${language}"/></FRBRExpression>
<FRBRManifestation><FRBRthis value="${attr(`${expression}/main.xml`)}"/><FRBRuri value="${attr(`${expression}/.akn`)}"/><FRBRdate date="${generated.toISOString()}" name="generation"/><FRBRauthor href="#concordia"/><FRBRformat value="application/akn+xml"/></FRBRManifestation>
</identification>
<references source="#concordia">
${organizations.map(([eId, href, showAs]) => `<TLCOrganization eId="${eId}" href="${attr(href!)}" showAs="${attr(showAs!)}"/>`).join('\n')}
</references>
${sponsorship ? `<proprietary source="#concordia" xmlns:c="${OWN_NAMESPACE}">${sponsorship}</proprietary>` : ''}
</meta>`;
}

/** The document block (issuing bodies, symbol, date, original language) and the title. */
function preface(doc: PlanDocument, labels: ExportLabels): string {
  const block = doc.documentBlock;
  const upper = (text: string) => text.toLocaleUpperCase(doc.language);
  const lines = [
    block.council &&
      `<p class="issuer"><docAuthority refersTo="#council">${xml(upper(block.council))}</docAuthority></p>`,
    block.committee &&
      `<p class="issuer"><docCommittee refersTo="#committee">${xml(upper(block.committee))}</docCommittee></p>`,
    block.workingGroup && `<p class="issuer">${xml(block.workingGroup)}</p>`,
    block.symbol && `<p class="reference"><docNumber>${xml(block.symbol)}</docNumber></p>`,
    block.date &&
      `<p class="reference"><docDate date="${block.date}">${xml(longDate(block.date, doc.language))}</docDate></p>`,
    `<p class="reference">${xml(labels.documentBlockLines(block).reference.at(-1) ?? '')}</p>`,
  ];
  return `<preface>
<container name="documentBlock" eId="container_documentBlock">${lines.filter(Boolean).join('')}</container>
<longTitle eId="longTitle"><p><docTitle>${xml(doc.title)}</docTitle></p></longTitle>${doc.version ? `\n<p class="version">${xml(labels.versionLine(doc.version))}</p>` : ''}
</preface>`;
}

function hcontainer(name: string, eId: string, heading: string, inner: string): string {
  return `<hcontainer name="${name}" eId="${eId}"><heading>${xml(heading)}</heading><content>${inner}</content></hcontainer>`;
}

/**
 * A section: its number, title and lead line, then its text in order — numbered paragraphs as
 * `<paragraph>`, the editor's headings as `<crossHeading>`, and every run of other blocks (lists, tables,
 * paragraphs without a number) as an `<hcontainer name="text">`, as the schema wants blocks only inside one.
 */
function section(s: CompiledSection, ctx: Context): string {
  const eId = `sec_${s.number}`;
  const parts: string[] = [];
  let pending: Block[] = [];
  let runs = 0;
  const flush = () => {
    if (!pending.length) return;
    parts.push(
      `<hcontainer name="text" eId="${eId}__hcontainer_${++runs}"><content>${content(pending, ctx)}</content></hcontainer>`,
    );
    pending = [];
  };
  let headings = 0;
  let paragraphs = 0;
  for (const b of s.blocks) {
    if (b.kind === 'paragraph' && b.number) {
      flush();
      // The eId stays the paragraph's place in its section whatever the plan's numbering; <num> prints the number.
      const paraId = `${eId}__para_${++paragraphs}`;
      parts.push(
        `<paragraph eId="${paraId}"><num>${xml(b.number)}</num><content><p>${inlines(b.inlines, ctx)}${notes(b.notes, paraId)}</p></content></paragraph>`,
      );
    } else if (b.kind === 'heading') {
      flush();
      parts.push(`<crossHeading eId="${eId}__crossHeading_${++headings}">${inlines(b.inlines, ctx)}</crossHeading>`);
    } else pending.push(b);
  }
  flush();
  return `<section eId="${eId}" GUID="${sectionAnchor(s.id)}"><num>${s.number}.</num><heading>${xml(s.title)}</heading><intro><p class="leadStates">${xml(ctx.labels.leadLine(s))}</p></intro>${parts.join('')}</section>`;
}

/** Each footnote of a paragraph as an authorial note at the end of its text, placed at the foot of the page. */
function notes(list: readonly Footnote[] | undefined, paraId: string): string {
  return (list ?? [])
    .map(
      (note) =>
        `<authorialNote marker="${note.number}" placement="bottom" eId="${paraId}__authorialNote_${note.number}"><p>${xml(note.text)}</p></authorialNote>`,
    )
    .join('');
}

function content(list: readonly Block[], ctx: Context): string {
  return list.map((b) => block(b, ctx)).join('');
}

function block(b: Block, ctx: Context): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${b.number ? `${xml(b.number)} ` : ''}${inlines(b.inlines, ctx)}</p>`;
    case 'heading':
      return `<p class="heading">${inlines(b.inlines, ctx)}</p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((item) => `<li>${listItem(item, ctx)}</li>`).join('')}</${tag}>`;
    }
    case 'quote':
      return b.blocks.length ? `<blockContainer class="quote">${content(b.blocks, ctx)}</blockContainer>` : '';
    case 'code':
      return `<p class="code">${xml(b.text)}</p>`;
    case 'rule':
      return '';
    case 'table':
      return b.rows.length
        ? `<table>${b.rows
            .map(
              (row) =>
                `<tr>${row.map((cell) => (cell.header ? `<th>${content(cell.blocks, ctx)}</th>` : `<td>${content(cell.blocks, ctx)}</td>`)).join('')}</tr>`,
            )
            .join('')}</table>`
        : '';
  }
}

/** A list item holds paragraphs and lists only: anything else is given as a paragraph of its words. */
function listItem(blocks: readonly Block[], ctx: Context): string {
  return blocks
    .map((b) => (b.kind === 'paragraph' || b.kind === 'list' ? block(b, ctx) : `<p>${xml(plainText(b))}</p>`))
    .join('');
}

function plainText(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
    case 'heading':
      return b.inlines.map((i) => (i.kind === 'text' ? i.text : ' ')).join('');
    case 'list':
      return b.items.flatMap((item) => item.map(plainText)).join(' ');
    case 'quote':
      return b.blocks.map(plainText).join(' ');
    case 'code':
      return b.text;
    case 'rule':
      return '';
    case 'table':
      return b.rows.flatMap((row) => row.flatMap((cell) => cell.blocks.map(plainText))).join(' ');
  }
}

function inlines(list: readonly Inline[], ctx: Context): string {
  return list.map((i) => inline(i, ctx)).join('');
}

function inline(i: Inline, ctx: Context): string {
  if (i.kind === 'break') return '<br/>';
  let out = xml(i.text);
  if (i.marks.code) out = `<span class="code">${out}</span>`;
  if (i.marks.strike) out = `<span class="strike">${out}</span>`;
  if (i.marks.underline) out = `<u>${out}</u>`;
  if (i.marks.italic) out = `<i>${out}</i>`;
  if (i.marks.bold) out = `<b>${out}</b>`;
  if (i.link && 'sectionId' in i.link) {
    const target = ctx.sectionIds.get(i.link.sectionId);
    if (target) out = `<ref href="#${target}">${out}</ref>`;
  } else if (i.link) {
    const href = safeHref(i.link.href);
    if (href) out = `<a href="${attr(href)}">${out}</a>`;
  }
  return out;
}

function stateId(code: string): string {
  return `state_${code.toLowerCase()}`;
}

/** Words as a piece of an FRBR URI: ASCII letters, digits and hyphens. */
function uriPart(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Text as XML character data; characters XML 1.0 cannot hold at all are dropped. */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

function attr(text: string): string {
  return xml(text).replace(/"/g, '&quot;');
}
