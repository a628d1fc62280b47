/** Test helpers: minimal .docx files and zip bombs built with yazl (streamed, never held in memory). */
import { Readable } from 'node:stream';
import yazl from 'yazl';

export const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
export const TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
export const doc = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
export const para = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;

export function zip(entries: Array<[string, Buffer | Readable]>): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const [name, content] of entries) {
    if (Buffer.isBuffer(content)) z.addBuffer(content, name);
    else z.addReadStream(content, name);
  }
  z.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    z.outputStream
      .on('data', (c: Buffer) => chunks.push(c))
      .on('end', () => resolve(Buffer.concat(chunks)))
      .on('error', reject);
  });
}

/** A .docx whose document.xml is `mb` MB of zeros, deflated while streamed (never held in memory). */
export function bomb(mb: number): Promise<Buffer> {
  const chunk = Buffer.alloc(1024 * 1024);
  let left = mb;
  const zeros = new Readable({
    read() {
      this.push(left-- > 0 ? chunk : null);
    },
  });
  return zip([
    ['[Content_Types].xml', Buffer.from(TYPES)],
    ['_rels/.rels', Buffer.from(RELS)],
    ['word/document.xml', zeros],
  ]);
}

/** Rewrites the central directory's uncompressed sizes to `size` (a directory that lies). */
export function lie(b: Buffer, size: number): Buffer {
  const out = Buffer.from(b);
  for (let p = out.length - 22; p >= 0; p--) {
    if (out.readUInt32LE(p) !== 0x02014b50) continue;
    out.writeUInt32LE(size, p + 24);
  }
  return out;
}
