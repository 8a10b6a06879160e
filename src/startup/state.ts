/** What the start-up machinery needs to know about this process. */

/** Whether this process started from the startup snapshot (src/startup/snapshot.ts), and from which blob. */
export const startedFromSnapshot: { blob?: string | undefined } = {};

/**
 * Whether this process built a document itself (not only in workers): only then has it compiled the code a build
 * runs, and only then is its V8 code cache worth writing (scripts/bundle.mjs, dist/cli.js).
 */
export const builtHere = { yes: false };
