import { decodeImportFile } from '../../src/import/decode';
import { ImportFileError } from '../../src/import/read';

const header = 'email;name;roles\n';

function refusal(bytes: Buffer): string {
  try {
    decodeImportFile(bytes);
  } catch (err) {
    expect(err).toBeInstanceOf(ImportFileError);
    return (err as Error).message;
  }
  throw new Error('not refused');
}

describe('import files are read in the encodings Danish Excel writes', () => {
  it('"CSV UTF-8": UTF-8 with a byte-order mark, which is dropped', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(`${header}a@x;Søren Ærø;adviser\n`),
    ]);
    expect(decodeImportFile(bytes)).toEqual({ text: `${header}a@x;Søren Ærø;adviser\n`, encoding: 'utf-8' });
  });

  it('UTF-8 without the mark (other tools, JSON)', () => {
    expect(decodeImportFile(Buffer.from('[{"name":"Åse"}]'))).toEqual({
      text: '[{"name":"Åse"}]',
      encoding: 'utf-8',
    });
  });

  it('"CSV (semikolonsepareret)": Windows-1252, æ ø å Æ Ø Å and the euro sign intact', () => {
    const bytes = Buffer.from([...Buffer.from(header), 0xe6, 0xf8, 0xe5, 0xc6, 0xd8, 0xc5, 0x20, 0x80, 0x0a]);
    expect(decodeImportFile(bytes)).toEqual({ text: `${header}æøåÆØÅ €\n`, encoding: 'windows-1252' });
  });

  it('refuses UTF-16 ("Unicode-tekst"), by its mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(header, 'utf16le')]);
    expect(refusal(bytes)).toMatch(/^The file is UTF-16 text .* Save it from Excel as "CSV UTF-8"/);
  });

  it('refuses NUL bytes by line (UTF-16 without its mark, a binary file)', () => {
    expect(refusal(Buffer.from(`${header}a\u0000b\n`))).toMatch(/^Line 2: holds NUL bytes/);
  });

  it('refuses lines in another encoding than the rest of a UTF-8 file, naming the lines only', () => {
    const bytes = Buffer.concat([
      Buffer.from(`${header}a@x;Søren;adviser\n`, 'utf8'),
      Buffer.from('b@x;Bøgh;adviser\nc@x;Ærø;adviser\n', 'latin1'),
    ]);
    const message = refusal(bytes);
    expect(message).toMatch(/^Lines 3, 4: not UTF-8 like the rest of the file\./);
    expect(message).not.toMatch(/B.gh|Ær/);
  });

  it('refuses bytes Windows-1252 leaves undefined, by line', () => {
    const bytes = Buffer.from([...Buffer.from(`${header}a;`), 0x81, 0x0a, ...Buffer.from('b;'), 0xe6, 0x0a]);
    expect(refusal(bytes)).toMatch(/^Line 2: holds bytes that are neither UTF-8 nor Windows-1252 text\./);
  });
});
