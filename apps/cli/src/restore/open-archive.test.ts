import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checksumFile } from '../backup/checksum.js';
import { aManifest } from '../backup/manifest.test-support.js';
import { MANIFEST_FILE, type ManifestFile } from '../backup/manifest.js';
import { writeArchive } from '../backup/write-archive.js';
import { openArchive } from './open-archive.js';

const NAME = 'legocity-backup-20261207T101500Z.tar.gz';
const FILES: Record<string, string | Buffer> = {
  'broker/dump.ndjson': '{"format":"legocity-broker-dump"}\n',
  // Incompressible, so a flipped byte lands in stored data and only the CRC can catch it.
  'cms/payload.db': Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => (i * 7919) % 251)),
  'secrets/payload-secret': 'c2VjcmV0\n',
};

describe('openArchive', () => {
  let root: string;
  let stage: string;
  let out: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'legocity-open-archive-'));
    stage = join(root, 'stage');
    out = join(root, 'out');
    await mkdir(out);
    for (const [path, content] of Object.entries(FILES)) {
      await mkdir(join(stage, path, '..'), { recursive: true });
      await writeFile(join(stage, path), content);
    }
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  /** An archive of the staged files; `edit` changes the manifest's file list first. */
  async function archive(
    options: { edit?: (files: ManifestFile[]) => void; withManifest?: boolean } = {},
  ) {
    const files: ManifestFile[] = [];
    for (const path of Object.keys(FILES))
      files.push({ path, ...(await checksumFile(join(stage, path))) });
    options.edit?.(files);
    await writeFile(join(stage, MANIFEST_FILE), JSON.stringify(aManifest({ files })));
    const withManifest = options.withManifest ?? true;
    const list = [...(withManifest ? [MANIFEST_FILE] : []), ...Object.keys(FILES)];
    return (await writeArchive({ stage, files: list, folder: root, name: NAME })).path;
  }

  async function damage(path: string, change: (bytes: Buffer) => Buffer): Promise<void> {
    await writeFile(path, change(await readFile(path)));
  }

  it('extracts an intact archive and returns its manifest', async () => {
    const opened = await openArchive(await archive(), out);
    expect(opened.manifest.files.map((f) => f.path)).toEqual(Object.keys(FILES));
    expect(await readFile(join(out, 'secrets/payload-secret'), 'utf8')).toBe('c2VjcmV0\n');
  });

  it('refuses an archive with one flipped byte', async () => {
    const path = await archive();
    await damage(path, (bytes) => {
      bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
      return bytes;
    });
    // Caught by gzip's CRC, or earlier by a tar header's checksum, depending on where it lands.
    await expect(openArchive(path, out)).rejects.toThrow(
      /^archive legocity-backup-20261207T101500Z\.tar\.gz is damaged: (its compressed data is corrupt|the tar inside is corrupt)/,
    );
  });

  it('refuses a truncated archive', async () => {
    const path = await archive();
    await damage(path, (bytes) => bytes.subarray(0, bytes.length - 100));
    await expect(openArchive(path, out)).rejects.toThrow(
      `archive ${NAME} is damaged: it is truncated (the compressed data ends early`,
    );
  });

  it('refuses an archive without a manifest', async () => {
    await expect(openArchive(await archive({ withManifest: false }), out)).rejects.toThrow(
      `archive ${NAME} has no manifest.json: it is not a LegoCity backup, or it is damaged`,
    );
  });

  it('names the file whose SHA-256 differs from the manifest', async () => {
    const path = await archive({ edit: (files) => (files[1]!.sha256 = '0'.repeat(64)) });
    await expect(openArchive(path, out)).rejects.toThrow(
      /archive .* is damaged: the SHA-256 of cms\/payload\.db is [0-9a-f]{16}… but the manifest says 0000000000000000…/,
    );
  });

  it('names the file whose size differs, and a listed file that is missing', async () => {
    const sized = await archive({ edit: (files) => (files[0]!.bytes += 1) });
    await expect(openArchive(sized, out)).rejects.toThrow(
      /broker\/dump\.ndjson has 34 bytes but the manifest says 35/,
    );
    await rm(sized);
    const missing = await archive({
      edit: (files) =>
        files.push({ path: 'secrets/admin-password', bytes: 1, sha256: 'a'.repeat(64) }),
    });
    await expect(openArchive(missing, out)).rejects.toThrow(
      'is missing secrets/admin-password, which its manifest lists',
    );
  });

  it('refuses a file that is not gzip-compressed, and one that does not exist', async () => {
    await writeFile(join(root, 'notes.tar.gz'), 'hello');
    await expect(openArchive(join(root, 'notes.tar.gz'), out)).rejects.toThrow(
      'archive notes.tar.gz is damaged: it is not gzip-compressed',
    );
    await expect(openArchive(join(root, 'nope.tar.gz'), out)).rejects.toThrow(
      'archive nope.tar.gz does not exist',
    );
  });
});
