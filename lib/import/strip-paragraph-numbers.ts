/** "1.2" and a space or tab at the start of a paragraph: the number an export prints before it. */
const NUMBER = /^\s*\d+\.\d+[\t\u00a0 ]+/;

type TextNode = { nodeType: number; nodeValue: string | null; childNodes: ArrayLike<TextNode> };

/**
 * Takes the paragraph numbers an export printed ("1.2\tThe text") off the top-level paragraphs of an
 * imported document: Concordia numbers paragraphs itself, so a number kept as text would be shown twice
 * and never follow a renumbering.
 */
export function stripParagraphNumbers(body: { children: ArrayLike<{ tagName: string } & TextNode> }): void {
  for (const element of Array.from(body.children)) {
    if (element.tagName !== 'P') continue;
    const first = firstText(element);
    if (first?.nodeValue && NUMBER.test(first.nodeValue)) first.nodeValue = first.nodeValue.replace(NUMBER, '');
  }
}

function firstText(node: TextNode): TextNode | null {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) {
      if (child.nodeValue?.trim()) return child;
      continue;
    }
    const found = firstText(child);
    if (found) return found;
  }
  return null;
}
