// Counts the writes a request's transaction makes, so what was read to decide an access can be
// read again after the request changed it. The request's own audit rows change no access fact.
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

export interface WriteCount {
  count: number;
}

const READ_ONLY = /^\s*(select|with\s+[\s\S]*\bselect\b)/i;

function isWrite(node: RootOperationNode): boolean {
  switch (node.kind) {
    case 'SelectQueryNode':
      return false;
    case 'InsertQueryNode':
      return node.into?.table.identifier.name !== 'audit_event';
    case 'RawNode':
      return !READ_ONLY.test(node.sqlFragments.join('?'));
    default:
      return true;
  }
}

export class WriteCounter implements KyselyPlugin {
  private readonly writes: WriteCount;

  constructor(writes: WriteCount) {
    this.writes = writes;
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (isWrite(args.node)) this.writes.count += 1;
    return args.node;
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}
