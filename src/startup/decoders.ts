/**
 * Imported first by the startup snapshot's entry (./snapshot.ts), before any library is evaluated. A TextDecoder holds
 * a native ICU converter, and a startup snapshot cannot hold native handles (the builder aborts: "global handle not
 * serialized"); fflate makes one when it is evaluated, in the docx library's copy and in ours. While the snapshot is
 * built, decoders are therefore stand-ins that make the real decoder on first use, which is after deserialising.
 * `restoreTextDecoder()` puts the real class back once every module is evaluated; later decoders are real ones.
 */
import { startupSnapshot } from 'node:v8';

const RealTextDecoder = globalThis.TextDecoder;
type Decoder = InstanceType<typeof TextDecoder>;
type DecodeArgs = Parameters<Decoder['decode']>;

/** The members fflate and docx use; anything else would be a TypeError at once, not a wrong result. */
class SnapshotTextDecoder {
  private real: Decoder | undefined;
  private readonly args: ConstructorParameters<typeof TextDecoder>;

  constructor(...args: ConstructorParameters<typeof TextDecoder>) {
    this.args = args;
  }

  private decoder(): Decoder {
    this.real ??= new RealTextDecoder(...this.args);
    return this.real;
  }

  get encoding(): string {
    return this.decoder().encoding;
  }

  decode(input?: DecodeArgs[0], options?: DecodeArgs[1]): string {
    // fflate probes `decode(empty, { stream: true })` when it loads; nothing in, nothing out, no state: no decoder yet.
    if (this.real === undefined && options?.stream === true && (input == null || input.byteLength === 0)) return '';
    return this.decoder().decode(input, options);
  }
}

if (startupSnapshot.isBuildingSnapshot()) {
  // A class with the members used, not a subclass: a subclass would make the native converter in its constructor.
  globalThis.TextDecoder = SnapshotTextDecoder as unknown as typeof TextDecoder;
}

export function restoreTextDecoder(): void {
  globalThis.TextDecoder = RealTextDecoder;
}
