/**
 * The mask penalty of ISO/IEC 18004 §7.8.3 as qrcode reads it, module by module, written
 * for the tests to hold the QR core's word-at-a-time scoring (lambda/qr/mask.ts) against.
 * `dark(row, col)` tells a module's colour in a `size` × `size` symbol.
 */
export interface PenaltyParts {
  /** Adjacent modules in a row or column of one colour: 3 + (L - 5) for each run of L ≥ 5. */
  readonly n1: number;
  /** Blocks of one colour: 3 for each 2 × 2 block, overlapping blocks counted each. */
  readonly n2: number;
  /** 1:1:3:1:1 dark-light-dark-light-dark with four light modules on one side, in a row or column: 40 each. */
  readonly n3: number;
  /** 10 for each full 5 % step (rounded up) the share of dark modules is from 50 %. */
  readonly n4: number;
}

export function referencePenalty(size: number, dark: (row: number, col: number) => boolean): PenaltyParts {
  // Each line in both orientations, as a list of 0s and 1s.
  const lines: number[][] = [];
  for (let i = 0; i < size; i++) {
    const row: number[] = [];
    const column: number[] = [];
    for (let j = 0; j < size; j++) {
      row.push(dark(i, j) ? 1 : 0);
      column.push(dark(j, i) ? 1 : 0);
    }
    lines.push(row, column);
  }

  let n1 = 0;
  for (const line of lines) {
    let length = 1;
    for (let i = 1; i <= line.length; i++) {
      if (i < line.length && line[i] === line[i - 1]) {
        length++;
        continue;
      }
      if (length >= 5) n1 += 3 + (length - 5);
      length = 1;
    }
  }

  let n2 = 0;
  for (let row = 0; row + 1 < size; row++) {
    for (let col = 0; col + 1 < size; col++) {
      const colour = dark(row, col);
      if (dark(row + 1, col) === colour && dark(row, col + 1) === colour && dark(row + 1, col + 1) === colour) n2 += 3;
    }
  }

  let n3 = 0;
  const patterns = [
    [1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0],
    [0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 1],
  ];
  for (const line of lines) {
    for (let start = 0; start + 11 <= line.length; start++) {
      for (const pattern of patterns) if (pattern.every((module, i) => line[start + i] === module)) n3 += 40;
    }
  }

  let darkModules = 0;
  for (let row = 0; row < size; row++) for (let col = 0; col < size; col++) if (dark(row, col)) darkModules++;
  const percent = (darkModules * 100) / (size * size);
  const n4 = 10 * Math.abs(Math.ceil(percent / 5) - 10);

  return { n1, n2, n3, n4 };
}
