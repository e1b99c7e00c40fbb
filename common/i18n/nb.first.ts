// Bokmål, the source language: the texts any page may need before its first paint: the public pages', the
// page frame's, the errors and the levels. The browser loads them first (web/src/messages.ts); the rest
// (nb.rest.ts) comes with the first page that needs it. Every file is in exactly one of the two.
import { flatten } from './core.ts';
import errors from './nb/errors.json' with { type: 'json' };
import domain from './nb/domain.json' with { type: 'json' };
import ui from './nb/ui.json' with { type: 'json' };
import cases from './nb/cases.json' with { type: 'json' };
import catalogue from './nb/catalogue.json' with { type: 'json' };
import handbook from './nb/handbook.json' with { type: 'json' };

export const files = { errors, domain, ui, cases, catalogue, handbook };

export default /*#__PURE__*/ flatten(files);
