import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'

export interface Page {
  png: PNG
  dpi: number
}

/** Renders a PDF to PNG pages with poppler's pdftoppm (an independent renderer). */
export function pdfToPages(pdf: Buffer, dpi = 200): Page[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'genba-pdf-'))
  try {
    writeFileSync(path.join(dir, 'in.pdf'), pdf)
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', path.join(dir, 'in.pdf'), path.join(dir, 'page')])
    return readdirSync(dir)
      .filter((f) => f.startsWith('page'))
      .sort()
      .map((f) => ({ png: PNG.sync.read(readFileSync(path.join(dir, f))), dpi }))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString('utf8')
}

export function pdfPageCount(pdf: Buffer): number {
  const info = execFileSync('pdfinfo', ['-'], { input: pdf }).toString('utf8')
  return Number(info.match(/Pages:\s+(\d+)/)?.[1])
}

/** Crops a region given in millimetres from a page. */
export function crop(page: Page, region: { x: number; y: number; w: number; h: number }): { data: Uint8ClampedArray; width: number; height: number } {
  const px = (mm: number) => Math.round((mm / 25.4) * page.dpi)
  const x0 = Math.max(0, px(region.x))
  const y0 = Math.max(0, px(region.y))
  const width = Math.min(page.png.width - x0, px(region.w))
  const height = Math.min(page.png.height - y0, px(region.h))
  const data = new Uint8ClampedArray(width * height * 4)
  for (let row = 0; row < height; row++) {
    const from = ((y0 + row) * page.png.width + x0) * 4
    data.set(page.png.data.subarray(from, from + width * 4), row * width * 4)
  }
  return { data, width, height }
}

/** Decodes the one QR code in a region with jsQR (independent of the encoder), or null. */
export function decodeQr(page: Page, region: { x: number; y: number; w: number; h: number }): string | null {
  const image = crop(page, region)
  return jsQR(image.data, image.width, image.height)?.data ?? null
}

/** The side in mm of the dark area (the QR's modules) inside a region. */
export function darkExtentMm(page: Page, region: { x: number; y: number; w: number; h: number }): number {
  const image = crop(page, region)
  let minX = Infinity
  let maxX = -Infinity
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (image.data[(y * image.width + x) * 4]! < 100) {
        minX = Math.min(minX, x)
        maxX = Math.max(maxX, x)
      }
    }
  }
  return ((maxX - minX + 1) / page.dpi) * 25.4
}
