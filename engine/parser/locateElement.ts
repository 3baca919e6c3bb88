/**
 * bpmn-moddle reports unparsable content (an unknown element, a dropped
 * duplicate) with a line and column but without the element. This finds
 * the id the problem belongs to: the element written there, or the nearest
 * enclosing element that has an id.
 */

const TAG = /<(\/?)([A-Za-z_][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
const ID = /\sid\s*=\s*(?:"([^"]*)"|'([^']*)')/;

function idOf(attributes: string): string | undefined {
  const match = ID.exec(attributes);
  return match ? (match[1] ?? match[2]) : undefined;
}

/** Offset of a 0-based `line` and `column` (as bpmn-moddle counts them) in `xml`. */
function offsetOf(xml: string, line: number, column: number): number {
  let offset = 0;
  for (let i = 0; i < line; i++) {
    const next = xml.indexOf('\n', offset);
    if (next < 0) return xml.length;
    offset = next + 1;
  }
  return Math.min(offset + column, xml.length);
}

/** The element id a moddle warning at `line`/`column` of `xml` belongs to, when there is one. */
export function locateElement(xml: string, line: number, column: number): string | undefined {
  const offset = offsetOf(xml, line, column);
  const own = /^<[A-Za-z_][\w:.-]*((?:[^>"']|"[^"]*"|'[^']*')*)>/.exec(xml.slice(offset));
  const ownId = own ? idOf(own[1]) : undefined;
  if (ownId) return ownId;
  const before = xml.slice(0, offset).replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>/g, '');
  const open: (string | undefined)[] = [];
  for (const [, closing, , attributes, selfClosing] of before.matchAll(TAG)) {
    if (closing) open.pop();
    else if (!selfClosing) open.push(idOf(attributes));
  }
  return open.reverse().find((id) => id !== undefined);
}
