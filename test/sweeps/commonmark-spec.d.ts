/** The `commonmark-spec` package ships no types: its examples, as its index.js builds them from spec.txt. */
declare module 'commonmark-spec' {
  const spec: { tests: { markdown: string; html: string; section: string; number: number }[] };
  export default spec;
}
