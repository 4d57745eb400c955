import sharp from 'sharp';

/** Larger images are refused unread: a small file can declare a huge canvas (a decompression bomb). */
const MAX_INPUT_PIXELS = 50_000_000;
const DISPLAY_EDGE = 2048;
const THUMBNAIL_EDGE = 320;

export interface ImagePreview {
  display: Buffer;
  thumbnail: Buffer;
}

/**
 * The copies of an image the app shows: decoded and encoded afresh as JPEG, turned upright by its EXIF
 * orientation, transparency laid on white, and no metadata carried over (sharp writes none unless asked),
 * so a customer's GPS position in a photo's EXIF never reaches an agent's screen. Only the first frame of an
 * animation is kept. Undefined when the bytes do not decode as an image.
 */
export async function imagePreview(bytes: Uint8Array): Promise<ImagePreview | undefined> {
  try {
    const upright = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .flatten({ background: '#ffffff' });
    const encode = (edge: number, quality: number) =>
      upright
        .clone()
        .resize({ width: edge, height: edge, fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality, mozjpeg: true })
        .toBuffer();
    const [display, thumbnail] = await Promise.all([encode(DISPLAY_EDGE, 85), encode(THUMBNAIL_EDGE, 75)]);
    return { display, thumbnail };
  } catch {
    return undefined;
  }
}

/** The media type of every preview imagePreview makes. */
export const PREVIEW_MEDIA_TYPE = 'image/jpeg';
