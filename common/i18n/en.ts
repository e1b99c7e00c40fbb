// English: every translation file, flattened into one table: the server's (index.ts). The
// browser loads the two parts it is made of separately (en.first.ts, en.rest.ts).
import firstTexts from './en.first.ts';
import restTexts from './en.rest.ts';

export default { ...firstTexts, ...restTexts };
