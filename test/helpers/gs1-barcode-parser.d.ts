// gs1-barcode-parser-mod ships without types: the one function the tests use.
declare module 'gs1-barcode-parser-mod' {
  export function parseBarcode(barcode: string): {
    readonly codeName: string;
    readonly parsedCodeItems: { readonly ai: string; readonly dataTitle: string; readonly data: unknown }[];
  };
}
