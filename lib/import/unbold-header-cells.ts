/**
 * Takes the bold off a table's header cells that are bold throughout: Word files (ours among them) set
 * header rows in bold, which the editor draws for header cells anyway; kept as a mark, every header
 * word would come back bold twice over and stay bold if the cell became an ordinary one. A header cell
 * with only some words bold keeps them.
 */
export function unboldHeaderCells(body: HTMLElement): void {
  for (const cell of Array.from(body.querySelectorAll('th'))) {
    const text = (cell.textContent ?? '').trim();
    if (!text) continue;
    const bold = Array.from(cell.querySelectorAll('strong, b')).filter((b) => !b.parentElement?.closest('strong, b'));
    const boldText = bold.map((b) => b.textContent ?? '').join('');
    if (boldText.replace(/\s+/g, '') !== text.replace(/\s+/g, '')) continue;
    for (const b of bold) b.replaceWith(...Array.from(b.childNodes));
  }
}
