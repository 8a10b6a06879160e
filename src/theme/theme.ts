/**
 * Theme tokens: one file per template (`templates/NAME/theme.json`) that every emitter reads and maps to its own
 * terms (CSS custom properties, Word named styles, pdfkit calls). A template author changes a colour once.
 */
import { z } from 'zod';
import type { LogoImage } from './logo.js';
import type { ReferenceDocx } from './reference.js';

/** Open faces we embed, each metric-compatible with a font Word users have (see src/layout/fonts.ts). */
export const FONT_FAMILIES = ['Carlito', 'Arimo', 'Tinos', 'Cousine'] as const;
export type BundledFamily = (typeof FONT_FAMILIES)[number];
/**
 * A bundled family, or a house font the template ships (`houseFonts`), by the name the template gives it. The
 * template's schema accepts only those; src/layout/fonts.ts resolves either to its files.
 */
export type FontFamily = string;

/** A face file of a house font, in the template folder; each of the four is needed (nothing is synthesised). */
const houseFace = z.string({ error: 'a house font needs all four faces (regular, bold, italic, boldItalic): add this one, a TTF or OTF file in the template folder' }).min(1);

/** Page sizes in PostScript points (1/72 inch). */
export const PAGE_SIZES = {
  Letter: { width: 612, height: 792 },
  A4: { width: 595.28, height: 841.89 },
} as const;
export type PageSizeName = keyof typeof PAGE_SIZES;

/** Fields a subject pattern may name, each replaced by the briefing's value (empty ones drop out with their punctuation). */
export const SUBJECT_FIELDS = ['classification', 'kind', 'title', 'subtitle', 'date', 'location', 'organisation'] as const;

/** The email a build writes with `--format eml` and `briefing send` sends. */
const emailTokens = z
  .object({
    /** The Subject header, from fields of the briefing: `{classification} – {kind}: {title} ({date})`. */
    subject: z
      .string()
      .min(1)
      .refine((p) => [...p.matchAll(/\{([^{}]*)\}/g)].every((m) => (SUBJECT_FIELDS as readonly string[]).includes(m[1]!)), `names a field other than ${SUBJECT_FIELDS.map((f) => `{${f}}`).join(', ')}`)
      .refine((p) => !/[\r\n]/.test(p), 'must be one line')
      .default('{classification} – {kind}: {title} ({date})'),
    /** `briefing send` refuses a briefing whose classification matches this (whole words, any case); drafts are always written. */
    refuse_send: z
      .string()
      .refine((p) => {
        try {
          new RegExp(p, 'iu');
          return true;
        } catch {
          return false;
        }
      }, 'is not a regular expression')
      .default('CONFIDENTIAL|SECRET|PROTECTED|RESTRICTED'),
    /** The formats a build without --format writes for briefings in this template (e.g. add "eml"); default pdf, docx, html. */
    formats: z.array(z.enum(['pdf', 'docx', 'html', 'json', 'eml'])).min(1).optional(),
    /** The email body's greatest width in CSS pixels (one column; 600 is what mail clients expect). */
    width: z.number().int().min(320).max(900).default(600),
  })
  .strict();

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #RRGGBB');
const points = z.number().min(0).max(300);

