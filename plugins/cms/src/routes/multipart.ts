import busboy from 'busboy';
import type { Request } from 'express';
import { cmsErrors } from '../errors.js';
import type { Upload } from '../services/media.service.js';

/** A multipart form with one file: the file and the text fields that came with it. */
export interface UploadForm {
  file: Upload;
  fields: Record<string, string>;
}

// Headers and form fields around the file; a body this much larger than the limit is refused before reading it.
const OVERHEAD_BYTES = 64 * 1024;

function tooLarge(maxBytes: number) {
  return cmsErrors.WZ_CMS_MEDIA_TOO_LARGE({ maxBytes });
}

function invalid(message: string) {
  return cmsErrors.WZ_CMS_MEDIA_UPLOAD_INVALID({ problem: message }, { details: {} });
}

/**
 * Reads a `multipart/form-data` body holding one file in the field `file`, stopping at `maxBytes`: a larger file
 * answers 413 `WZ_CMS_MEDIA_TOO_LARGE` (what was read is dropped), a body that is not such a form 400
 * `WZ_CMS_MEDIA_UPLOAD_INVALID`. The declared content type of the file is ignored.
 */
export function readUploadForm(req: Request, maxBytes: number): Promise<UploadForm> {
  const declared = Number(req.headers['content-length']);
  if (declared > maxBytes + OVERHEAD_BYTES) return Promise.reject(tooLarge(maxBytes));
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 8 * 1024, parts: 12 },
    });
  } catch {
    return Promise.reject(invalid('Send the image as multipart/form-data in the field "file"'));
  }
  return new Promise((resolve, reject) => collect(req, parser, maxBytes, resolve, reject));
}

function collect(
  req: Request,
  parser: busboy.Busboy,
  maxBytes: number,
  resolve: (form: UploadForm) => void,
  reject: (error: unknown) => void,
): void {
  const fields: Record<string, string> = {};
  const chunks: Buffer[] = [];
  let file: { name: string } | undefined;
  let truncated = false;
  parser.on('file', (field, stream, info) => {
    if (field !== 'file' || file) return void stream.resume();
    file = { name: info.filename ?? 'upload' };
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('limit', () => (truncated = true));
  });
  parser.on('field', (name, value) => (fields[name] = value));
  parser.on('error', () => reject(invalid('The multipart body could not be read')));
  parser.on('close', () => {
    if (truncated) return reject(tooLarge(maxBytes));
    if (!file) return reject(invalid('No file in the field "file"'));
    resolve({ file: { originalName: file.name, bytes: Buffer.concat(chunks) }, fields });
  });
  req.pipe(parser);
}
