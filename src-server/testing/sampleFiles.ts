// Files for attachment tests, made here (no real people, no real photos): a photo whose EXIF holds a
// camera make, a GPS position and a sideways orientation, a PNG, a one-page PDF, text, and things we refuse.
import sharp from 'sharp';

export const SAMPLE_CAMERA_MAKE = 'CrossdeskTestCam';
/** The TIFF tag that points at EXIF's GPS block, as it appears in a little-endian EXIF header. */
export const GPS_IFD_TAG = Buffer.from([0x25, 0x88]);

/** A 64x32 JPEG stored sideways (EXIF orientation 6: shown 32 wide, 64 tall) with a GPS position. */
export function photoWithLocation(colour = '#b03030'): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 32, channels: 3, background: colour } })
    .withExif({
      IFD0: { Make: SAMPLE_CAMERA_MAKE },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '52/1 31/1 12/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '13/1 24/1 36/1',
      },
    })
    .withMetadata({ orientation: 6 })
    .jpeg()
    .toBuffer();
}

export function pngImage(width = 48, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 20, g: 120, b: 200, alpha: 0.5 } } })
    .png()
    .toBuffer();
}

/** A valid one-page PDF with one line of text, written out by hand (offsets computed). */
export function pdfDocument(text = 'Return label'): Buffer {
  const stream = `BT /F1 18 Tf 40 100 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A Windows executable's first bytes: refused whatever it is called. */
export const EXECUTABLE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(126, 0x90)]);
export const HTML_PAGE = Buffer.from('<!DOCTYPE html><script>alert(1)</script>', 'utf8');
