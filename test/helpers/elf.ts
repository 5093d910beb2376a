import { open } from 'node:fs/promises';

/** ELF's e_machine for aarch64: what Lambda's arm64 runs. */
export const EM_AARCH64 = 0xb7;

/** The machine an ELF binary's header names (e_machine), or undefined for a file that is not ELF. */
export function elfMachineOf(bytes: Uint8Array): number | undefined {
  const header = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 20));
  if (header.length < 20 || header.readUInt32BE(0) !== 0x7f454c46) return undefined;
  return header.readUInt16LE(18);
}

/** The same, read from a file's first 20 bytes; a file that is not ELF is an error. */
export async function elfMachine(file: string): Promise<number> {
  const handle = await open(file, 'r');
  try {
    const header = Buffer.alloc(20);
    await handle.read(header, 0, 20, 0);
    const machine = elfMachineOf(header);
    if (machine === undefined) throw new Error(`${file} is not an ELF binary`);
    return machine;
  } finally {
    await handle.close();
  }
}
