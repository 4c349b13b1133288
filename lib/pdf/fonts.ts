import path from 'node:path'
import type PDFDocument from 'pdfkit'

// Noto Sans JP from an npm package: embedded (subset) in every PDF, nothing downloaded at run time.
const fontDir = path.join(process.cwd(), 'node_modules', '@expo-google-fonts', 'noto-sans-jp')

export const japaneseFonts = {
  regular: path.join(fontDir, '400Regular', 'NotoSansJP_400Regular.ttf'),
  bold: path.join(fontDir, '700Bold', 'NotoSansJP_700Bold.ttf'),
}

/** Registers Noto Sans JP as 'regular' and 'bold' on a document. */
export function registerJapaneseFonts(doc: InstanceType<typeof PDFDocument>) {
  doc.registerFont('regular', japaneseFonts.regular)
  doc.registerFont('bold', japaneseFonts.bold)
  doc.font('regular')
}

/** The finished document's bytes. */
export function pdfBytes(doc: InstanceType<typeof PDFDocument>): Promise<Buffer> {
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
}