export const themeSchema = z
  .object({
    /** Who issues the briefings: the header band, the footer and document properties. None when left out. */
    organisation: z.string().min(1).optional(),
    page: z
      .object({
        size: z.enum(['Letter', 'A4']),
        /** Margins in points. */
        margin: z.object({ top: points, right: points, bottom: points, left: points }).strict(),
      })
      .strict(),
    fonts: z
      .object({
        body: z.string().min(1),
        heading: z.string().min(1),
        mono: z.string().min(1),
      })
      .strict(),
    /**
     * Fonts the template ships, by the name `fonts` uses: the four faces (open licence: OFL, Apache…), the Word font
     * the DOCX names (and embeds them as), and the bundled family to fall back on where a face cannot load.
     */
    houseFonts: z
      .record(
        z.string().regex(/^[A-Z][A-Za-z0-9 ]*$/, 'a house font\'s name starts with a capital letter and has only letters, digits and spaces'),
        z
          .object({
            word: z.string().min(1),
            fallback: z.enum(FONT_FAMILIES),
            files: z.object({ regular: houseFace, bold: houseFace, italic: houseFace, boldItalic: houseFace }).strict(),
          })
          .strict(),
      )
      .optional(),
    /**
     * Body size range in points: the fit step picks the largest size in [min, max], on the step, at which the briefing
     * fits. Sizes are on Word's half-point grid (src/layout/fit.ts `candidateSizes`): a step under 0.5 counts as 0.5.
     */
    size: z
      .object({ max: z.number().min(6).max(16), min: z.number().min(6).max(16), step: z.number().positive().max(1) })
      .strict()
      .refine((s) => s.min <= s.max, 'size.min must not exceed size.max'),
    /** Line height as a multiple of the body size. */
    leading: z.number().min(1).max(2),
    /** Body columns and the gap between them (points). */
    columns: z.number().int().min(1).max(3),
    columnGap: points,
    /** Vertical rhythm, as multiples of the body size. */
    spacing: z
      .object({ paragraph: z.number().min(0).max(3), section: z.number().min(0).max(4), block: z.number().min(0).max(4) })
      .strict(),
    /** Sizes relative to the body size. */
    scale: z
      .object({ title: z.number().min(1).max(4), heading: z.number().min(0.8).max(2.5), small: z.number().min(0.5).max(1) })
      .strict(),
    colours: z
      .object({
        text: colour,
        muted: colour,
        primary: colour,
        accent: colour,
        rule: colour,
        headerBackground: colour,
        headerText: colour,
        summaryBackground: colour,
        bannerBackground: colour,
        bannerText: colour,
        link: colour,
      })
      .strict(),
    /**
     * Banner colours by classification marking, matched on the marking's leading words (src/theme/markings.ts);
     * left out, the US conventions. `colours.bannerBackground` and `bannerText` serve a marking the table lacks.
     */
    classifications: z.record(z.string().min(1), z.object({ background: colour, text: colour.optional() }).strict()).optional(),
    /**
     * A seal or logo at the right of the header band (src/theme/logo.ts): an SVG (drawn as vectors in the PDF) or a
     * PNG in the template folder, with the words it stands for, or `decorative: true` for one that says nothing.
     * An SVG needs `fallback`, a PNG of it, for Word versions that cannot draw SVG.
     */
    logo: z
      .object({ file: z.string().min(1), alt: z.string().default(''), decorative: z.boolean().default(false), fallback: z.string().min(1).optional() })
      .strict()
      .refine((l) => l.decorative || l.alt.trim() !== '', { message: 'a logo that carries meaning needs "alt" text (what it shows); or set "decorative": true', path: ['alt'] })
      .optional(),
    header: z.object({ text: z.string() }).strict(),
    footer: z.object({ text: z.string() }).strict(),
    // Parsed from {} when absent, so a template without `email` gets every default above.
    email: emailTokens.prefault({}),
  })
  .strict()
  .superRefine((t, ctx) => {
    for (const role of ['body', 'heading', 'mono'] as const) {
      const name = t.fonts[role];
      if ((FONT_FAMILIES as readonly string[]).includes(name) || t.houseFonts?.[name]) continue;
      const house = Object.keys(t.houseFonts ?? {});
      ctx.addIssue({ code: 'custom', path: ['fonts', role], message: `"${name}" is not a font: use ${[...FONT_FAMILIES, ...house].map((f) => `"${f}"`).join(', ')}, or add it to houseFonts` });
    }
  });

export type ThemeTokens = z.infer<typeof themeSchema>;

/** A loaded template: its tokens plus what was found in its folder. */
export interface Theme extends ThemeTokens {
  /** The template's folder name, e.g. "default". */
  name: string;
  /** Page size in points, resolved from `page.size`. */
  pageSize: { width: number; height: number };
  /** `reference.docx` when the template folder has one (Pandoc's convention): its styles restyle the DOCX. */
  reference?: ReferenceDocx;
  /** The logo's image, read from the template folder when `logo` names one. */
  logoImage?: LogoImage;
}
