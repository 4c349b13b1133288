// Makes the PWA icons in public/icons/ from one SVG (run once, PNGs committed): `npx tsx scripts/make-icons.ts`.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'

const ink = '#111827'
const brand = '#fbbf24'

/** A QR-like mark (three finder squares and a few modules) in the brand yellow on ink; `safe` shrinks it into the maskable zone. */
function svg(size: number, { safe = 1, rounded = true } = {}) {
  const s = 100
  const m = (s * (1 - 0.62 * safe)) / 2
  const u = (s - 2 * m) / 7
  const finder = (x: number, y: number) =>
    `<rect x="${x}" y="${y}" width="${u * 3}" height="${u * 3}" rx="${u * 0.4}" fill="${brand}"/>` +
    `<rect x="${x + u * 0.75}" y="${y + u * 0.75}" width="${u * 1.5}" height="${u * 1.5}" fill="${ink}"/>` +
    `<rect x="${x + u * 1.1}" y="${y + u * 1.1}" width="${u * 0.8}" height="${u * 0.8}" fill="${brand}"/>`
  const cell = (cx: number, cy: number) => `<rect x="${m + cx * u}" y="${m + cy * u}" width="${u * 0.9}" height="${u * 0.9}" fill="${brand}"/>`
  const cells = [
    [3, 1], [3, 3], [4, 3], [5, 4], [6, 3], [4, 5], [6, 5], [5, 6], [3, 5], [1, 3],
  ].map(([x, y]) => cell(x!, y!))
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${s} ${s}">` +
      `<rect width="${s}" height="${s}" rx="${rounded ? 18 : 0}" fill="${ink}"/>` +
      finder(m, m) + finder(m + u * 4, m) + finder(m, m + u * 4) +
      cells.join('') +
      `</svg>`,
  )
}

const out = path.join(import.meta.dirname, '..', 'public', 'icons')
mkdirSync(out, { recursive: true })
const icons: [string, number, Parameters<typeof svg>[1]][] = [
  ['icon-192.png', 192, {}],
  ['icon-512.png', 512, {}],
  ['maskable-192.png', 192, { safe: 0.8, rounded: false }],
  ['maskable-512.png', 512, { safe: 0.8, rounded: false }],
  // iOS rounds the corners itself and shows transparency as black.
  ['apple-touch-icon.png', 180, { safe: 0.9, rounded: false }],
]
for (const [name, size, options] of icons) {
  await sharp(svg(size, options)).png({ compressionLevel: 9 }).toFile(path.join(out, name))
  console.log(name)
}
