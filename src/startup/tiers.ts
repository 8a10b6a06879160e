/**
 * Which of V8's compilers run. A start from the startup snapshot runs with `--max-opt=1`
 * (scripts/bundle-shims/snapshot-blob.cjs): a single build is over before TurboFan's optimised code pays for its
 * compiling, which cost more CPU than it saved (a cold DOCX build of the seed: 0.48 → 0.27 s of CPU without it). Work
 * that goes on (a batch, a worker, watch and preview) turns TurboFan back on here, once its first document is built:
 * the first result is not held up by compiling for the later ones. V8 reads these flags as it runs.
 */
import { setFlagsFromString } from 'node:v8';

let optimising = false;

export function optimiseForLongRuns(): void {
  if (optimising) return;
  optimising = true;
  setFlagsFromString('--max-opt=999');
  setFlagsFromString('--turbofan');
}
