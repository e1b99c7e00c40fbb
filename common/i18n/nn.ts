// Nynorsk: every translation file, flattened into one table: the server's (index.ts). The
// browser loads the two parts it is made of separately (nn.first.ts, nn.rest.ts).
import firstTexts from './nn.first.ts';
import restTexts from './nn.rest.ts';

export default { ...firstTexts, ...restTexts };
