import { describe, expect, it } from 'vitest';
import { archiveName, archiveTime } from './archive-name.js';

describe('archive names', () => {
  it('names an archive after its UTC second', () => {
    expect(archiveName(new Date('2026-12-07T10:15:00.400Z'))).toBe(
      'legocity-backup-20261207T101500Z.tar.gz',
    );
  });

  it('reads the time back from a name', () => {
    expect(archiveTime('legocity-backup-20261207T101500Z.tar.gz')?.toISOString()).toBe(
      '2026-12-07T10:15:00.000Z',
    );
  });

  it('does not recognise other files, temporary names or impossible dates', () => {
    for (const name of [
      'notes.txt',
      'legocity-backup-20261207T101500Z.tar',
      '.legocity-backup-20261207T101500Z.tar.gz.partial',
      'legocity-backup-20261340T101500Z.tar.gz',
      'my-legocity-backup-20261207T101500Z.tar.gz',
    ])
      expect(archiveTime(name), name).toBeUndefined();
  });
});
