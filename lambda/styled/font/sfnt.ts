// The tables of a TrueType font (an sfnt file), read straight from its bytes: only what
// captions need, from the one font the function carries (lambda/styled/fonts/). A table
// that is missing or runs past the file is an error of the build, never of a request.

/** One table's bytes, read big-endian as every sfnt number is. */
export class Table {
  private readonly view: DataView;

  constructor(
    readonly tag: string,
    bytes: Uint8Array,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get length(): number {
    return this.view.byteLength;
  }

  u8 = (at: number): number => this.view.getUint8(at);
  i8 = (at: number): number => this.view.getInt8(at);
  u16 = (at: number): number => this.view.getUint16(at);
  i16 = (at: number): number => this.view.getInt16(at);
  u32 = (at: number): number => this.view.getUint32(at);
  /** A 2.14 fixed-point number, as composite glyphs scale their parts. */
  f2dot14 = (at: number): number => this.view.getInt16(at) / 16384;
  tagAt = (at: number): string => String.fromCharCode(this.u8(at), this.u8(at + 1), this.u8(at + 2), this.u8(at + 3));
}

/** The font's tables by tag. */
export function sfntTables(bytes: Uint8Array): ReadonlyMap<string, Table> {
  const file = new Table('sfnt', bytes);
  const version = file.u32(0);
  if (version !== 0x00010000 && version !== 0x74727565) throw new Error('not a TrueType font');
  const tables = new Map<string, Table>();
  for (let i = 0, count = file.u16(4); i < count; i++) {
    const record = 12 + i * 16;
    const tag = file.tagAt(record);
    const offset = file.u32(record + 8);
    const length = file.u32(record + 12);
    if (offset + length > bytes.byteLength) throw new Error(`table ${tag} runs past the end of the font`);
    tables.set(tag, new Table(tag, bytes.subarray(offset, offset + length)));
  }
  return tables;
}

/** A table the font must have. */
export function table(tables: ReadonlyMap<string, Table>, tag: string): Table {
  const found = tables.get(tag);
  if (found === undefined) throw new Error(`the font has no ${tag} table`);
  return found;
}
