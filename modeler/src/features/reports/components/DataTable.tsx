/**
 * A report table from column definitions, each saying what the page shows
 * and what the CSV holds, so the download and the page come from the same
 * figures. Numbers right-aligned; the caption names the table for screen
 * readers and the file.
 */
import type { ComponentChildren } from 'preact';
import { downloadCsv, toCsv } from './csv';

export interface Column<T> {
  header: string;
  /** What the cell shows (text, a link to what is behind the figure). */
  cell(row: T): ComponentChildren;
  /** The cell in the CSV; durations as decimal hours, shares as percent numbers. */
  csv(row: T): string | number | null;
  /** The CSV column's name when it differs from the header (units). */
  csvHeader?: string;
  numeric?: boolean;
  /** Only in the CSV (e.g. the period before, which the page shows as a trend arrow). */
  csvOnly?: boolean;
}

export interface DataTableProps<T> {
  title: string;
  rows: T[];
  columns: Column<T>[];
  rowKey(row: T): string;
  /** File name of the CSV (without .csv). */
  fileName: string;
  empty?: string;
  /** Buttons beside the CSV download. */
  actions?: ComponentChildren;
}

export function DataTable<T>({ title, rows, columns: all, rowKey, fileName, empty, actions }: DataTableProps<T>) {
  const columns = all.filter((c) => !c.csvOnly);
  const exportCsv = () => downloadCsv(`${fileName}.csv`, toCsv(all.map((c) => c.csvHeader ?? c.header), rows.map((row) => all.map((c) => c.csv(row)))));
  return (
    <section class="rep-card" aria-label={title}>
      <header class="rep-card-header">
        <h2>{title}</h2>
        <div class="rep-card-actions">
          {actions}
          <button type="button" class="button" onClick={exportCsv} disabled={!rows.length} aria-label={`Download ${title} as CSV`}>Download CSV</button>
        </div>
      </header>
      {rows.length === 0 ? <p class="rep-empty">{empty ?? 'Nothing in this period.'}</p> : (
        <div class="rep-table-scroll">
          <table class="rep-table" data-table={fileName}>
            <thead>
              <tr>{columns.map((c) => <th key={c.header} scope="col" class={c.numeric ? 'rep-num' : undefined}>{c.header}</th>)}</tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={rowKey(row)}>
                  {columns.map((c, n) => (n === 0
                    ? <th key={c.header} scope="row" data-label={c.header}>{c.cell(row)}</th>
                    : <td key={c.header} class={c.numeric ? 'rep-num' : undefined} data-label={c.header}>{c.cell(row)}</td>))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
