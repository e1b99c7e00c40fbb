// Development only (api.ts imports this lazily under import.meta.env.DEV, so zod and the schemas stay
// out of the production bundle): every answer is parsed with its route's response schema from
// common/contracts, and one that does not match fails loudly. Tests check the same on the server
// (config.checkResponses), for the built front end too.
import { RESPONSES } from '../../common/contracts/index.ts';

const PATTERNS = Object.entries(RESPONSES).map(([key, schema]) => {
  const [method, path] = key.split(' ') as [string, string];
  const pattern = new RegExp(`^${path.replace(/[.]/g, '\\.').replace(/:\w+/g, '[^/]+')}$`);
  return { method, pattern, schema, key, params: path.split(':').length };
}).sort((a, b) => a.params - b.params); // a fixed path before a parameter that would also match it

export function checkAnswer(method: string, url: string, payload: unknown): void {
  const path = url.split('?')[0] ?? url;
  const route = PATTERNS.find((p) => p.method === method && p.pattern.test(path));
  if (!route) throw new Error(`${method} ${path}: no response schema in common/contracts`);
  const parsed = route.schema.safeParse(payload);
  if (!parsed.success) {
    console.error(`${route.key} answered outside its response schema`, parsed.error.issues);
    throw new Error(`${route.key} answered outside its response schema`);
  }
}
