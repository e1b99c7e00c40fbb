// Bokmål, the source language: every translation file, flattened into one table: the server's (index.ts). The
// browser loads the two parts it is made of separately (nb.first.ts, nb.rest.ts).
import firstTexts, { files as first } from './nb.first.ts';
import restTexts, { files as rest } from './nb.rest.ts';

/** The files and their keys; MessageKey (core.ts) is built from them. */
export type Files = typeof first & typeof rest;

export default { ...firstTexts, ...restTexts };
