import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PNG } from 'pngjs'
import { renderLabelsPdf, type LabelContent } from '@/lib/labels/pdf'
import { crop, pdfToPages } from './pdf'

/**
 * A video file for Chromium's fake camera (--use-file-for-fake-video-capture) showing one of our own
 * printed labels: the label PDF rendered by poppler, cropped to the label, framed on a grey desk, and
 * turned into a y4m by ffmpeg. What the phone would see when pointed at a label.
 */
export async function labelVideo(label: LabelContent): Promise<string> {
  const pdf = await renderLabelsPdf({ layout: 'a4-12', labels: [label] })
  const [page] = pdfToPages(pdf, 150)
  // The QR square of the first label on an A4-12 sheet (34 mm), centred in the frame like a user aims it.
  const image = crop(page!, { x: 18.6, y: 21.2 + (42.3 - 34) / 2 - 2, w: 38, h: 38 })
  const width = 640
  const height = 480
  const frame = new PNG({ width, height })
  frame.data.fill(0x90)
  const left = Math.floor((width - image.width) / 2)
  const top = Math.floor((height - image.height) / 2)
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const from = (y * image.width + x) * 4
      const to = ((top + y) * width + left + x) * 4
      frame.data.set(image.data.subarray(from, from + 4), to)
    }
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'genba-camera-'))
  const png = path.join(dir, 'label.png')
  const y4m = path.join(dir, 'label.y4m')
  writeFileSync(png, PNG.sync.write(frame))
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-loop', '1', '-i', png, '-t', '1', '-r', '10', '-pix_fmt', 'yuv420p', y4m])
  return y4m
}
