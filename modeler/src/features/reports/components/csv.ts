/** CSV as spreadsheets read it (RFC 4180: comma, CRLF, quotes doubled), and a download of it from the browser. */
import { download } from '../../../app/download';

const cell = (value: string | number | null | undefined): string => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The rows as CSV text with a header line. */
export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Saves CSV `text` as a file called `name`. */
export function downloadCsv(name: string, text: string): void {
  download(name, text, 'text/csv;charset=utf-8');
}
