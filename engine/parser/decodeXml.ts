/**
 * XML bytes → text, in the encoding the document declares. BPMN tools
 * export ISO-8859-1 and windows-1252 as well as UTF-8: a byte order mark
 * wins, then the `encoding` of the XML declaration, else UTF-8 (the XML
 * default). A declared encoding the platform cannot decode is an error
 * naming it, never mojibake.
 */
import { ValidationError } from '../errors/LifelineError.js';

const DECLARATION = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;

function byteOrderMark(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** The encoding an XML document declares in its first bytes, if any. */
export function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 256));
  return DECLARATION.exec(head)?.[1];
}

/** Windows-1252 in 0x80–0x9F (where ISO-8859-1 has control characters); the WHATWG table. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Labels the WHATWG encoding standard reads as windows-1252 (ISO-8859-1 included, as browsers do). */
const SINGLE_BYTE_LATIN = /^(iso-?8859-1|iso_8859-1|latin-?1|l1|windows-1252|cp1252|cp819|ibm819|us-ascii|ascii|x-cp1252|iso-ir-100)$/i;

/** Windows-1252 decoding in code (Node 20's TextDecoder reads 0x80–0x9F as ISO-8859-1 control characters). */
function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const codes = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : b));
    text += String.fromCharCode(...codes);
  }
  return text;
}

/** Decodes an XML document by its byte order mark or declared encoding (UTF-8 by default). */
export function decodeXml(bytes: Uint8Array): string {
  const label = byteOrderMark(bytes) ?? declaredEncoding(bytes) ?? 'utf-8';
  if (SINGLE_BYTE_LATIN.test(label)) return decodeWindows1252(bytes);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label.toLowerCase());
  } catch {
    throw new ValidationError(`the XML declares encoding '${label}', which Lifeline cannot read (use UTF-8, UTF-16, ISO-8859-1 or windows-1252)`);
  }
  return decoder.decode(bytes);
}
