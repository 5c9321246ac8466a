/** Recognising uploaded images by their content. */

export type ImageType = "image/png" | "image/jpeg" | "image/webp" | "image/gif";

export const imageExtensions: Record<ImageType, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/gif": "gif",
};

const at = (bytes: Buffer, offset: number, expected: number[] | string) => {
  const wanted =
    typeof expected === "string" ? Buffer.from(expected, "latin1") : Buffer.from(expected);
  return (
    bytes.length >= offset + wanted.length &&
    bytes.subarray(offset, offset + wanted.length).equals(wanted)
  );
};

/**
 * Recognises a raster image by its first bytes, never by a file name or a declared type: PNG
 * (signature and its IHDR chunk first), JPEG (SOI marker), WebP (RIFF/WEBP with a VP8 chunk)
 * and GIF (GIF87a/GIF89a). Anything else — SVG included, which can carry scripts — is null.
 */
export function sniffImageType(bytes: Buffer): ImageType | null {
  if (at(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) && at(bytes, 12, "IHDR"))
    return "image/png";
  if (at(bytes, 0, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (at(bytes, 0, "RIFF") && at(bytes, 8, "WEBP") && at(bytes, 12, "VP8")) return "image/webp";
  if (at(bytes, 0, "GIF87a") || at(bytes, 0, "GIF89a")) return "image/gif";
  return null;
}
