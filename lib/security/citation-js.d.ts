// citation-js ships no types: what the export tests use of it (parsing RIS and BibTeX back to CSL-JSON).
declare module "@citation-js/core" {
  export class Cite {
    static async(data: string, options?: { forceType?: string }): Promise<{ data: unknown[] }>;
  }
}
declare module "@citation-js/plugin-ris";
declare module "@citation-js/plugin-bibtex";
