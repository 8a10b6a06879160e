/** The style ids the emitter writes; styles.ts defines each one and a reference.docx may restyle them. */
export const STYLE = {
  title: 'Title',
  subtitle: 'Subtitle',
  heading1: 'Heading1',
  heading2: 'Heading2',
  heading3: 'Heading3',
  heading4: 'Heading4',
  heading5: 'Heading5',
  bodyText: 'BodyText',
  listBullet: 'ListBullet',
  listNumber: 'ListNumber',
  listContinue: 'ListContinue',
  quote: 'Quote',
  intenseQuote: 'IntenseQuote',
  quoteAttribution: 'QuoteAttribution',
  sourceCode: 'SourceCode',
  tableText: 'TableText',
  tableHeading: 'TableHeading',
  tableGrid: 'TableGrid',
  figure: 'Figure',
  caption: 'Caption',
  rule: 'HorizontalRule',
  header: 'Header',
  footer: 'Footer',
  banner: 'Banner',
  bandKicker: 'BandKicker',
  bandDetail: 'BandDetail',
  boxLabel: 'BoxLabel',
  blockGap: 'BlockGap',
  columnEnd: 'ColumnEnd',
  spanEnd: 'SpanEnd',
  // character styles
  hyperlink: 'Hyperlink',
  verbatimChar: 'VerbatimChar',
  label: 'Label',
  bandOrganisation: 'BandOrganisation',
} as const;

/** `###` is the first heading level inside a section (`##` sections are Heading 1). */
export const headingStyle = (depth: 3 | 4 | 5 | 6): string =>
  ({ 3: STYLE.heading2, 4: STYLE.heading3, 5: STYLE.heading4, 6: STYLE.heading5 })[depth];
