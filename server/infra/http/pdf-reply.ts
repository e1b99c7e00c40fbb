// How every PDF leaves the server: its type and how the browser should take it.
import type { FastifyReply } from 'fastify';

/** Sends a PDF to be saved as a file ('attachment') or opened in the browser ('inline'). */
export function sendPdf(reply: FastifyReply, pdf: Uint8Array, fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): FastifyReply {
  return reply.type('application/pdf').header('content-disposition', `${disposition}; filename="${fileName}"`).send(pdf);
}
