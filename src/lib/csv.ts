import { stringify } from "csv-stringify/sync";

type Cell = string | number | null | undefined;

/**
 * Text a spreadsheet would run as a formula (=, +, -, @, or a leading tab or
 * carriage return) gets a leading apostrophe, so an exported name or note
 * cannot become a formula in the reader's spreadsheet. Numbers stay numbers.
 */
function neutralise(cell: Cell): Cell {
  return typeof cell === "string" && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** A CSV document (RFC 4180, CRLF rows) with a header row. */
export function toCsv(header: string[], rows: Cell[][]): string {
  return stringify([header, ...rows.map((row) => row.map(neutralise))], { record_delimiter: "windows" });
}

/** The response headers of a CSV download named `filename`. */
export function csvHeaders(filename: string): HeadersInit {
  return {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${filename.replace(/[^a-zA-Z0-9._-]+/g, "-")}"`,
    "cache-control": "private, no-store",
  };
}
