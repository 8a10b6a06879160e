/** The HTML emitter's typed handler maps (blocks, inlines) and the one loop that runs nodes through them. */
import type { State } from './state.js';

/** One handler per kind of node, each taking a node of its own kind; a kind missing from the map is a compile error. */
export type Handlers<N extends { type: string }> = { [K in N['type']]: (node: Extract<N, { type: K }>, state: State) => string };

/** Each node through the handler for its kind, the HTML joined. */
export function renderEach<N extends { type: string }>(nodes: readonly N[], handlers: Handlers<N>, state: State): string {
  let out = '';
  for (const node of nodes) {
    // The map is indexed by the node's own kind, which TypeScript cannot correlate through a union.
    const handler = handlers[node.type as N['type']] as unknown as (node: N, state: State) => string;
    out += handler(node, state);
  }
  return out;
}
