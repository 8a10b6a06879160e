/** The one call briefing makes into subset-font 2, which ships no type declarations. */
declare module 'subset-font' {
  export interface SubsetOptions {
    targetFormat?: 'truetype' | 'sfnt' | 'woff' | 'woff2';
    noHinting?: boolean;
    /** OpenType feature tags to keep; the rest are dropped. */
    keepFeatures?: string[];
  }
  export default function subsetFont(font: Buffer, text: string, options?: SubsetOptions): Promise<Buffer>;
}
