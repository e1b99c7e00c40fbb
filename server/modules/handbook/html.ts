// The handbook's rich text: what the editor may store. The web's editor writes HTML; the server
// decides what is kept. Anything outside the allowed shape — a script, an on* attribute, a
// javascript: or data: address, an image from elsewhere than the handbook's own image store — is
// refused with a clear message rather than silently dropped, so the author sees exactly what will
// be published; what is stored is in any case sanitise-html's strict output, so no script can be
// stored even if the comparison below missed something.
import sanitizeHtml from 'sanitize-html';

/** The address of an image in the handbook's image store (routes.ts serves it). */
export const IMAGE_PATH = /^\/api\/handbook\/images\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

const STRICT: sanitizeHtml.IOptions = {
  allowedTags: ['h2', 'h3', 'h4', 'p', 'br', 'ul', 'ol', 'li', 'a', 'img', 'strong', 'em', 'b', 'i', 'u', 's', 'blockquote', 'code', 'pre', 'hr'],
  allowedAttributes: { a: ['href', 'target', 'rel'], img: ['src', 'alt', 'title'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // An image may only come from the handbook's own store: never another site, never a data: URL.
  exclusiveFilter: (frame) => frame.tag === 'img' && !IMAGE_PATH.test(frame.attribs.src ?? ''),
};

// The same parse and serialisation with nothing removed but unknown schemes, so the two outputs
// differ exactly when the strict one removed something.
const KEEP_ALL: sanitizeHtml.IOptions = {
  allowedTags: false,
  allowedAttributes: false,
  allowVulnerableTags: true,
  nonTextTags: [],
  allowedSchemes: ['http', 'https', 'mailto', 'tel', 'javascript', 'vbscript', 'data', 'file', 'ftp', 'blob'],
  allowProtocolRelative: true,
  disallowedTagsMode: 'discard',
};

export type CleanResult = { ok: true; html: string; text: string; images: string[] } | { ok: false };

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };

/** The words of stored HTML, blocks kept apart, for the search. */
function textOf(html: string): string {
  const spaced = html.replace(/<\/(p|h[2-4]|li|blockquote|pre)>|<br\s*\/?>/gi, ' $&');
  return sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} })
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (e) => ENTITIES[e] ?? e)
    .replace(/\s+/g, ' ')
    .trim();
}

/** The stored form of an author's HTML, or a refusal when anything unsafe was in it. */
export function cleanHtml(html: string): CleanResult {
  const strict = sanitizeHtml(html, STRICT);
  if (strict !== sanitizeHtml(html, KEEP_ALL)) return { ok: false };
  const images = [...strict.matchAll(/<img [^>]*src="([^"]+)"/g)].map((m) => IMAGE_PATH.exec(m[1] ?? '')?.[1]).filter((id): id is string => Boolean(id));
  return { ok: true, html: strict, text: textOf(strict), images };
}

const IMAGE_SIGNATURES: Record<string, (b: Buffer) => boolean> = {
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/gif': (b) => b.subarray(0, 6).toString('latin1') === 'GIF87a' || b.subarray(0, 6).toString('latin1') === 'GIF89a',
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};

/** The image type the bytes themselves say (magic bytes), whatever the upload claimed. SVG is not an image here: it can carry script. */
export function imageTypeOf(bytes: Buffer): string | null {
  return Object.entries(IMAGE_SIGNATURES).find(([, test]) => test(bytes))?.[0] ?? null;
}
