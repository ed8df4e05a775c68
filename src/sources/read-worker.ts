/** The worker of the read pool (read-pool.ts, piscina): reads one document. */
import { readDocument, type ReadResult } from './read-document.ts';

export default function readHere({
  bytes,
  contentType,
  quote,
}: {
  bytes: Uint8Array;
  contentType: string | null;
  quote?: string | undefined;
}): Promise<ReadResult> {
  return readDocument(bytes, contentType, quote);
}
