// A styled code, verified: the function's styled PNG (300 px, a logo, read by two decoders
// before it leaves), warm and as the first styled request of a fresh process (its chunk,
// resvg and ZXing's WebAssembly loaded then), beside python-qrcode's StyledPilImage with an
// embedded logo, which draws but never reads what it drew.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { withoutRequestLog } from '../quiet.js';
import { median } from '../stats.js';

export interface StyledBench {
  /** Median ms of a warm verified styled PNG. */
  readonly warmMs: number;
  /** Median ms of the first styled request of a fresh process, after a plain one. */
  readonly firstMs: number;
  /** Median ms of python-qrcode's StyledPilImage with the same logo, or why it could not run. */
  readonly python: number | string;
  readonly bytes: number;
  readonly ecLevel: string;
}

const TEXT = 'https://example.com/some/longer/path?with=query';

export async function measureStyled(root: string, python: string): Promise<StyledBench> {
  const logoPath = `${root}test/fixtures/logos/red-square.png`;
  const body = JSON.stringify({
    url: TEXT,
    size: 300,
    dotStyle: 'rounded',
    logo: `data:image/png;base64,${readFileSync(logoPath).toString('base64')}`,
  });
  const bundle = pathToFileURL(`${root}build/lambda/index.mjs`).href;
  // The first styled request, in fresh processes: the plain cold start first, then the styled one timed.
  const first: number[] = [];
  for (let i = 0; i < 7; i++) {
    const script = `const { handler } = await import(${JSON.stringify(bundle)});
      await handler({ body: JSON.stringify({ url: 'x' }) });
      const t0 = performance.now(); await handler({ body: ${JSON.stringify(body)} });
      process.stderr.write(String(performance.now() - t0));`;
    // stdout is the function's request log, not read.
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    first.push(Number(run.stderr));
  }
  const { handler } = (await import(bundle)) as {
    handler: (event: unknown) => Promise<{ statusCode: number; body: string }>;
  };
  const warm: number[] = [];
  const answer = await withoutRequestLog(async () => {
    let last = '';
    for (let i = 0; i < 33; i++) {
      const t0 = performance.now();
      const response = await handler({ body });
      if (i >= 3) warm.push(performance.now() - t0);
      last = response.body;
    }
    return JSON.parse(last) as { qr_code: string; verified: { ec_level: string } };
  });
  const peer = spawnSync(
    python,
    [
      '-c',
      `import io, time
from qrcode import QRCode, constants
from qrcode.image.styledpil import StyledPilImage
from qrcode.image.styles.moduledrawers import RoundedModuleDrawer
times = []
for i in range(33):
    t0 = time.perf_counter()
    qr = QRCode(error_correction=constants.ERROR_CORRECT_H, box_size=7, border=4)
    qr.add_data(${JSON.stringify(TEXT)})
    image = qr.make_image(image_factory=StyledPilImage, module_drawer=RoundedModuleDrawer(), embeded_image_path=${JSON.stringify(logoPath)})
    image.save(io.BytesIO(), format='PNG')
    if i >= 3: times.append((time.perf_counter() - t0) * 1000)
times.sort()
print(times[len(times) // 2])`,
    ],
    { encoding: 'utf8' },
  );
  return {
    warmMs: median(warm),
    firstMs: median(first),
    python:
      peer.status === 0
        ? Number(peer.stdout.trim())
        : `python-qrcode could not run: ${peer.stderr.trim().split('\n').at(-1)}`,
    bytes: Buffer.from(answer.qr_code, 'base64').length,
    ecLevel: answer.verified.ec_level,
  };
}
