// A small CSV reader for the absence import: UTF-8 with or without BOM, semicolon or comma
// separated (decided by the header line), fields in double quotes may hold the separator, quotes
// ("") and line breaks. Each row keeps the number of the line it starts on, so errors can name it.

export interface CsvRow {
  /** The line in the file the row starts on; the header is line 1. */
  line: number;
  fields: string[];
}

export interface CsvFile {
  delimiter: ';' | ',';
  header: string[];
  rows: CsvRow[];
}

function detectDelimiter(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c === ';') semicolons++;
    else if (!quoted && c === ',') commas++;
  }
  return semicolons > 0 && semicolons >= commas ? ';' : ',';
}

/** Reads the whole file; blank lines are skipped (but still counted). Returns null for an empty file. */
export function readCsv(input: string): CsvFile | null {
  const text = input.replace(/^\uFEFF/, '');
  if (!text.trim()) return null;
  const delimiter = detectDelimiter(text);
  const records: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  const endRecord = () => {
    fields.push(field);
    if (fields.some((f) => f.trim() !== '')) records.push({ line: startLine, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      startLine = line;
    } else {
      field += c;
    }
  }
  endRecord();
  const [header, ...rows] = records;
  if (!header) return null;
  return { delimiter, header: header.fields.map((h) => h.trim()), rows };
}
