// The text a reader sees in a PDF the app produced, page by page joined, with runs of white space
// made one space: tests read a downloaded plan, report or form the way a person would.
import { extractText, getDocumentProxy } from 'unpdf';

export async function pdfText(bytes: Uint8Array | Buffer): Promise<string> {
  const document = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(document, { mergePages: true });
  return text.replace(/\s+/g, ' ').trim();
}
