/**
 * `--format json`: the model itself, for other tools. The model carries its own `version`. It needs no layout and no
 * theme, so a build asking only for JSON skips the fit (src/build/build.ts): `modelJson` is what it calls.
 */
import type { Briefing } from '../model/briefing.js';
import type { Renderer } from './types.js';

export function modelJson(briefing: Briefing): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(briefing, null, 2)}\n`);
}

export const renderJson: Renderer = async (briefing) => modelJson(briefing);
