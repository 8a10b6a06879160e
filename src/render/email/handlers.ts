/** The email emitters' typed handler maps: one handler per model kind, a kind missing from a map is a compile error. */

/** One handler per kind of node, each taking a node of its own kind and the part's state. */
export type Handlers<N extends { type: string }, S> = { [K in N['type']]: (node: Extract<N, { type: K }>, state: S) => string };

/** Each node through the handler for its kind, the results joined. */
export function renderEach<N extends { type: string }, S>(nodes: readonly N[], handlers: Handlers<N, S>, state: S, before?: (index: number) => void): string {
  let out = '';
  nodes.forEach((node, index) => {
    before?.(index);
    // The map is indexed by the node's own kind, which TypeScript cannot correlate through a union.
    const handler = handlers[node.type as N['type']] as unknown as (node: N, state: S) => string;
    out += handler(node, state);
  });
  return out;
}
