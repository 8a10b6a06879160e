/** `--format json`: the model itself, for other tools. The model carries its own `version`. */
import type { Renderer } from './types.js';

export const renderJson: Renderer = async (briefing) =>
  new TextEncoder().encode(`${JSON.stringify(briefing, null, 2)}\n`);
