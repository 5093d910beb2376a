/*
 * Debian's libqrencode beside the function, in one process: the symbol (QRcode_encodeString,
 * as the qrencode command calls it) and a PNG at the function's settings (1-bit grayscale,
 * 10 px a module, a 4-module border, rows unfiltered, zlib level 6), timed over a given
 * number of milliseconds. `make bench-deps` builds it; bench/measure/peers.ts runs it.
 *   qrencode <payload-file> <L|M|Q|H> <milliseconds> [<png-out>]
 * Prints one JSON line: {"firstUs", "pngUs", "matrixUs", "bytes"}: the first code from the
 * start of main (the shared library is loaded before it), then the mean µs a call of the
 * PNG and of the symbol alone. <png-out> gets the first PNG, for ZBar to read back.
 */
#include <qrencode.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

#define SCALE 10
#define MARGIN 4

static double now_us(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static unsigned char *put32(unsigned char *p, uint32_t v) {
  p[0] = v >> 24; p[1] = v >> 16; p[2] = v >> 8; p[3] = v;
  return p + 4;
}

/* A chunk at p: length, type, data (already in place after the type), CRC. */
static unsigned char *chunk(unsigned char *p, const char *type, size_t length) {
  put32(p, (uint32_t)length);
  memcpy(p + 4, type, 4);
  uLong crc = crc32(0L, p + 4, (uInt)(length + 4));
  return put32(p + 8 + length, (uint32_t)crc);
}

/* The PNG of a symbol into a new buffer; its length in *size. */
static unsigned char *png(const QRcode *code, size_t *size) {
  const int modules = code->width + 2 * MARGIN;
  const size_t width = (size_t)modules * SCALE;
  const size_t stride = 1 + (width + 7) / 8;
  const size_t raw_size = stride * width;
  unsigned char *raw = malloc(raw_size);
  memset(raw, 0xff, raw_size);
  for (size_t row = 0; row < width; row++) raw[row * stride] = 0;
  for (int y = 0; y < code->width; y++) {
    unsigned char *line = raw + (size_t)(MARGIN + y) * SCALE * stride;
    for (int x = 0; x < code->width; x++)
      if (code->data[y * code->width + x] & 1)
        for (size_t px = (size_t)(MARGIN + x) * SCALE; px < (size_t)(MARGIN + x + 1) * SCALE; px++)
          line[1 + px / 8] &= (unsigned char)~(0x80 >> (px % 8));
    for (int copy = 1; copy < SCALE; copy++) memcpy(line + copy * stride, line, stride);
  }
  uLongf idat = compressBound(raw_size);
  unsigned char *out = malloc(8 + 25 + 12 + idat + 12);
  static const unsigned char signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  memcpy(out, signature, 8);
  unsigned char *p = out + 8;
  unsigned char *data = put32(p + 8, (uint32_t)width);
  data = put32(data, (uint32_t)width);
  data[0] = 1; data[1] = 0; data[2] = 0; data[3] = 0; data[4] = 0; /* 1-bit grayscale */
  p = chunk(p, "IHDR", 13);
  compress2(p + 8, &idat, raw, raw_size, 6);
  p = chunk(p, "IDAT", idat);
  p = chunk(p, "IEND", 0);
  free(raw);
  *size = (size_t)(p - out);
  return out;
}

int main(int argc, char **argv) {
  const double started = now_us();
  if (argc < 4) {
    fprintf(stderr, "usage: qrencode <payload-file> <L|M|Q|H> <milliseconds> [<png-out>]\n");
    return 2;
  }
  FILE *in = fopen(argv[1], "rb");
  if (!in) { perror(argv[1]); return 1; }
  static char text[8192];
  size_t length = fread(text, 1, sizeof text - 1, in);
  fclose(in);
  text[length] = 0;
  const QRecLevel levels[] = {['L'] = QR_ECLEVEL_L, ['M'] = QR_ECLEVEL_M, ['Q'] = QR_ECLEVEL_Q, ['H'] = QR_ECLEVEL_H};
  const QRecLevel level = levels[(unsigned char)argv[2][0] & 0x7f];
  const double budget = atof(argv[3]) * 1000;

  size_t bytes;
  QRcode *code = QRcode_encodeString(text, 0, level, QR_MODE_8, 1);
  if (!code) { perror("QRcode_encodeString"); return 1; }
  unsigned char *image = png(code, &bytes);
  const double first = now_us() - started;
  if (argc > 4) {
    FILE *out = fopen(argv[4], "wb");
    if (!out || fwrite(image, 1, bytes, out) != bytes) { perror(argv[4]); return 1; }
    fclose(out);
  }
  free(image);
  QRcode_free(code);

  long calls = 0;
  double t0 = now_us(), elapsed;
  do {
    code = QRcode_encodeString(text, 0, level, QR_MODE_8, 1);
    size_t size;
    free(png(code, &size));
    QRcode_free(code);
    calls++;
  } while ((elapsed = now_us() - t0) < budget);
  const double png_us = elapsed / calls;

  calls = 0;
  t0 = now_us();
  do {
    QRcode_free(QRcode_encodeString(text, 0, level, QR_MODE_8, 1));
    calls++;
  } while ((elapsed = now_us() - t0) < budget / 2);
  printf("{\"firstUs\":%.3f,\"pngUs\":%.3f,\"matrixUs\":%.3f,\"bytes\":%zu}\n", first, png_us, elapsed / calls, bytes);
  return 0;
}
